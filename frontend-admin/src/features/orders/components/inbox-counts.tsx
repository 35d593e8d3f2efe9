// Above the inbox: how many open orders each state holds for the same filters (the states
// aside), from GET /organisations/{id}/orders/counts. Each is a toggle button that filters
// the list by that state alone; 全部在办 clears the state filter.
import { Badge, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type InboxQuery, useCounts } from '../api/inbox';
import { label } from './labels';

type InboxCountsProps = {
  orgId: number;
  query: Omit<InboxQuery, 'state'>;
  /** The state filter now in the address (comma-separated), if any. */
  state: string | undefined;
  onState: (state: string | undefined) => void;
};

export function InboxCounts({ orgId, query, state, onState }: InboxCountsProps) {
  const { t } = useTranslation();
  const counts = useCounts(orgId, query);

  if (counts.isError) {
    return (
      <Typography.Text type="danger" role="alert">
        {t('orders.counts.failed')}{' '}
        <Button size="small" type="link" onClick={() => void counts.refetch()}>
          {t('common.retry')}
        </Button>
      </Typography.Text>
    );
  }
  const data = counts.data;
  const badge = (n: number | undefined) => (
    <Badge count={n ?? '…'} showZero overflowCount={99999} color="#595959" style={{ marginInlineStart: 6 }} />
  );

  return (
    <Flex gap={8} wrap align="center" role="group" aria-label={t('orders.counts.label')} aria-busy={counts.isPending}>
      <Button aria-pressed={!state} type={!state ? 'primary' : 'default'} onClick={() => onState(undefined)}>
        {t('orders.counts.all')}
        {badge(data?.total)}
      </Button>
      {Object.entries(data?.by_state ?? {}).map(([name, n]) => (
        <Button
          key={name}
          aria-pressed={state === name}
          type={state === name ? 'primary' : 'default'}
          onClick={() => onState(state === name ? undefined : name)}
          data-testid={`count-${name}`}
        >
          {label(t, 'state', name)}
          {badge(n)}
        </Button>
      ))}
      {data ? (
        <Typography.Text type={data.overdue > 0 ? 'danger' : 'secondary'} data-testid="count-overdue">
          {t('orders.counts.overdue', { count: data.overdue })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
