// The filter form. It edits a copy; 查询 writes it to the address bar, which the results
// follow, and 重置 clears it.
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIONS, OUTCOMES, type UrlFilters } from '../api/filters';

type Values = {
  action?: string;
  outcome?: string;
  login?: string;
  ip?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
};

function toValues(filters: UrlFilters): Values {
  return {
    action: filters.action,
    outcome: filters.outcome,
    login: filters.login,
    ip: filters.ip,
    period: filters.from || filters.until ? [filters.from ? dayjs(filters.from) : null, filters.until ? dayjs(filters.until) : null] : null,
  };
}

type AuditFiltersFormProps = { filters: UrlFilters; onSearch: (filters: Omit<UrlFilters, 'org'>) => void };

export function AuditFiltersForm({ filters, onSearch }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify(filters);

  // Back/forward and reloads change the address: the form shows what is searched.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(filters));
  }, [key]);

  const known = (name: string, list: readonly string[]) => (list.includes(name) ? name : undefined);
  const actionLabel = (action: string) => t(`audit.actionName.${action as (typeof ACTIONS)[number]}`);

  return (
    <Form<Values>
      form={form}
      layout="inline"
      name="audit-filters"
      aria-label={t('audit.filters')}
      initialValues={toValues(filters)}
      onFinish={(values) => {
        const [from, until] = values.period ?? [null, null];
        onSearch({
          action: values.action || undefined,
          outcome: values.outcome || undefined,
          login: values.login?.trim() || undefined,
          ip: values.ip?.trim() || undefined,
          from: from ? from.format('YYYY-MM-DD') : undefined,
          until: until ? until.format('YYYY-MM-DD') : undefined,
        });
      }}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="period" label={t('audit.period')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('audit.periodStart'), t('audit.periodEnd')]}
          aria-label={t('audit.period')}
        />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.any')}
          style={{ width: 200 }}
          options={ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
          // An unknown action from the address is still shown (the server will refuse it).
          labelRender={({ value, label }) => label ?? (known(String(value), ACTIONS) ? actionLabel(String(value)) : String(value))}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          placeholder={t('audit.any')}
          style={{ width: 120 }}
          options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomeName.${outcome}`) }))}
        />
      </Form.Item>
      <Form.Item name="login" label={t('audit.actor')} tooltip={t('audit.actorHelp')}>
        <Input allowClear maxLength={64} style={{ width: 160 }} autoComplete="off" />
      </Form.Item>
      <Form.Item name="ip" label={t('audit.ipFilter')}>
        <Input allowClear maxLength={45} style={{ width: 150 }} autoComplete="off" />
      </Form.Item>
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {t('audit.search')}
          </Button>
          <Button onClick={() => onSearch({})}>{t('audit.reset')}</Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
