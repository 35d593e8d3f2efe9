// Every event of the order (staff see all): what was done, by whom and which unit, the state
// change, the note, and when; oldest first. Units whose names the page already has (the
// holding unit, the caller's own) are not looked up; others are, which answers 404 for a unit
// outside the caller's subtree (the bureau that transferred the order here): the event then
// says 单位 #id, as the event carries no name.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderEvent } from '../api/order';
import { useUnit } from '../api/choices';
import { formatTime, label } from './labels';

function UnitName({ id, known }: { id: number; known: ReadonlyMap<number, string> }) {
  const { t } = useTranslation();
  const name = known.get(id);
  const unit = useUnit(name === undefined ? id : undefined);
  return <>{name ?? unit.data?.name ?? t('orders.unknownUnit', { id })}</>;
}

type TimelineProps = {
  events: OrderEvent[];
  /** Names of units the page already knows, by id. */
  known?: ReadonlyMap<number, string>;
};

export function OrderTimeline({ events, known = new Map() }: TimelineProps) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t('orders.timeline.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="order-timeline"
      items={[...events]
        .sort((a, b) => a.seq - b.seq)
        .map((e) => ({
          key: e.seq,
          content: (
            <div data-testid="timeline-event" data-action={e.action}>
              <Space wrap size={8}>
                <Typography.Text strong>{label(t, 'action', e.action)}</Typography.Text>
                <time dateTime={e.at}>{formatTime(e.at, i18n.language)}</time>
                {e.public ? null : <Tag>{t('orders.timeline.internal')}</Tag>}
              </Space>
              <div>
                <Typography.Text type="secondary">{t('orders.timeline.actor')}：</Typography.Text>
                {label(t, 'actorKind', e.actor_kind)}
                {e.actor_org_id != null ? (
                  <>
                    {' · '}
                    <UnitName id={e.actor_org_id} known={known} />
                  </>
                ) : null}
              </div>
              <div>
                <Typography.Text type="secondary">{t('orders.timeline.change')}：</Typography.Text>
                {e.from_state ? (
                  <>
                    {label(t, 'state', e.from_state)} <ArrowRightOutlined aria-label="→" />{' '}
                  </>
                ) : null}
                {label(t, 'state', e.to_state)}
              </div>
              {e.reason ? (
                <div>
                  <Typography.Text type="secondary">{t('orders.timeline.reason')}：</Typography.Text>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</span>
                </div>
              ) : null}
            </div>
          ),
        }))}
    />
  );
}
