// Small shared pieces of the appeal screens: state and kind in words, a due date with its
// provisional and overdue marks, amounts in yuan, times in the reader's language.
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const STATES = ['received', 'with_enterprise', 'accepted', 'mediating', 'checking', 'concluded', 'archived'] as const;
const KINDS = ['complaint', 'report', 'suggestion', 'consultation'] as const;

const STATE_COLOURS: Record<(typeof STATES)[number], string> = {
  received: 'blue',
  with_enterprise: 'cyan',
  accepted: 'geekblue',
  mediating: 'purple',
  checking: 'gold',
  concluded: 'green',
  archived: 'default',
};

/** antd's green-9: the green preset's own text (#389e0d, 3.4:1) fails WCAG AA on its background. */
export const GREEN_TEXT = '#135200';

/** Darker text where the preset's own fails WCAG AA (4.5:1) on its pale background. */
const STATE_TEXT: Partial<Record<(typeof STATES)[number], string>> = {
  with_enterprise: '#006d75',
  checking: '#874d00',
  concluded: GREEN_TEXT,
};

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function stateLabel(t: TFunction, state: string): string {
  return isOneOf(STATES, state) ? t(`orders.state.${state}`) : state;
}

export function kindLabel(t: TFunction, kind: string): string {
  return isOneOf(KINDS, kind) ? t(`orders.kind.${kind}`) : kind;
}

export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  const known = isOneOf(STATES, state);
  const colour = known ? STATE_COLOURS[state] : 'default';
  const text = known ? STATE_TEXT[state] : undefined;
  return (
    <Tag color={colour} data-testid="order-state" style={{ marginInlineEnd: 0, ...(text ? { color: text } : {}) }}>
      {stateLabel(t, state)}
    </Tag>
  );
}

type DueDateProps = { due: string | null | undefined; provisional: boolean; overdue?: boolean };

/** The due date, marked 暂定 (with an explanation on hover and focus) and 已超期. */
export function DueDate({ due, provisional, overdue = false }: DueDateProps) {
  const { t } = useTranslation();
  if (!due) return <span>{t('orders.due.none')}</span>;
  return (
    <Space size={4} wrap data-testid="due-date">
      <span>{due}</span>
      {provisional ? (
        <Tooltip title={t('orders.due.provisionalHelp')} trigger={['hover', 'focus', 'click']}>
          <Tag
            color="orange"
            tabIndex={0}
            role="note"
            aria-label={t('orders.labelled', { label: t('orders.due.provisional'), value: t('orders.due.provisionalHelp') })}
            data-testid="due-provisional"
            // orange-9: the preset's own text (#d46b08, 3.3:1) fails WCAG AA on its background.
            style={{ cursor: 'help', marginInlineEnd: 0, color: '#873800' }}
          >
            {t('orders.due.provisional')} <QuestionCircleOutlined aria-hidden="true" />
          </Tag>
        </Tooltip>
      ) : null}
      {overdue ? (
        <Tag color="red" data-testid="due-overdue" style={{ marginInlineEnd: 0 }}>
          {t('orders.due.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

export function formatYuan(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
