// The inbox: one row per order, by due date (the server's order); 加载更多 fetches the next
// keyset page. The number links to the order page; an escalated order carries 督办. Rows can
// be selected for 批量分派 (the selection is cleared when the filters change).
import { Button, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import type { InboxKind } from '@/lib/access';
import { useInbox, type InboxQuery, type OrderSummary } from '../api/inbox';
import { useUnit } from '../api/choices';
import { categoryName, useCategoryTree } from '../api/categories';
import { BulkAssign, type Selected } from './bulk-assign';
import { DueDate, StateTag, formatDate, formatTime, label } from './labels';
import { WorkingDaysLeft } from './odr-block';

/** A row as the table reads it (the holder is looked up when the server leaves its name out). */
type Row = OrderSummary;

export function EscalatedTag({ at }: { at: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!at) return null;
  return (
    <Tooltip title={t('orders.escalatedHelp', { at: formatTime(at, i18n.language) })}>
      <Tag color="#a8071a" tabIndex={0} data-testid="escalated">
        {t('orders.escalated')}
      </Tag>
    </Tooltip>
  );
}

function HolderName({ row }: { row: Row }) {
  const { t } = useTranslation();
  const unit = useUnit(row.holder_name ? undefined : row.holder_org_id);
  return <>{row.holder_name ?? unit.data?.name ?? t('orders.unknownUnit', { id: row.holder_org_id })}</>;
}

type InboxTableProps = {
  orgId: number;
  query: InboxQuery;
  search: string;
  /**
   * Whose inbox: staff select rows for 批量分派; an enterprise (which only sees complaints
   * about itself and assigns nobody) sees the working days left instead; an association
   * (holding nothing of its own to assign) neither selects.
   */
  variant?: InboxKind;
  /** Something to show beside the number (the unread-messages badge). */
  badge?: (orderId: number) => ReactNode;
};

export function InboxTable({ orgId, query, search, variant = 'staff', badge }: InboxTableProps) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const inbox = useInbox(orgId, query);
  const tree = useCategoryTree();
  const english = i18n.language.startsWith('en');
  const [selected, setSelected] = useState<Selected[]>([]);
  const key = JSON.stringify([orgId, query]);
  useEffect(() => setSelected([]), [key]);

  if (inbox.isError && !inbox.data) {
    return <QueryError title={t('orders.loadFailed')} error={inbox.error} onRetry={() => void inbox.refetch()} />;
  }
  const rows: Row[] = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  const staff = variant === 'staff';
  const enterprise = variant === 'enterprise';
  const selection: TableProps<Row>['rowSelection'] = staff
    ? {
        // No select-all checkbox in the header: antd copies column titles into an
        // aria-hidden measuring row, where a checkbox would be focusable (axe
        // aria-hidden-focus). 全选 above the table does it instead.
        hideSelectAll: true,
        columnTitle: <span className="wq-visually-hidden">{t('orders.bulk.select')}</span>,
        selectedRowKeys: selected.map((s) => s.id),
        onChange: (_keys, chosen) =>
          setSelected(chosen.map((row) => ({ id: row.id, number: row.number, version: row.version }))),
        getCheckboxProps: (row) => ({ 'aria-label': row.number }) as object,
      }
    : undefined;

  return (
    <Flex vertical gap={12}>
      {staff ? (
        <Flex gap={12} align="center" wrap>
          <Typography.Text aria-live="polite">{t('orders.bulk.selected', { count: selected.length })}</Typography.Text>
          <BulkAssign orgId={orgId} selected={selected} onDone={() => setSelected([])} />
          <Button
            disabled={rows.length === 0 || selected.length === rows.length}
            onClick={() => setSelected(rows.map((row) => ({ id: row.id, number: row.number, version: row.version })))}
          >
            {t('orders.bulk.selectAll')}
          </Button>
          {selected.length > 0 ? (
            <Button onClick={() => setSelected([])}>{t('orders.bulk.clear')}</Button>
          ) : null}
        </Flex>
      ) : null}
      <Table<Row>
        rowKey="id"
        rowSelection={selection}
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
              <Flex gap={4} align="center">
                <Link to={`/orders/${row.id}`} state={{ inbox: search }}>
                  {row.number}
                </Link>
                <EscalatedTag at={row.escalated_at} />
                {badge?.(row.id)}
              </Flex>
            ),
          },
          ...(enterprise
            ? []
            : [{ key: 'kind', title: t('orders.column.kind'), render: (_: unknown, row: Row) => label(t, 'kind', row.kind) }]),
          { key: 'state', title: t('orders.column.state'), render: (_, row) => <StateTag state={row.state} /> },
          ...(enterprise
            ? []
            : [
                {
                  key: 'business',
                  title: t('orders.column.business'),
                  render: (_: unknown, row: Row) => row.business_name ?? t('orders.none'),
                },
              ]),
          {
            key: 'category',
            title: t('orders.column.category'),
            render: (_, row) =>
              row.subject_category
                ? (categoryName(tree.data, row.subject_category, english) ?? row.subject_category)
                : t('orders.none'),
          },
          { key: 'holder', title: t('orders.column.holder'), render: (_, row) => <HolderName row={row} /> },
          {
            key: 'due',
            title: t('orders.column.due'),
            render: (_, row) => <DueDate due={row.due_on} provisional={row.due_provisional} overdue={row.overdue} />,
          },
          ...(enterprise
            ? [
                {
                  key: 'left',
                  title: t('odr.inbox.daysLeft'),
                  render: (_: unknown, row: Row) =>
                    row.due_on && row.state === 'with_enterprise' && !row.overdue ? (
                      <WorkingDaysLeft due={row.due_on} />
                    ) : row.overdue ? (
                      <Typography.Text type="danger">{t('orders.overdue')}</Typography.Text>
                    ) : (
                      t('orders.none')
                    ),
                },
              ]
            : []),
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
