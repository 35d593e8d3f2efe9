// The consumer's actions on an order: exactly those in `available_actions` (the domain
// decides), each sent with the version on screen in If-Match. When the order changed
// meanwhile (412, or 409 when someone acted at the same moment) the order is reloaded and
// the person told so; nothing was done.
import { Alert, Button, Card, Flex, Form, Input, Modal, Rate, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/problem';
import { isStale, useActOnOrder } from '../api/act-on-order';
import type { Order } from '../api/get-order';
import { ACCEPT, REJECT } from '../api/odr';

/** The actions a consumer can take from this page. */
const CONSUMER_ACTIONS = ['withdraw', 'rate'] as const;

export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const available = CONSUMER_ACTIONS.filter((a) => order.available_actions.includes(a));
  // Accepting or rejecting a settlement happens in the 企业和解 card above.
  const settling = order.available_actions.some((a) => a === ACCEPT || a === REJECT);
  const act = useActOnOrder();
  const errorMessage = useErrorMessage();
  const [stale, setStale] = useState(false);
  const [toast, holder] = message.useMessage();

  const send = (body: Parameters<typeof act.mutate>[0]['body'], done: string, after?: () => void) => {
    setStale(false);
    act.reset();
    act.mutate(
      { id: order.id, version: order.version, body },
      {
        onSuccess: () => {
          after?.();
          void toast.success(done);
        },
        onError: (error) => {
          after?.();
          if (isStale(error)) setStale(true);
        },
      },
    );
  };

  return (
    <Card title={<h2 className="wq-card-heading">{t('orders.order.actions')}</h2>} data-testid="order-actions">
      {holder}
      {stale ? (
        <Alert type="warning" showIcon title={t('orders.order.changed')} data-testid="order-changed" style={{ marginBottom: 16 }} />
      ) : null}
      {act.isError && !isStale(act.error) ? (
        <Alert type="error" showIcon title={errorMessage(act.error)} data-testid="action-error" style={{ marginBottom: 16 }} />
      ) : null}
      {available.length === 0 ? (
        <Typography.Text type="secondary" data-testid="no-actions">
          {settling ? t('odr.answerAbove') : t('orders.order.noActions')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {available.includes('rate') ? (
            <RateForm pending={act.isPending} onRate={(score) => send({ action: 'rate', score }, t('orders.rate.done'))} />
          ) : null}
          {available.includes('withdraw') ? (
            <WithdrawButton
              pending={act.isPending}
              onWithdraw={(reason, close) => send({ action: 'withdraw', reason }, t('orders.withdraw.done'), close)}
            />
          ) : null}
        </Space>
      )}
    </Card>
  );
}

function RateForm({ pending, onRate }: { pending: boolean; onRate: (score: number) => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [missing, setMissing] = useState(false);
  const labels = (['one', 'two', 'three', 'four', 'five'] as const).map((n) => t(`orders.rate.stars.${n}`));
  return (
    <section aria-labelledby="rate-title" data-testid="rate-form">
      <Typography.Title level={3} id="rate-title" style={{ fontSize: 16 }}>
        {t('orders.rate.title')}
      </Typography.Title>
      <Form.Item
        label={t('orders.rate.label')}
        validateStatus={missing ? 'error' : undefined}
        help={missing ? t('orders.rate.pick') : score ? labels[score - 1] : undefined}
        layout="vertical"
      >
        <Rate
          value={score}
          onChange={(value) => {
            setScore(value);
            setMissing(false);
          }}
          tooltips={labels}
          aria-label={t('orders.rate.label')}
          style={{ fontSize: 28 }}
        />
      </Form.Item>
      <Button
        type="primary"
        loading={pending}
        onClick={() => (score ? onRate(score) : setMissing(true))}
      >
        {t('orders.rate.submit')}
      </Button>
    </section>
  );
}

function WithdrawButton({ pending, onWithdraw }: { pending: boolean; onWithdraw: (reason: string | null, close: () => void) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = () => setOpen(false);
  return (
    <Flex>
      <Button danger onClick={() => setOpen(true)}>
        {t('orders.withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('orders.withdraw.title')}
        okText={t('orders.withdraw.ok')}
        cancelText={t('orders.withdraw.cancel')}
        okButtonProps={{ danger: true, loading: pending }}
        onCancel={close}
        onOk={() => onWithdraw(reason.trim() || null, close)}
      >
        <p>{t('orders.withdraw.text')}</p>
        <label htmlFor="withdraw-reason" style={{ display: 'block', marginBottom: 4 }}>
          {t('orders.withdraw.reason')}
        </label>
        <Input.TextArea id="withdraw-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Flex>
  );
}
