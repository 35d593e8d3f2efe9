// The inbox's filter bar, drawn from INBOX_FILTERS: a multiple select for states, a select
// for a choice, a checkbox for a flag, a number of days, a Cascader of the taxonomy (a group
// or a leaf), a date range, a text box. It edits a copy; 查询 writes it to the address bar
// (which the table and the counts follow) and 重置 clears it.
import { Button, Cascader, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_FILTERS, type FilterSpec } from '../api/inbox';
import { categoryOptions, categoryPath, useCategoryTree } from '../api/categories';
import { label } from './labels';

type Value = string | string[] | boolean | number | [Dayjs | null, Dayjs | null] | null | undefined;
type Values = Record<string, Value>;

function toValues(values: Record<string, string>): Values {
  const result: Values = {};
  for (const spec of INBOX_FILTERS) {
    if (spec.type === 'range') {
      const from = values[spec.from];
      const to = values[spec.to];
      result[spec.name] = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
      continue;
    }
    const value = values[spec.name];
    switch (spec.type) {
      case 'flag':
        result[spec.name] = value === 'true';
        break;
      case 'choices':
        result[spec.name] = value ? value.split(',') : [];
        break;
      case 'days':
        result[spec.name] = value === undefined ? undefined : Number(value);
        break;
      case 'category':
        result[spec.name] = value ? categoryPath(value) : undefined;
        break;
      default:
        result[spec.name] = value;
    }
  }
  return result;
}

function fromValues(values: Values): Record<string, string> {
  const result: Record<string, string> = {};
  for (const spec of INBOX_FILTERS) {
    const value = values[spec.name];
    switch (spec.type) {
      case 'flag':
        if (value === true) result[spec.name] = 'true';
        break;
      case 'choices':
        if (Array.isArray(value) && value.length > 0) result[spec.name] = value.join(',');
        break;
      case 'days':
        if (typeof value === 'number' && Number.isFinite(value)) result[spec.name] = String(value);
        break;
      case 'category':
        if (Array.isArray(value) && value.length > 0) result[spec.name] = String(value[value.length - 1]);
        break;
      case 'range':
        if (Array.isArray(value)) {
          const [from, to] = value as [Dayjs | null, Dayjs | null];
          if (from) result[spec.from] = from.format('YYYY-MM-DD');
          if (to) result[spec.to] = to.format('YYYY-MM-DD');
        }
        break;
      default:
        if (typeof value === 'string' && value.trim() !== '') result[spec.name] = value.trim();
    }
  }
  return result;
}

type InboxFiltersProps = {
  values: Record<string, string>;
  onSearch: (values: Record<string, string>) => void;
  /** Filters not offered to this user (see ENTERPRISE_HIDDEN_FILTERS). */
  hidden?: readonly string[];
};

export function InboxFilters({ values, onSearch, hidden = [] }: InboxFiltersProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const tree = useCategoryTree();
  const english = i18n.language.startsWith('en');
  const key = JSON.stringify(values);

  // Back/forward and reloads change the address: the form shows what is searched.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(values));
  }, [key]);

  const field = (spec: FilterSpec) => {
    const name = t(`orders.filter.${spec.name}` as never);
    const id = `orders-filter-${spec.name}`;
    switch (spec.type) {
      case 'choices':
      case 'choice':
        return (
          <Form.Item key={spec.name} name={spec.name} label={name} htmlFor={id}>
            <Select
              id={id}
              mode={spec.type === 'choices' ? 'multiple' : undefined}
              allowClear
              placeholder={t('orders.any')}
              style={{ minWidth: 160 }}
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
      case 'days':
        return (
          <Form.Item key={spec.name} name={spec.name} label={name} htmlFor={id}>
            <InputNumber id={id} min={0} max={spec.max} precision={0} suffix={t('orders.filter.days')} style={{ width: 120 }} />
          </Form.Item>
        );
      case 'category':
        return (
          <Form.Item key={spec.name} name={spec.name} label={name} htmlFor={id}>
            <Cascader
              id={id}
              changeOnSelect
              allowClear
              showSearch
              loading={tree.isPending}
              disabled={tree.isError}
              placeholder={tree.isError ? t('orders.filter.categoryFailed') : t('orders.any')}
              options={tree.data ? categoryOptions(tree.data, english) : []}
              style={{ width: 240 }}
            />
          </Form.Item>
        );
      case 'range':
        return (
          <Form.Item key={spec.name} name={spec.name} label={name}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              aria-label={name}
              placeholder={[t('orders.filter.from'), t('orders.filter.to')]}
            />
          </Form.Item>
        );
      case 'text':
        return (
          <Form.Item key={spec.name} name={spec.name} label={name} htmlFor={id}>
            <Input
              id={id}
              allowClear
              maxLength={spec.maxLength}
              style={{ width: 240 }}
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
      {INBOX_FILTERS.filter((spec) => !hidden.includes(spec.name)).map(field)}
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
