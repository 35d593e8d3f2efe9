// One appeal as its consumer sees it: state, current due date (provisional explained),
// what they filed, the public timeline in words, and what they can do now.
import { Card, Descriptions, Empty, Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, OrderEvent } from '../api/get-order';
import { env } from '@/config/env';
import { localName } from './category-fields';
import { FileIcon, formatBytes } from './evidence-upload';
import { DueDate, formatDateTime, formatYuan, GREEN_TEXT, kindLabel, StateTag } from './labels';
import { OdrSettlement } from './odr-settlement';
import { OrderActions } from './order-actions';
import type { DivisionLabel } from './wizard-review';
import './orders.css';

const EVENTS = [
  'received', 'accept', 'not_accept', 'assign_station', 'assign_handler', 'transfer', 'return_to_sender',
  'refer_up', 'take_over', 'decline_referral', 'dispatch_to_enterprise', 'accept_enterprise_settlement',
  'return_from_enterprise', 'record_consent', 'delegate', 'pause_for_testing', 'resume_after_testing',
  'settle', 'terminate', 'flag_clue', 'extend_clue_check', 'decide_clue', 'extend_check', 'decide_report',
  'merge_new_facts', 'answer', 'withdraw', 'archive', 'rate', 'propose_settlement', 'reject_settlement',
] as const;
const DEADLINES = ['acceptance', 'enterprise_settlement', 'mediation', 'report_check', 'clue_check'] as const;
const OUTCOMES = ['not_accepted', 'settled', 'terminated', 'withdrawn', 'checked', 'answered', 'duplicate'] as const;

function oneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

function eventLabel(t: TFunction, action: string): string {
  return oneOf(EVENTS, action) ? t(`orders.event.${action}`) : action;
}

function Outcome({ conclusion }: { conclusion: Order['conclusion'] }) {
  const { t, i18n } = useTranslation();
  const c = conclusion as { outcome?: string; recovered_fen?: number; by_enterprise?: boolean } | null | undefined;
  if (!c || !oneOf(OUTCOMES, c.outcome)) return null;
  // A settlement the consumer accepted from the enterprise (ODR) was not a bureau's mediation.
  const name = c.outcome === 'settled' && c.by_enterprise === true ? t('orders.outcome.settled_by_enterprise') : t(`orders.outcome.${c.outcome}`);
  return (
    <Space size={8} wrap data-testid="order-outcome">
      <Tag color="green" style={{ color: GREEN_TEXT }}>
        {name}
      </Tag>
      {typeof c.recovered_fen === 'number' ? (
        <span>{t('orders.outcome.recovered', { amount: formatYuan(c.recovered_fen, i18n.language) })}</span>
      ) : null}
    </Space>
  );
}

type OrderDetailProps = {
  order: Order;
  /** Shows a division code as its name (given by the page). */
  DivisionLabel: DivisionLabel;
  /** Shown under the actions (the page puts the dialogue there). */
  children?: ReactNode;
};

export function OrderDetail({ order, DivisionLabel, children }: OrderDetailProps) {
  const { t, i18n } = useTranslation();
  const appeal = order.appeal;
  const text = (value: string | null | undefined) => value ?? '—';
  const heading = (key: 'content' | 'timeline' | 'evidence') => <h2 className="wq-card-heading">{t(`orders.order.${key}`)}</h2>;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('orders.order.kind')}>{kindLabel(t, order.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.order.state')}>
            <Flex gap={8} wrap align="center">
              <StateTag state={order.state} />
              <Outcome conclusion={order.conclusion} />
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.order.holder')}>{order.holder_name}</Descriptions.Item>
          <Descriptions.Item label={t('orders.order.received')}>{order.received_on}</Descriptions.Item>
          <Descriptions.Item label={t('orders.order.due')}>
            <DueDate due={order.due_on} provisional={order.due_provisional} overdue={order.overdue} />
          </Descriptions.Item>
          {order.deadlines.length > 1 ? (
            <Descriptions.Item label={t('orders.order.deadlines')}>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {order.deadlines.map((d) => (
                  <li key={d.kind}>
                    {t('orders.labelled', { label: oneOf(DEADLINES, d.kind) ? t(`orders.deadline.${d.kind}`) : d.kind, value: '' })}
                    {d.stopped ? t('orders.due.stopped') : <DueDate due={d.due_on} provisional={d.provisional} />}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          ) : null}
          {typeof order.rating === 'number' ? (
            <Descriptions.Item label={t('orders.order.rating')}>
              <span data-testid="order-rating">{'★'.repeat(order.rating)}{'☆'.repeat(Math.max(0, 5 - order.rating))}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <OdrSettlement order={order} />

      <OrderActions order={order} />

      {children}

      <Card title={heading('timeline')}>
        {order.timeline.length === 0 ? (
          <Empty description={t('orders.order.timelineEmpty')} />
        ) : (
          <Timeline
            data-testid="order-timeline"
            items={order.timeline.map((event: OrderEvent) => ({
              key: event.seq,
              content: (
                <div>
                  <Typography.Text strong>{eventLabel(t, event.action)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
                  </Typography.Text>
                  {event.reason ? (
                    <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                      {t('orders.order.reason', { reason: event.reason })}
                    </Typography.Paragraph>
                  ) : null}
                </div>
              ),
            }))}
          />
        )}
      </Card>

      {appeal ? (
        <Card title={heading('content')}>
          <Descriptions column={1} size="small" bordered data-testid="order-appeal">
            {appeal.business_name ? (
              <Descriptions.Item label={t('orders.order.business')}>{appeal.business_name}</Descriptions.Item>
            ) : null}
            {appeal.credit_code ? <Descriptions.Item label={t('orders.order.creditCode')}>{appeal.credit_code}</Descriptions.Item> : null}
            {appeal.business_division ? (
              <Descriptions.Item label={t('orders.order.division')}>
                <DivisionLabel code={appeal.business_division} />
              </Descriptions.Item>
            ) : null}
            {appeal.business_address ? (
              <Descriptions.Item label={t('orders.order.address')}>{appeal.business_address}</Descriptions.Item>
            ) : null}
            {appeal.platform ? <Descriptions.Item label={t('orders.order.platform')}>{appeal.platform}</Descriptions.Item> : null}
            {appeal.conduct_division ? (
              <Descriptions.Item label={t('orders.order.conductDivision')}>
                <DivisionLabel code={appeal.conduct_division} />
              </Descriptions.Item>
            ) : null}
            {appeal.item ? <Descriptions.Item label={t('orders.order.item')}>{appeal.item}</Descriptions.Item> : null}
            {appeal.bought_on ? <Descriptions.Item label={t('orders.order.boughtOn')}>{appeal.bought_on}</Descriptions.Item> : null}
            {typeof appeal.amount_fen === 'number' ? (
              <Descriptions.Item label={t('orders.order.amount')}>{formatYuan(appeal.amount_fen, i18n.language)}</Descriptions.Item>
            ) : null}
            {appeal.request ? <Descriptions.Item label={t('orders.order.request')}>{appeal.request}</Descriptions.Item> : null}
            <Descriptions.Item label={t('orders.order.facts')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{text(appeal.facts)}</span>
            </Descriptions.Item>
            {appeal.subject_category ? (
              <Descriptions.Item label={t('orders.taxonomy.subject')}>
                {[appeal.subject_category.group, appeal.subject_category]
                  .filter((c) => c !== null && c !== undefined)
                  .map((c) => localName(c, i18n.language) || c.code)
                  .join(' / ')}
              </Descriptions.Item>
            ) : null}
            {appeal.problem_type ? (
              <Descriptions.Item label={t('orders.taxonomy.problem')}>
                {localName(appeal.problem_type, i18n.language) || appeal.problem_type.code}
              </Descriptions.Item>
            ) : null}
            {/* Free text from before the taxonomy (older orders only). */}
            {appeal.category ? <Descriptions.Item label={t('orders.order.category')}>{appeal.category}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
      ) : null}

      <Card title={heading('evidence')} data-testid="order-evidence">
        {order.attachments.length === 0 ? (
          <Typography.Text type="secondary">{t('orders.order.evidenceEmpty')}</Typography.Text>
        ) : (
          <ul className="wq-evidence-list" style={{ marginTop: 0 }}>
            {order.attachments.map((a) => (
              <li key={a.id} data-testid="order-attachment">
                <a
                  href={`${env.apiBaseUrl}/api/v1/orders/${order.id}/attachments/${a.id}`}
                  download={a.file_name}
                  aria-label={t('orders.order.download', { name: a.file_name })}
                  className="wq-evidence-name"
                >
                  <FileIcon mediaType={a.media_type} /> {a.file_name}
                </a>{' '}
                <Typography.Text type="secondary">{formatBytes(a.size_bytes, i18n.language)}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Space>
  );
}
