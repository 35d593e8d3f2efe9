// 审计日志: search the audit records of the user's unit or of a unit below it. Every filter
// lives in the address (?org=&action=&outcome=&user_id=&from=&until=), so a reload keeps it.
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UnitPicker } from '@/components/unit-picker';
import { useMe } from '@/lib/auth';
import { apiFilters, readFilters, writeFilters } from '../api/filters';
import { AuditFiltersForm } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';

export function AuditPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const rootId = me?.org?.id;
  // RequireAuth lets only users with `search_audit` (hence an organisation) this far.
  if (!me || rootId === undefined) return null;
  const filters = readFilters(params);
  const orgId = filters.org ?? rootId;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('audit.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('audit.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <label htmlFor="audit-unit">{t('audit.unit')}</label>
            <UnitPicker
              id="audit-unit"
              rootId={rootId}
              value={orgId}
              onChange={(id) => setParams(writeFilters({ ...filters, org: id === rootId ? undefined : id }))}
            />
          </Flex>
          <AuditFiltersForm
            filters={filters}
            onSearch={(next) => setParams(writeFilters({ org: filters.org, ...next }))}
          />
          <AuditTable orgId={orgId} filters={apiFilters(filters)} />
        </Flex>
      </Card>
    </Flex>
  );
}
