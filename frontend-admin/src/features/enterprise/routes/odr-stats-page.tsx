// 企业统计: an enterprise's self-settlement record over a period. Its own members see their
// enterprise; staff of the bureaus above an enterprise pick it in their subtree. The unit and
// the period live in the address (?org=&from=&to=), so a view can be reloaded or shared.
import { Alert, Card, Col, DatePicker, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { UnitPicker, unitQuery } from '@/components/unit-picker';
import { useMe } from '@/lib/auth';
import { useOdrStats, type OdrStats, type StatsPeriod } from '../api/odr-stats';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China (UTC+8), as the server's dates are. */
function today(): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The period in the address, or this year so far. */
export function readPeriod(params: URLSearchParams, now: string = today()): StatsPeriod {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = { from: DAY.test(from) ? from : `${now.slice(0, 4)}-01-01`, to: DAY.test(to) ? to : now };
  return period.from <= period.to ? period : { from: period.to, to: period.from };
}

export function OdrStatsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const own = me?.org;
  if (!me || !own) return null;
  const enterprise = own.kind === 'enterprise';
  const period = readPeriod(params);
  const chosen = Number(params.get('org'));
  const orgId = enterprise ? own.id : Number.isSafeInteger(chosen) && chosen > 0 ? chosen : undefined;
  const update = (next: { org?: number; period?: StatsPeriod }) => {
    const search = new URLSearchParams(params);
    if (next.org !== undefined) search.set('org', String(next.org));
    if (next.period) {
      search.set('from', next.period.from);
      search.set('to', next.period.to);
    }
    setParams(search);
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('odr.stats.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('odr.stats.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex gap={16} align="center" wrap>
          {enterprise ? (
            <Typography.Text strong data-testid="stats-enterprise">
              {own.name}
            </Typography.Text>
          ) : (
            <Flex gap={8} align="center" wrap>
              <label htmlFor="stats-unit">{t('odr.stats.enterprise')}</label>
              <UnitPicker id="stats-unit" rootId={own.id} value={orgId ?? own.id} onChange={(id) => update({ org: id })} />
            </Flex>
          )}
          <Flex gap={8} align="center" wrap>
            <span id="stats-range-label">{t('odr.stats.range')}</span>
            <DatePicker.RangePicker
              aria-labelledby="stats-range-label"
              allowClear={false}
              value={[dayjs(period.from), dayjs(period.to)]}
              placeholder={[t('odr.stats.from'), t('odr.stats.to')]}
              onChange={(range: [Dayjs | null, Dayjs | null] | null) => {
                const [from, to] = range ?? [null, null];
                if (from && to) update({ period: { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') } });
              }}
            />
          </Flex>
        </Flex>
      </Card>
      {enterprise ? <Stats orgId={own.id} period={period} /> : <ChosenStats orgId={orgId} ownId={own.id} period={period} />}
    </Flex>
  );
}

/** Staff: the statistics of the unit they picked, once it is an enterprise. */
function ChosenStats({ orgId, ownId, period }: { orgId: number | undefined; ownId: number; period: StatsPeriod }) {
  const { t } = useTranslation();
  const unit = useQuery({ ...unitQuery(orgId ?? ownId), enabled: orgId !== undefined });
  if (orgId === undefined || (unit.data && unit.data.kind !== 'enterprise')) {
    return <Alert type="info" showIcon title={t('odr.stats.pickEnterprise')} data-testid="stats-pick" />;
  }
  if (unit.isPending) return <Skeleton active aria-busy="true" />;
  if (unit.isError) return <QueryError title={t('odr.stats.loadFailed')} error={unit.error} onRetry={() => void unit.refetch()} />;
  return <Stats orgId={orgId} period={period} />;
}

function Stats({ orgId, period }: { orgId: number; period: StatsPeriod }) {
  const { t } = useTranslation();
  const stats = useOdrStats(orgId, period);
  if (stats.isPending) return <Skeleton active aria-busy="true" />;
  if (stats.isError) {
    return <QueryError title={t('odr.stats.loadFailed')} error={stats.error} onRetry={() => void stats.refetch()} />;
  }
  return <StatsCards stats={stats.data} />;
}

export function StatsCards({ stats }: { stats: OdrStats }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const hours =
    typeof stats.avg_first_answer_hours === 'number'
      ? t('odr.stats.hours', {
          value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(stats.avg_first_answer_hours),
        })
      : t('odr.stats.none');
  const cards: { key: string; title: string; value: string | number; help?: string }[] = [
    { key: 'received', title: t('odr.stats.received'), value: stats.received },
    { key: 'settled', title: t('odr.stats.settled'), value: stats.settled },
    {
      key: 'rate',
      title: t('odr.stats.settlementRate'),
      value: typeof stats.settlement_rate === 'number' ? percent.format(stats.settlement_rate) : t('odr.stats.none'),
      help: t('odr.stats.settlementRateHelp'),
    },
    { key: 'first', title: t('odr.stats.avgFirstAnswer'), value: hours, help: t('odr.stats.avgFirstAnswerHelp') },
    { key: 'open', title: t('odr.stats.open'), value: stats.open },
    { key: 'rejected', title: t('odr.stats.rejected'), value: stats.rejected },
    { key: 'expired', title: t('odr.stats.expired'), value: stats.expired },
    { key: 'recalled', title: t('odr.stats.recalled'), value: stats.recalled },
    { key: 'withdrawn', title: t('odr.stats.withdrawn'), value: stats.withdrawn },
  ];
  return (
    <Flex vertical gap={12}>
      {stats.received === 0 ? <Alert type="info" showIcon title={t('odr.stats.empty')} data-testid="stats-empty" /> : null}
      <Row gutter={[16, 16]} data-testid="odr-stats">
        {cards.map((card) => (
          <Col key={card.key} xs={24} sm={12} xl={6}>
            <Card>
              <div data-testid={`stat-${card.key}`}>
                <Statistic title={card.title} value={card.value} />
              </div>
              {card.help ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {card.help}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
