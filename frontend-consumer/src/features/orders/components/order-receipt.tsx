// After filing: each order created (two for a complaint that is also reported) with its
// number, the unit that handles it and its due date, and a link to it.
import { Button, Card, Descriptions, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { OrderReceipt as Receipt } from '../api/submit-order';
import { kindLabel } from './labels';

export function OrderReceipt({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card data-testid="order-receipt">
      <Result
        status="success"
        title={<h2 style={{ fontSize: 22, margin: 0 }}>{t('orders.receipt.title')}</h2>}
        subTitle={t('orders.receipt.subtitle')}
        style={{ paddingInline: 0 }}
      />
      {receipt.orders.map((order) => (
        <Descriptions
          key={order.id}
          title={kindLabel(t, order.kind)}
          column={1}
          size="small"
          bordered
          style={{ marginBottom: 16 }}
          extra={<Link to={`/appeals/${order.id}`}>{t('orders.receipt.open')}</Link>}
        >
          <Descriptions.Item label={t('orders.receipt.number')}>
            <strong data-testid="receipt-number">{order.number}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.receipt.holder')}>
            <span data-testid="receipt-holder">{order.holder_name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.receipt.due')}>
            <span data-testid="receipt-due">{order.due_on ?? t('orders.receipt.noDue')}</span>
          </Descriptions.Item>
        </Descriptions>
      ))}
      <Flex gap={12} wrap>
        <Button type="primary" onClick={() => void navigate('/appeals')}>
          {t('orders.receipt.mine')}
        </Button>
        <Button onClick={onAnother}>{t('orders.receipt.another')}</Button>
      </Flex>
    </Card>
  );
}
