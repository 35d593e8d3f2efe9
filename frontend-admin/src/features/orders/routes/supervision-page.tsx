// 督办: the overdue open orders of the user's unit or of a unit below it (?org=), the longest
// overdue first, with the holding unit, the days overdue and when the order was escalated.
// 加载更多 follows the keyset `next`. For users with `supervise` (the server decides who).
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { UnitPicker } from '@/components/unit-picker';
import { useMe } from '@/lib/auth';
import { useErrorMessage } from '@/lib/problem';
import { type SupervisedOrder, useSupervision } from '../api/supervision';
import { DueDate, StateTag, formatTime, label } from '../components/labels';

function orgParam(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function SupervisionTable({ orgId }: { orgId: number }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const list = useSupervision(orgId);
  if (list.isError && !list.data) {
    return <QueryError title={t('supervision.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  }
  const rows: SupervisedOrder[] = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Table<SupervisedOrder>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('supervision.empty') }}
        onRow={(row) => ({ 'data-testid': 'supervised-row', 'data-number': row.number }) as object}
        columns={[
          {
            key: 'number',
            title: t('orders.column.number'),
            render: (_, row) => <Link to={`/orders/${row.id}`}>{row.number}</Link>,
          },
          { key: 'kind', title: t('orders.column.kind'), render: (_, row) => label(t, 'kind', row.kind) },
          { key: 'state', title: t('orders.column.state'), render: (_, row) => <StateTag state={row.state} /> },
          { key: 'business', title: t('orders.column.business'), render: (_, row) => row.business_name ?? t('orders.none') },
          { key: 'holder', title: t('orders.column.holder'), render: (_, row) => row.holder_name },
          {
            key: 'due',
            title: t('orders.column.due'),
            render: (_, row) => <DueDate due={row.due_on} provisional={row.due_provisional} overdue={row.overdue} />,
          },
          {
            key: 'days',
            title: t('supervision.daysOverdue'),
            render: (_, row) => (
              <Typography.Text type="danger" strong data-testid="days-overdue">
                {t('supervision.days', { count: row.days_overdue })}
              </Typography.Text>
            ),
          },
          {
            key: 'escalated',
            title: t('supervision.escalatedAt'),
            render: (_, row) => (row.escalated_at ? formatTime(row.escalated_at, i18n.language) : t('supervision.notYet')),
          },
        ]}
      />
      {list.isFetchNextPageError ? (
        <Typography.Paragraph type="danger" role="alert" style={{ marginBottom: 0 }}>
          {message(list.error)}
        </Typography.Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <Flex gap={12} align="center">
          <Typography.Text type="secondary" aria-live="polite">
            {t('orders.shown', { count: rows.length })}
            {list.hasNextPage ? '' : ` · ${t('orders.noMore')}`}
          </Typography.Text>
          {list.hasNextPage ? (
            <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('orders.loadMore')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}

export function SupervisionPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const rootId = me?.org?.id;
  if (!me || rootId === undefined) return null;
  const orgId = orgParam(params.get('org')) ?? rootId;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('supervision.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('supervision.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <label htmlFor="supervision-unit">{t('orders.unit')}</label>
            <UnitPicker
              id="supervision-unit"
              rootId={rootId}
              value={orgId}
              onChange={(id) => setParams(id === rootId ? {} : { org: String(id) })}
            />
          </Flex>
          <SupervisionTable orgId={orgId} />
        </Flex>
      </Card>
    </Flex>
  );
}
