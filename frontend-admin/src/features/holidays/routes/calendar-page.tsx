// 节假日安排 (/admin/calendar): the years of the holiday calendar periods are counted on,
// entered or provisional (counted on weekdays alone until entered), and one year's dates.
// National administrators (`manage_calendar`) enter or replace a year; other staff read.
import { App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { can } from '@/lib/access';
import { useMe } from '@/lib/auth';
import { useCalendarYear, useCalendarYears, weekdayOf, type CalendarYearSummary, type Holiday } from '../api/calendar';
import { YearEditor } from '../components/year-editor';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const mayEdit = can(me, 'manage_calendar');
  const [params, setParams] = useSearchParams();
  const years = useCalendarYears();
  const chosen = Number(params.get('year')) || null;
  const selected = chosen ?? years.data?.[0]?.year ?? null;
  const year = useCalendarYear(selected);
  const [editing, setEditing] = useState(false);
  const time = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(i18n.language) : '—');
  const statusTag = (status: string) =>
    status === 'entered' ? (
      <Tag color="#237804">{t('calendar.status.entered')}</Tag>
    ) : (
      <Tag color="#ad4e00">{t('calendar.status.provisional')}</Tag>
    );
  const choose = (next: number) => {
    setEditing(false);
    setParams({ year: String(next) });
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('calendar.description')}
        </Typography.Paragraph>
      </div>
      <Card title={<h2 className="wq-card-title">{t('calendar.years')}</h2>}>
        {years.isError ? (
          <QueryError title={t('calendar.loadFailed')} error={years.error} onRetry={() => void years.refetch()} />
        ) : (
          <Table<CalendarYearSummary>
            rowKey="year"
            loading={years.isPending}
            dataSource={years.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <span className="wq-empty">{t('calendar.noYears')}</span> }}
            onRow={(row) => ({ 'data-testid': 'calendar-year', 'data-year': row.year }) as object}
            columns={[
              {
                key: 'year',
                title: t('calendar.year'),
                render: (_, row) => (
                  <Button type="link" onClick={() => choose(row.year)} aria-current={row.year === selected ? 'true' : undefined}>
                    {row.year}
                  </Button>
                ),
              },
              { key: 'status', title: t('calendar.statusLabel'), render: (_, row) => statusTag(row.status) },
              { key: 'holidays', title: t('calendar.holidays'), render: (_, row) => row.holidays },
              { key: 'workdays', title: t('calendar.workdays'), render: (_, row) => row.workdays },
              { key: 'entered', title: t('calendar.enteredAt'), render: (_, row) => time(row.entered_at) },
              { key: 'source', title: t('calendar.source'), render: (_, row) => row.source ?? '—' },
            ]}
          />
        )}
      </Card>
      {selected !== null ? (
        <Card
          title={<h2 className="wq-card-title">{t('calendar.yearTitle', { year: selected })}</h2>}
          extra={
            mayEdit && !editing && year.isSuccess ? (
              <Button type="primary" onClick={() => setEditing(true)}>
                {year.data.status === 'entered' ? t('calendar.edit') : t('calendar.enter')}
              </Button>
            ) : null
          }
        >
          {year.isError ? (
            <QueryError title={t('calendar.loadFailed')} error={year.error} onRetry={() => void year.refetch()} />
          ) : year.isPending ? (
            <Typography.Text>{t('common.loading')}</Typography.Text>
          ) : editing ? (
            <YearEditor
              key={selected}
              year={selected}
              current={year.data}
              onDone={(result) => {
                setEditing(false);
                if (result)
                  void message.success(
                    t('calendar.saved', { year: selected, recomputed: result.orders_recomputed, changed: result.orders_changed }),
                  );
              }}
            />
          ) : year.data.status !== 'entered' ? (
            <Empty description={t('calendar.provisionalHelp', { year: selected })} />
          ) : (
            <Table<Holiday>
              rowKey="date"
              dataSource={year.data.days}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={() => ({ 'data-testid': 'calendar-day' }) as object}
              columns={[
                { key: 'date', title: t('calendar.date'), render: (_, row) => row.date },
                {
                  key: 'weekday',
                  title: t('calendar.weekday'),
                  render: (_, row) => t(`calendar.weekdays.${WEEKDAYS[weekdayOf(row.date)] ?? 'mon'}`),
                },
                {
                  key: 'kind',
                  title: t('calendar.kind'),
                  render: (_, row) => (
                    <Tag color={row.kind === 'off' ? '#a8071a' : '#0958d9'}>{t(`calendar.kindName.${row.kind}`)}</Tag>
                  ),
                },
                { key: 'name', title: t('calendar.nameZh'), render: (_, row) => row.name_zh },
                { key: 'name_en', title: t('calendar.nameEn'), render: (_, row) => row.name_en ?? '—' },
              ]}
            />
          )}
        </Card>
      ) : null}
    </Flex>
  );
}
