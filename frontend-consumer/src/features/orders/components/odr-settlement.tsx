// 企业和解: the consumer's view of an enterprise's settlement. While a proposal waits for
// them: what the enterprise offers (remedy, amount, terms), by when, and 接受 / 拒绝 (a
// reason is required to reject; the complaint then goes to the market-supervision bureau).
// Afterwards: settled with the amount, or that it went back to the bureau. The buttons
// appear only when the server lists the actions; the version on screen goes in If-Match.
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/problem';
import { isStale, useActOnOrder, type ActionRequest } from '../api/act-on-order';
import type { Order } from '../api/get-order';
import { ACCEPT, ODR_OUTCOMES, REJECT, REMEDIES, odrOf, type Odr, type OdrProposal } from '../api/odr';
import { formatDateTime, formatYuan } from './labels';

function known<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function OdrSettlement({ order }: { order: Order }) {
  const { t } = useTranslation();
  const odr = odrOf(order);
  if (!odr) return null;
  const pending = odr.proposal?.status === 'pending' ? odr.proposal : null;
  return (
    <Card title={<h2 className="wq-card-heading">{t('odr.title')}</h2>} data-testid="odr-settlement">
      <Flex vertical gap={12}>
        {pending ? (
          <PendingProposal order={order} odr={odr} proposal={pending} />
        ) : (
          <OdrStatus odr={odr} holder={order.holder_name} />
        )}
      </Flex>
    </Card>
  );
}

function ProposalFacts({ proposal }: { proposal: OdrProposal }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions column={1} size="small" bordered data-testid="odr-proposal">
      <Descriptions.Item label={t('odr.remedyLabel')}>
        {known(REMEDIES, proposal.remedy) ? t(`odr.remedy.${proposal.remedy}`) : proposal.remedy}
      </Descriptions.Item>
      {typeof proposal.amount_fen === 'number' ? (
        <Descriptions.Item label={t('odr.amount')}>
          <span data-testid="odr-amount">{formatYuan(proposal.amount_fen, i18n.language)}</span>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('odr.terms')}>
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{proposal.terms}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('odr.proposedAt')}>
        <time dateTime={proposal.proposed_at}>{formatDateTime(proposal.proposed_at, i18n.language)}</time>
      </Descriptions.Item>
    </Descriptions>
  );
}

function PendingProposal({ order, odr, proposal }: { order: Order; odr: Odr; proposal: OdrProposal }) {
  const { t } = useTranslation();
  const act = useActOnOrder();
  const errorMessage = useErrorMessage();
  const [stale, setStale] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [toast, holder] = message.useMessage();
  const canAccept = order.available_actions.includes(ACCEPT);
  const canReject = order.available_actions.includes(REJECT);

  const send = (body: ActionRequest, done: string, close: () => void) => {
    setStale(false);
    act.reset();
    act.mutate(
      { id: order.id, version: order.version, body },
      {
        onSuccess: () => {
          close();
          void toast.success(done);
        },
        onError: (error) => {
          if (isStale(error)) {
            close();
            setStale(true);
          }
        },
      },
    );
  };

  return (
    <>
      {holder}
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('odr.offered', { name: odr.enterprise_name })}
      </Typography.Paragraph>
      <ProposalFacts proposal={proposal} />
      {odr.due_on ? (
        <Typography.Text type="secondary" data-testid="odr-deadline">
          {t('odr.deadline', { date: odr.due_on })}
        </Typography.Text>
      ) : null}
      {stale ? <Alert type="warning" showIcon title={t('orders.order.changed')} data-testid="odr-changed" /> : null}
      {act.isError && !isStale(act.error) && !rejecting ? (
        <Alert type="error" showIcon title={errorMessage(act.error)} data-testid="odr-error" />
      ) : null}
      {canAccept || canReject ? (
        <Flex gap={12} wrap>
          {canAccept ? (
            <Button type="primary" size="large" onClick={() => setConfirming(true)} data-testid="odr-accept">
              {t('odr.accept')}
            </Button>
          ) : null}
          {canReject ? (
            <Button size="large" danger onClick={() => setRejecting(true)} data-testid="odr-reject">
              {t('odr.reject')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      <Modal
        open={confirming}
        title={t('odr.acceptTitle')}
        okText={t('odr.acceptOk')}
        cancelText={t('odr.cancel')}
        okButtonProps={{ loading: act.isPending }}
        onCancel={() => setConfirming(false)}
        onOk={() => send({ action: ACCEPT }, t('odr.accepted'), () => setConfirming(false))}
      >
        <p>{t('odr.acceptText')}</p>
      </Modal>
      {rejecting ? (
        <RejectDialog
          pending={act.isPending}
          error={act.isError && !isStale(act.error) ? errorMessage(act.error) : null}
          onCancel={() => {
            act.reset();
            setRejecting(false);
          }}
          onReject={(reason) => send({ action: REJECT, reason }, t('odr.rejected'), () => setRejecting(false))}
        />
      ) : null}
    </>
  );
}

type RejectDialogProps = {
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onReject: (reason: string) => void;
};

function RejectDialog({ pending, error, onCancel, onReject }: RejectDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('odr.rejectTitle')}
      okText={t('odr.rejectOk')}
      cancelText={t('odr.cancel')}
      okButtonProps={{ danger: true, loading: pending }}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <p>{t('odr.rejectText')}</p>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="odr-reject-error" /> : null}
      <Form form={form} layout="vertical" name="reject-settlement" onFinish={(values) => onReject(values.reason.trim())} requiredMark>
        <Form.Item
          name="reason"
          label={t('odr.rejectReason')}
          rules={[
            { required: true, whitespace: true, message: t('odr.rejectReasonRequired') },
            { max: 2000, message: t('odr.rejectReasonTooLong') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** After the proposal: settled with its amount, back at the bureau, or still waiting. */
function OdrStatus({ odr, holder }: { odr: Odr; holder: string }) {
  const { t, i18n } = useTranslation();
  const outcome = odr.outcome;
  if (outcome === 'settled') {
    const amount = odr.proposal?.amount_fen;
    return (
      <>
        <Alert
          type="success"
          showIcon
          data-testid="odr-outcome"
          title={
            typeof amount === 'number' && amount > 0
              ? t('odr.settledWith', { name: odr.enterprise_name, amount: formatYuan(amount, i18n.language) })
              : t('odr.settled', { name: odr.enterprise_name })
          }
        />
        {odr.proposal ? <ProposalFacts proposal={odr.proposal} /> : null}
      </>
    );
  }
  if (known(ODR_OUTCOMES, outcome)) {
    return <Alert type="info" showIcon data-testid="odr-outcome" title={t(`odr.outcome.${outcome}`, { holder })} />;
  }
  return (
    <Typography.Paragraph style={{ margin: 0 }} data-testid="odr-waiting">
      {odr.due_on ? t('odr.waiting', { name: odr.enterprise_name, date: odr.due_on }) : t('odr.waitingNoDate', { name: odr.enterprise_name })}
    </Typography.Paragraph>
  );
}
