// 工单: the inbox of the user's unit or of a unit below it. The unit and every filter live in
// the address (?org=&state=&kind=&category=&q=&...), so a filtered view can be reloaded or
// shared. Above the list, the open orders per state for the same filters.
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UnitPicker } from '@/components/unit-picker';
import { inboxKind } from '@/lib/access';
import { useMe } from '@/lib/auth';
import { ENTERPRISE_HIDDEN_FILTERS, apiFilters, countFilters, readFilters, withoutHidden, writeFilters } from '../api/inbox';
import { InboxCounts } from '../components/inbox-counts';
import { InboxFilters } from '../components/inbox-filters';
import { InboxTable } from '../components/inbox-table';

type InboxPageProps = {
  /** Something to show beside an order's number (the app puts the unread-messages badge there). */
  badge?: (orderId: number) => ReactNode;
};

export function InboxPage({ badge }: InboxPageProps = {}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const rootId = me?.org?.id;
  // RequireAuth lets only users with `view_orders` (hence an organisation) this far.
  if (!me || rootId === undefined) return null;
  // An enterprise sees the complaints about it, an association those delegated to it: one
  // unit each, without the filters that mean nothing there.
  const kind = inboxKind(me);
  const hidden = kind === 'enterprise' ? ENTERPRISE_HIDDEN_FILTERS : [];
  const filters = withoutHidden(readFilters(params), hidden);
  const orgId = kind === 'staff' ? (filters.org ?? rootId) : rootId;
  const search = writeFilters(filters).toString();
  const query = apiFilters(filters);
  const setState = (state: string | undefined) => {
    const { state: _old, ...values } = filters.values;
    setParams(writeFilters({ org: filters.org, values: state ? { ...values, state } : values }));
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {kind === 'enterprise'
            ? t('odr.inbox.enterpriseTitle')
            : kind === 'association'
              ? t('odr.inbox.associationTitle')
              : t('orders.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {kind === 'enterprise'
            ? t('odr.inbox.enterpriseDescription')
            : kind === 'association'
              ? t('odr.inbox.associationDescription')
              : t('orders.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap={16}>
          {kind === 'staff' ? (
            <Flex gap={8} align="center" wrap>
              <label htmlFor="orders-unit">{t('orders.unit')}</label>
              <UnitPicker
                id="orders-unit"
                rootId={rootId}
                value={orgId}
                onChange={(id) => setParams(writeFilters({ ...filters, org: id === rootId ? undefined : id }))}
              />
            </Flex>
          ) : null}
          <InboxFilters
            values={filters.values}
            hidden={hidden}
            onSearch={(values) => setParams(writeFilters({ org: filters.org, values }))}
          />
          <InboxCounts orgId={orgId} query={countFilters(query)} state={filters.values.state} onState={setState} />
          <InboxTable
            orgId={orgId}
            query={query}
            search={search ? `?${search}` : ''}
            variant={kind}
            badge={badge}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
