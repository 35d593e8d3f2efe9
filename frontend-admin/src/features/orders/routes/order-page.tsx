// One work order: summary, appeal, filer, deadlines, the timeline and the action panel. The
// panel shows exactly the actions the server lists; after an action, or when the order
// changed meanwhile (412/409), the order is loaded again, unless the action gave it to another
// unit (HANDS_OVER): then the page goes back to the inbox, which no longer lists it.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { problemCode } from '@/lib/problem';
import { odrOf } from '../api/odr';
import { HANDS_OVER, useOrder, type OrderDto } from '../api/order';
import { ActionPanel } from '../components/action-panel';
import { OdrBlock } from '../components/odr-block';
import { AppealDetails, DeadlineList, FilerDetails, OrderSummaryDetails } from '../components/order-details';
import { OrderTimeline } from '../components/order-timeline';
import { AttachmentList, SignalsPanel } from '../components/order-extras';
import { label } from '../components/labels';

type OrderPageProps = {
  /** The order's dialogue, composed in by the app (features do not import each other). */
  dialogue?: (order: OrderDto) => ReactNode;
};

export function OrderPage({ dialogue }: OrderPageProps = {}) {
  const { t } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const id = Number(params.id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const order = useOrder(valid ? id : 0);
  const inbox = (location.state as { inbox?: string } | null)?.inbox ?? '';

  return (
    <Flex vertical gap={16}>
      <Link to={`/orders${inbox}`}>
        <ArrowLeftOutlined aria-hidden="true" /> {t('orders.back')}
      </Link>
      {!valid || problemCode(order.error) === 'not_found' ? (
        <>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {t('orders.title')}
          </Typography.Title>
          <Alert type="warning" showIcon title={t('orders.notFound')} />
        </>
      ) : order.isPending ? (
        <Skeleton active aria-busy="true" />
      ) : order.isError ? (
        <QueryError title={t('orders.detailLoadFailed')} error={order.error} onRetry={() => void order.refetch()} />
      ) : (
        <OrderBody order={order.data} dialogue={dialogue} inbox={inbox} />
      )}
    </Flex>
  );
}

type OrderBodyProps = { order: OrderDto; dialogue?: (order: OrderDto) => ReactNode; inbox: string };

function OrderBody({ order, dialogue, inbox }: OrderBodyProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const known = new Map<number, string>([[order.holder_org_id, order.holder_name]]);
  if (me?.org) known.set(me.org.id, me.org.name);
  const [changed, setChanged] = useState(false);
  const odr = odrOf(order);

  return (
    <>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {label(t, 'kind', order.kind)} {order.number}
        </Typography.Title>
      </div>
      {changed ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="order-changed"
          title={t('orders.panel.changed')}
          closable={{ onClose: () => setChanged(false) }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title={<h2 className="wq-card-title">{t('orders.section.summary')}</h2>}>
              <OrderSummaryDetails order={order} />
            </Card>
            {odr ? <OdrBlock odr={odr} /> : null}
            <SignalsPanel order={order} />
            {dialogue?.(order)}
            <Card title={<h2 className="wq-card-title">{t('orders.section.appeal')}</h2>}>
              <AppealDetails order={order} />
            </Card>
            <Card title={<h2 className="wq-card-title">{t('orders.section.attachments')}</h2>}>
              <AttachmentList order={order} />
            </Card>
            <Card title={<h2 className="wq-card-title">{t('orders.section.timeline')}</h2>}>
              <OrderTimeline events={order.timeline} known={known} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card>
              <ActionPanel
                order={order}
                onDone={(action) => {
                  setChanged(false);
                  void message.success(t('orders.panel.done', { action: label(t, 'action', action) }));
                  if (HANDS_OVER.includes(action)) void navigate(`/orders${inbox}`);
                }}
                // useAct reloads the order after every answer, this one included.
                onChanged={() => setChanged(true)}
              />
            </Card>
            <Card title={<h2 className="wq-card-title">{t('orders.section.deadlines')}</h2>}>
              <DeadlineList order={order} />
            </Card>
            {/* An enterprise never learns who complained: the server sends no filer, so no card. */}
            {order.view === 'enterprise' ? null : (
              <Card title={<h2 className="wq-card-title">{t('orders.section.filer')}</h2>}>
                <FilerDetails order={order} />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </>
  );
}
