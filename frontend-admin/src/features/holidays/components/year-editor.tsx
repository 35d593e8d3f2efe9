// Editing one year's schedule: the notice it comes from and every public holiday and make-up
// working day (date, kind, Chinese and English name). Saving replaces the whole year after a
// confirmation; the server checks the dates (in the year, once each, make-up days on a
// weekend) and its messages are shown next to the rows they name.
import { App, Alert, Button, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrorMessage, useErrorMessage } from '@/lib/problem';
import { useEnterYear, type CalendarYear, type DayKind, type EnteredYear, type Holiday } from '../api/calendar';

type Row = { key: number; date: string; kind: DayKind; name_zh: string; name_en: string };

type YearEditorProps = {
  year: number;
  current: CalendarYear | undefined;
  onDone: (result: EnteredYear | null) => void;
};

let nextKey = 1;
const toRow = (day: Holiday): Row => ({
  key: nextKey++,
  date: day.date,
  kind: day.kind,
  name_zh: day.name_zh,
  name_en: day.name_en ?? '',
});

export function YearEditor({ year, current, onDone }: YearEditorProps) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const enter = useEnterYear(year);
  const [source, setSource] = useState(current?.status === 'entered' ? (current.source ?? '') : '');
  const [rows, setRows] = useState<Row[]>(() => (current?.days ?? []).map(toRow));
  const [error, setError] = useState<unknown>(null);

  const update = (key: number, change: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () =>
    setRows((all) => [...all, { key: nextKey++, date: `${year}-01-01`, kind: 'off', name_zh: '', name_en: '' }]);
  const remove = (key: number) => setRows((all) => all.filter((row) => row.key !== key));

  // Server messages by row index (`days[3].kind`) and for the whole form.
  const problems = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  const rowErrors = (index: number) =>
    problems
      .filter((e) => e.field.startsWith(`days[${index}].`))
      .map((e) => fieldErrorMessage(e, i18n.language));
  const formErrors = problems
    .filter((e) => !/^days\[\d+\]\./.test(e.field))
    .map((e) => fieldErrorMessage(e, i18n.language));

  const save = () =>
    void modal.confirm({
      title: t('calendar.saveTitle', { year }),
      content: t('calendar.saveConfirm', { year }),
      okText: t('calendar.save'),
      cancelText: t('calendar.cancel'),
      onOk: () => {
        setError(null);
        const body = {
          source: source.trim(),
          days: rows.map((row) => ({
            date: row.date,
            kind: row.kind,
            name_zh: row.name_zh.trim(),
            name_en: row.name_en.trim() === '' ? null : row.name_en.trim(),
          })),
        };
        return enter.mutateAsync(body).then(onDone, (failure: unknown) => setError(failure));
      },
    });

  return (
    <Flex vertical gap={16} data-testid="year-editor">
      <label className="wq-field">
        <Typography.Text strong>{t('calendar.source')}</Typography.Text>
        <Input
          value={source}
          onChange={(e) => setSource(e.target.value)}
          placeholder={t('calendar.sourcePlaceholder')}
          maxLength={500}
          aria-label={t('calendar.source')}
        />
      </label>
      {error !== null && (formErrors.length > 0 || problems.length === 0) ? (
        <Alert type="error" showIcon role="alert" title={formErrors.length > 0 ? formErrors.join(' ') : errorMessage(error)} />
      ) : null}
      {error !== null && problems.length > 0 && formErrors.length === 0 ? (
        <Alert type="error" showIcon role="alert" title={t('calendar.fixRows')} />
      ) : null}
      <Table<Row>
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="wq-empty">{t('calendar.noDays')}</span> }}
        onRow={() => ({ 'data-testid': 'edit-day' }) as object}
        columns={[
          {
            key: 'date',
            title: t('calendar.date'),
            render: (_, row, index) => (
              <Flex vertical gap={4}>
                <Input
                  type="date"
                  value={row.date}
                  min={`${year}-01-01`}
                  max={`${year}-12-31`}
                  onChange={(e) => update(row.key, { date: e.target.value })}
                  aria-label={t('calendar.dateOf', { n: index + 1 })}
                />
                {rowErrors(index).map((message) => (
                  <Typography.Text key={message} type="danger" data-testid="row-error">
                    {message}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          {
            key: 'kind',
            title: t('calendar.kind'),
            render: (_, row, index) => (
              <Select<DayKind>
                value={row.kind}
                style={{ minWidth: 140 }}
                onChange={(kind) => update(row.key, { kind })}
                aria-label={t('calendar.kindOf', { n: index + 1 })}
                options={[
                  { value: 'off', label: t('calendar.kindName.off') },
                  { value: 'work', label: t('calendar.kindName.work') },
                ]}
              />
            ),
          },
          {
            key: 'name_zh',
            title: t('calendar.nameZh'),
            render: (_, row, index) => (
              <Input
                value={row.name_zh}
                maxLength={50}
                onChange={(e) => update(row.key, { name_zh: e.target.value })}
                aria-label={t('calendar.nameZhOf', { n: index + 1 })}
              />
            ),
          },
          {
            key: 'name_en',
            title: t('calendar.nameEn'),
            render: (_, row, index) => (
              <Input
                value={row.name_en}
                maxLength={100}
                onChange={(e) => update(row.key, { name_en: e.target.value })}
                aria-label={t('calendar.nameEnOf', { n: index + 1 })}
              />
            ),
          },
          {
            key: 'remove',
            title: t('calendar.actions'),
            render: (_, row, index) => (
              <Button size="small" danger onClick={() => remove(row.key)} aria-label={t('calendar.removeOf', { n: index + 1 })}>
                {t('calendar.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space wrap>
        <Button onClick={add}>{t('calendar.add')}</Button>
        <Button type="primary" onClick={save} loading={enter.isPending}>
          {t('calendar.save')}
        </Button>
        <Button onClick={() => onDone(null)}>{t('calendar.cancel')}</Button>
      </Space>
    </Flex>
  );
}
