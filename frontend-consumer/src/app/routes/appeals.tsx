// /appeals — the signed-in consumer's own appeals.
import { FileAddOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UnreadBadge } from '@/features/dialogue/components/unread-badge';
import { OrderList } from '@/features/orders/components/order-list';

export function AppealsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
          {t('orders.list.title')}
        </Typography.Title>
        <Button type="primary" icon={<FileAddOutlined aria-hidden="true" />} onClick={() => void navigate('/appeals/new')}>
          {t('orders.list.new')}
        </Button>
      </Flex>
      <OrderList badge={(orderId) => <UnreadBadge orderId={orderId} />} />
    </Space>
  );
}
