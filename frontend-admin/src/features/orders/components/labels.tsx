// Names of states, kinds, actions, deadlines and outcomes in the current language; a value
// the console does not know yet (a newer server) is shown as sent rather than hidden.
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { zhCN } from '@/lib/i18n/zh-CN';

type Group = 'state' | 'kind' | 'action' | 'deadline' | 'actorKind' | 'rules' | 'routing' | 'outcome' | 'channel';

/** The translated name of `value` in `group`, or the value itself when unknown. */
export function label(t: TFunction, group: Group, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('orders.none');
  const known = Object.prototype.hasOwnProperty.call(zhCN.orders[group], value);
  return known ? t(`orders.${group}.${value}` as never) : value;
}

// Solid tags with white text: antd's light preset tags (gold, cyan, green) fail AA contrast.
const STATE_COLOURS: Record<string, string> = {
  received: '#0958d9',
  with_enterprise: '#006d75',
  accepted: '#1d39c4',
  mediating: '#531dab',
  checking: '#874d00',
  concluded: '#237804',
  archived: '#595959',
};

export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOURS[state] ?? '#595959'}>{label(t, 'state', state)}</Tag>;
}

/** Amount in fen as yuan, e.g. 128000 → ¥1,280.00. */
export function formatYuan(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

export function formatDate(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function formatTime(at: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/**
 * A due date: overdue in red with an icon and the word 已超期 (not colour alone), a
 * provisional one with a 暂定 badge explaining why.
 */
export function DueDate({ due, provisional, overdue }: { due?: string | null; provisional: boolean; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  if (!due) return <Typography.Text type="secondary">{t('orders.noDue')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      {overdue ? (
        <Typography.Text type="danger" strong data-testid="overdue">
          <ExclamationCircleOutlined aria-hidden="true" /> {formatDate(due, i18n.language)} · {t('orders.overdue')}
        </Typography.Text>
      ) : (
        <span>{formatDate(due, i18n.language)}</span>
      )}
      {provisional ? (
        <Tooltip title={t('orders.provisionalHelp')}>
          <Tag icon={<ClockCircleOutlined aria-hidden="true" />} data-testid="provisional" tabIndex={0}>
            {t('orders.provisional')}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

/** How a concluded order ended, from the `conclusion` object (`outcome` and its data). */
export function conclusionText(
  t: TFunction,
  language: string,
  conclusion: unknown,
  reasonText: (code: string) => string | undefined = () => undefined,
): string | null {
  if (!conclusion || typeof conclusion !== 'object') return null;
  const c = conclusion as Record<string, unknown>;
  const outcome = typeof c.outcome === 'string' ? c.outcome : '';
  if (outcome === 'settled') {
    const name = label(t, 'outcome', c.by_enterprise === true ? 'settled_by_enterprise' : 'settled');
    const fen = typeof c.recovered_fen === 'number' ? c.recovered_fen : null;
    return fen === null ? name : `${name} · ${t('orders.recovered', { amount: formatYuan(fen, language) })}`;
  }
  const detail = [c.ground, c.reason, c.decision].find((v) => typeof v === 'string') as string | undefined;
  return detail ? `${label(t, 'outcome', outcome)} · ${reasonText(detail) ?? detail}` : label(t, 'outcome', outcome);
}
