// The inbox: one row per order, by due date (the server's order); 加载更多 fetches the next
// keyset page. The number links to the order page.
import { Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { useInbox, type InboxQuery, type OrderSummary } from '../api/inbox';
import { useUnit } from '../api/choices';
import { DueDate, StateTag, formatDate, label } from './labels';

/**
 * A row as the table reads it. The business's and the holder's names are not in
 * `OrderSummary` yet: shown when the server sends them, else the holder is looked up.
 */
type Row = OrderSummary & { business_name?: string | null; holder_name?: string | null };

function HolderName({ row }: { row: Row }) {
  const { t } = useTranslation();
  const unit = useUnit(row.holder_name ? undefined : row.holder_org_id);
  return <>{row.holder_name ?? unit.data?.name ?? t('orders.unknownUnit', { id: row.holder_org_id })}</>;
}

export function InboxTable({ orgId, query, search }: { orgId: number; query: InboxQuery; search: string }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const inbox = useInbox(orgId, query);

  if (inbox.isError && !inbox.data) {
    return <QueryError title={t('orders.loadFailed')} error={inbox.error} onRetry={() => void inbox.refetch()} />;
  }
  const rows: Row[] = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Flex vertical gap={12}>
      <Table<Row>
        rowKey="id"
        loading={inbox.isPending}
        dataSource={rows}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('orders.empty') }}
        onRow={(row) => ({ 'data-testid': 'order-row', 'data-number': row.number }) as object}
        columns={[
          {
            key: 'number',
            title: t('orders.column.number'),
            render: (_, row) => (
              <Link to={`/orders/${row.id}`} state={{ inbox: search }}>
                {row.number}
              </Link>
            ),
          },
          { key: 'kind', title: t('orders.column.kind'), render: (_, row) => label(t, 'kind', row.kind) },
          { key: 'state', title: t('orders.column.state'), render: (_, row) => <StateTag state={row.state} /> },
          {
            key: 'business',
            title: t('orders.column.business'),
            render: (_, row) => row.business_name ?? t('orders.none'),
          },
          { key: 'holder', title: t('orders.column.holder'), render: (_, row) => <HolderName row={row} /> },
          {
            key: 'due',
            title: t('orders.column.due'),
            render: (_, row) => <DueDate due={row.due_on} provisional={row.due_provisional} overdue={row.overdue} />,
          },
          {
            key: 'received',
            title: t('orders.column.received'),
            render: (_, row) => formatDate(row.received_on, i18n.language),
          },
        ]}
      />
      {inbox.isFetchNextPageError ? (
        <Typography.Paragraph type="danger" role="alert" style={{ marginBottom: 0 }}>
          {message(inbox.error)}
        </Typography.Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <Flex gap={12} align="center">
          <Typography.Text type="secondary" aria-live="polite">
            {t('orders.shown', { count: rows.length })}
            {inbox.hasNextPage ? '' : ` · ${t('orders.noMore')}`}
          </Typography.Text>
          {inbox.hasNextPage ? (
            <Button loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
              {t('orders.loadMore')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
