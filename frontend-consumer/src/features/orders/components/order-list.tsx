// 我的诉求: the consumer's appeals, newest first, with number, kind, state, due date and the
// day received; "load more" follows the keyset cursor.
import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useMyOrders } from '../api/get-my-orders';
import { DueDate, kindLabel, StateTag } from './labels';
import './orders.css';

type OrderListProps = {
  /** Something to show beside an order's state (the page puts the unread-messages badge there). */
  badge?: (orderId: number) => ReactNode;
};

export function OrderList({ badge }: OrderListProps = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = useMyOrders();

  if (orders.isPending) return <Skeleton active paragraph={{ rows: 6 }} aria-busy="true" />;
  if (orders.isError && !orders.data) {
    return <QueryError title={t('orders.list.loadFailed')} error={orders.error} onRetry={() => void orders.refetch()} />;
  }
  const items = (orders.data?.pages ?? []).flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Card>
        <Empty description={t('orders.list.empty')} data-testid="orders-empty">
          <Button type="primary" icon={<FileAddOutlined aria-hidden="true" />} onClick={() => void navigate('/appeals/new')}>
            {t('orders.list.emptyAction')}
          </Button>
        </Empty>
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ul className="wq-order-list" aria-label={t('orders.list.label')} data-testid="orders-list">
        {items.map((order) => (
          <li key={order.id} data-testid="order-item" className="wq-order-item">
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Link to={`/appeals/${order.id}`} style={{ fontWeight: 600, fontSize: 16 }}>
                  {kindLabel(t, order.kind)} · {order.number}
                </Link>
                <Flex gap={8} align="center">
                  {badge?.(order.id)}
                  <StateTag state={order.state} />
                </Flex>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('orders.labelled', { label: t('orders.list.received'), value: order.received_on })}
              </Typography.Text>
              <Flex gap={4} align="center" wrap style={{ fontSize: 13 }}>
                <Typography.Text type="secondary">{t('orders.labelled', { label: t('orders.list.due'), value: '' })}</Typography.Text>
                <DueDate due={order.due_on} provisional={order.due_provisional} overdue={order.overdue} />
              </Flex>
            </Flex>
          </li>
        ))}
      </ul>
      {orders.hasNextPage ? (
        <Button block onClick={() => void orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
          {t('orders.list.loadMore')}
        </Button>
      ) : null}
      {orders.isFetchNextPageError ? (
        <QueryError title={t('orders.list.loadFailed')} error={orders.error} onRetry={() => void orders.fetchNextPage()} />
      ) : null}
    </Space>
  );
}
