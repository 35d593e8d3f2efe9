// The inbox's filter bar, drawn from INBOX_FILTERS: a select for a choice, a checkbox for a
// flag, a text box for text. It edits a copy; 查询 writes it to the address bar (which the
// table follows) and 重置 clears it.
import { Button, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_FILTERS, type FilterSpec } from '../api/inbox';
import { label } from './labels';

type Values = Record<string, string | boolean | undefined>;

function toValues(values: Record<string, string>): Values {
  const result: Values = {};
  for (const spec of INBOX_FILTERS) {
    const value = values[spec.name];
    result[spec.name] = spec.type === 'flag' ? value === 'true' : value;
  }
  return result;
}

function fromValues(values: Values): Record<string, string> {
  const result: Record<string, string> = {};
  for (const spec of INBOX_FILTERS) {
    const value = values[spec.name];
    if (spec.type === 'flag') {
      if (value === true) result[spec.name] = 'true';
    } else if (typeof value === 'string' && value.trim() !== '') {
      result[spec.name] = value.trim();
    }
  }
  return result;
}

type InboxFiltersProps = { values: Record<string, string>; onSearch: (values: Record<string, string>) => void };

export function InboxFilters({ values, onSearch }: InboxFiltersProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify(values);

  // Back/forward and reloads change the address: the form shows what is searched.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(values));
  }, [key]);

  const field = (spec: FilterSpec) => {
    const name = t(`orders.filter.${spec.name}` as never);
    switch (spec.type) {
      case 'choice':
        return (
          <Form.Item key={spec.name} name={spec.name} label={name}>
            <Select
              allowClear
              placeholder={t('orders.any')}
              style={{ width: 160 }}
              options={spec.values.map((value) => ({ value, label: label(t, spec.labels, value) }))}
            />
          </Form.Item>
        );
      case 'flag':
        return (
          <Form.Item key={spec.name} name={spec.name} valuePropName="checked">
            <Checkbox>{name}</Checkbox>
          </Form.Item>
        );
      case 'text':
        return (
          <Form.Item key={spec.name} name={spec.name} label={name}>
            <Input
              allowClear
              maxLength={spec.maxLength}
              style={{ width: 200 }}
              autoComplete="off"
              placeholder={spec.name === 'q' ? t('orders.filter.qPlaceholder') : undefined}
            />
          </Form.Item>
        );
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="inline"
      name="order-filters"
      aria-label={t('orders.filters')}
      initialValues={toValues(values)}
      onFinish={(next) => onSearch(fromValues(next))}
      style={{ rowGap: 12 }}
    >
      {INBOX_FILTERS.map(field)}
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {t('orders.search')}
          </Button>
          <Button onClick={() => onSearch({})}>{t('orders.reset')}</Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
