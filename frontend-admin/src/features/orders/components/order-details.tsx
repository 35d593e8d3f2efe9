// The order's facts as the API returns them to this caller: summary (state, conclusion,
// holder, routing rule), the appeal, the filer (only what the server sends) and deadlines.
// Whether the order is overdue is the server's answer (`overdue`), never worked out here.
import { Descriptions, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/auth';
import { isChinese } from '@/lib/i18n';
import { useMembers } from '../api/choices';
import type { OrderDto } from '../api/order';
import { useReasons } from '../api/reasons';
import { EscalatedTag } from './inbox-table';
import { DueDate, StateTag, conclusionText, formatDate, formatYuan, label } from './labels';
import type { components } from '@/api/schema';

type CategoryRef = components['schemas']['CategoryRef'];

/** A taxonomy code by its names now (group › leaf), marked when retired; the code as sent otherwise. */
function CategoryName({ value }: { value: CategoryRef }) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  const name = (zh ? value.name_zh : value.name_en) ?? value.name_zh ?? value.code;
  const group = value.group ? ((zh ? value.group.name_zh : value.group.name_en) ?? value.group.code) : null;
  return (
    <Space size={4} wrap>
      <span>{group ? `${group} › ${name}` : name}</span>
      <Typography.Text type="secondary">{value.code}</Typography.Text>
      {value.active ? null : <Tag>{t('orders.retired')}</Tag>}
    </Space>
  );
}

type Item = { key: string; label: string; children: ReactNode };

/**
 * The assigned handler by name when the caller belongs to the holding unit (whose members it
 * may always list); by number otherwise, as the order names only the id.
 */
function HandlerName({ order }: { order: OrderDto }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const own = me?.org?.id === order.holder_org_id && order.handler_id != null;
  const members = useMembers(own ? order.holder_org_id : undefined);
  if (order.handler_id == null) return <>{t('orders.none')}</>;
  const member = members.data?.find((m) => m.id === order.handler_id);
  if (!member) return <>{t('orders.handlerId', { id: order.handler_id })}</>;
  return <>{member.id === me?.user_id ? t('orders.form.myself', { name: member.display_name }) : member.display_name}</>;
}

function present(items: (Item | false | null)[]): Item[] {
  return items.filter((item): item is Item => Boolean(item));
}

export function OrderSummaryDetails({ order }: { order: OrderDto }) {
  const { t, i18n } = useTranslation();
  const reasons = useReasons(order.conclusion !== null && order.conclusion !== undefined);
  const zh = isChinese(i18n.language);
  const reasonText = (code: string) => {
    const all = [
      ...(reasons.data?.not_accepted_grounds ?? []),
      ...(reasons.data?.termination_reasons ?? []),
      ...(reasons.data?.case_decisions ?? []),
    ];
    const found = all.find((r) => r.code === code);
    return found ? (zh ? found.text_zh : found.text_en) : undefined;
  };
  const conclusion = conclusionText(t, i18n.language, order.conclusion, reasonText);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="order-summary"
      items={present([
        { key: 'state', label: t('orders.field.state'), children: <StateTag state={order.state} /> },
        { key: 'kind', label: t('orders.field.kind'), children: label(t, 'kind', order.kind) },
        conclusion !== null && { key: 'conclusion', label: t('orders.field.conclusion'), children: <span data-testid="conclusion">{conclusion}</span> },
        { key: 'received', label: t('orders.field.received'), children: formatDate(order.received_on, i18n.language) },
        {
          key: 'due',
          label: t('orders.field.due'),
          children: (
            <Space size={4} wrap>
              <DueDate due={order.due_on} provisional={order.due_provisional} overdue={order.overdue} />
              <EscalatedTag at={order.escalated_at} />
            </Space>
          ),
        },
        { key: 'holder', label: t('orders.field.holder'), children: order.holder_name },
        {
          key: 'handler',
          label: t('orders.field.handler'),
          children: (
            <span data-testid="order-handler">
              <HandlerName order={order} />
            </span>
          ),
        },
        order.routing_rule != null && {
          key: 'routing',
          label: t('orders.field.routing'),
          children: label(t, 'routing', order.routing_rule),
        },
        order.routing_intended != null && {
          key: 'intended',
          label: t('orders.field.routingIntended'),
          children: label(t, 'routing', order.routing_intended),
        },
        { key: 'rules', label: t('orders.field.rules'), children: label(t, 'rules', order.rules) },
        order.linked_order_id != null && {
          key: 'linked',
          label: t('orders.field.linked'),
          children: `#${order.linked_order_id}`,
        },
        order.rating != null && { key: 'rating', label: t('orders.field.rating'), children: `${order.rating} / 5` },
      ])}
    />
  );
}

export function AppealDetails({ order }: { order: OrderDto }) {
  const { t, i18n } = useTranslation();
  const a = order.appeal;
  if (!a) return <Typography.Text type="secondary">{t('orders.notShown')}</Typography.Text>;
  const text = (key: string, name: string, value: string | null | undefined): Item | null =>
    value ? { key, label: t(`orders.field.${name}` as never), children: value } : null;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="order-appeal"
      items={present([
        text('business', 'businessName', a.business_name),
        text('credit', 'creditCode', a.credit_code),
        text('division', 'businessDivision', a.business_division),
        text('address', 'businessAddress', a.business_address),
        text('channel', 'channel', a.channel ? label(t, 'channel', a.channel) : null),
        text('platform', 'platform', a.platform),
        text('platformDivision', 'platformDivision', a.platform_division),
        text('conductDivision', 'conductDivision', a.conduct_division),
        text('category', 'category', a.category),
        a.subject_category
          ? { key: 'subject', label: t('orders.field.subjectCategory'), children: <CategoryName value={a.subject_category} /> }
          : null,
        a.problem_type
          ? { key: 'problem', label: t('orders.field.problemType'), children: <CategoryName value={a.problem_type} /> }
          : null,
        text('item', 'item', a.item),
        a.bought_on ? { key: 'bought', label: t('orders.field.boughtOn'), children: formatDate(a.bought_on, i18n.language) } : null,
        a.amount_fen != null ? { key: 'amount', label: t('orders.field.amount'), children: formatYuan(a.amount_fen, i18n.language) } : null,
        text('request', 'request', a.request),
        { key: 'facts', label: t('orders.field.facts'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.facts}</span> },
      ])}
    />
  );
}

export function FilerDetails({ order }: { order: OrderDto }) {
  const { t } = useTranslation();
  const f = order.filer;
  if (!f) return <Typography.Text type="secondary">{t('orders.notShown')}</Typography.Text>;
  if (f.anonymous) return <Tag>{t('orders.field.anonymous')}</Tag>;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="order-filer"
      items={present([
        f.display_name ? { key: 'name', label: t('orders.field.filerName'), children: f.display_name } : null,
        f.phone ? { key: 'phone', label: t('orders.field.filerPhone'), children: f.phone } : null,
        f.user_id != null ? { key: 'id', label: t('orders.field.filerId'), children: f.user_id } : null,
      ])}
    />
  );
}

export function DeadlineList({ order }: { order: OrderDto }) {
  const { t } = useTranslation();
  if (order.deadlines.length === 0) return <Typography.Text type="secondary">{t('orders.noDeadlines')}</Typography.Text>;
  return (
    <List
      size="small"
      bordered
      data-testid="order-deadlines"
      dataSource={order.deadlines}
      renderItem={(d) => (
        <List.Item>
          <Space wrap>
            <Typography.Text strong>{label(t, 'deadline', d.kind)}</Typography.Text>
            {d.stopped ? (
              <Tag>{t('orders.deadlineStopped')}</Tag>
            ) : (
              <DueDate due={d.due_on} provisional={d.provisional} overdue={false} />
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
