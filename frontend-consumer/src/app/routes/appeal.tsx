// /appeals/:id — one of the consumer's appeals.
import { Alert, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { DialoguePanel } from '@/features/dialogue/components/dialogue-panel';
import { useOrder } from '@/features/orders/api/get-order';
import { uploadAttachment } from '@/features/orders/api/upload-attachment';
import { OrderDetail } from '@/features/orders/components/order-detail';
import { ApiError } from '@/lib/problem';
import { DivisionLabel } from './division-label';

export function AppealRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const orderId = Number(id);
  const order = useOrder(orderId);
  const valid = Number.isSafeInteger(orderId) && orderId > 0;
  const notFound = !valid || (order.error instanceof ApiError && order.error.status === 404);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}>
      <Link to="/appeals">← {t('orders.order.back')}</Link>
      {notFound ? (
        <Alert type="warning" showIcon title={t('orders.order.notFound')} data-testid="order-not-found" />
      ) : order.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} aria-busy="true" />
      ) : order.isError && !order.data ? (
        <QueryError title={t('orders.order.loadFailed')} error={order.error} onRetry={() => void order.refetch()} />
      ) : order.data ? (
        <>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }}>
            {t('orders.order.title', { number: order.data.number })}
          </Typography.Title>
          <OrderDetail order={order.data} DivisionLabel={DivisionLabel}>
            {/* Only a complaint has a dialogue (with the business and the mediator). */}
            {order.data.kind === 'complaint' ? (
              <DialoguePanel orderId={order.data.id} myParty="consumer" orderState={order.data.state} upload={uploadAttachment} />
            ) : null}
          </OrderDetail>
        </>
      ) : null}
    </Space>
  );
}
