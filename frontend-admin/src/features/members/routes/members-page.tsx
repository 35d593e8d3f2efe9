// 人员管理: the members of the user's own unit, or of any unit of their subtree picked from
// the tree (kept in the address as ?org=, so a reload or a shared link shows the same unit).
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UnitPicker } from '@/components/unit-picker';
import { useMe } from '@/lib/auth';
import { MembersTable } from '../components/members-table';

export function MembersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const rootId = me?.org?.id;
  // RequireAuth lets only users with `manage_members` (hence an organisation) this far.
  if (!me || rootId === undefined) return null;
  const asked = Number(params.get('org'));
  const orgId = Number.isSafeInteger(asked) && asked > 0 ? asked : rootId;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('members.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('members.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <label htmlFor="members-unit">{t('members.unit')}</label>
            <UnitPicker
              id="members-unit"
              rootId={rootId}
              value={orgId}
              onChange={(id) => setParams(id === rootId ? {} : { org: String(id) })}
            />
          </Flex>
          <MembersTable orgId={orgId} selfId={me.user_id} />
        </Flex>
      </Card>
    </Flex>
  );
}
