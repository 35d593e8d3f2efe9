// The form of one action, in a dialog: the fields that action needs (selects for units and
// people as the server lists them for that action, searched remotely; the regulation's
// closed lists with their texts; the amount in yuan; consent as party + yes/no) and an optional 说明. The version the page
// loaded goes in If-Match; a 412 or 409 means the order changed meanwhile: the page reloads
// it and says so.
import { Alert, Form, Input, Modal, Radio, Rate, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useMe } from '@/lib/auth';
import { isChinese } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useAct, type OrderDto } from '../api/order';
import { useReasons, type Reason } from '../api/reasons';
import { MONEY_REMEDIES, REMEDIES } from '../api/odr';
import { useActionTargets, useDebounced, type TargetAction } from '../api/targets';
import { AMOUNT, FORM_FIELDS, WITHOUT_REASON, actionBody, fieldsOf, type FieldName, type FormValues } from './action-fields';
import { label } from './labels';

type Props = {
  order: OrderDto;
  action: string;
  onDone: () => void;
  onChanged: () => void;
  onCancel: () => void;
};

type Option = { value: number | string; label: string; title?: string };

export function ActionForm({ order, action, onDone, onChanged, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const act = useAct(order.id);
  const { error, fail, reset, retryIn } = useApiForm(form, FORM_FIELDS);
  const fields = fieldsOf(action);
  const name = label(t, 'action', action);

  const submit = (values: FormValues) => {
    reset();
    act.mutate(
      { version: order.version, body: actionBody(action, values) },
      {
        onSuccess: onDone,
        onError: (failure) => {
          if (failure instanceof ApiError && (failure.status === 412 || failure.status === 409)) onChanged();
          else fail(failure);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('orders.panel.formTitle', { action: name, number: order.number })}
      okText={t('orders.panel.submit')}
      cancelText={t('orders.panel.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okButtonProps={{ loading: act.isPending, disabled: retryIn > 0 }}
      destroyOnHidden
    >
      <FormError error={error} fields={FORM_FIELDS} retryIn={retryIn} />
      <Form<FormValues> form={form} layout="vertical" name={`action-${action}`} onFinish={submit} requiredMark>
        {fields.map((field) => (
          <ActionField key={field} field={field} order={order} action={action} />
        ))}
        {WITHOUT_REASON.includes(action) ? null : (
          <Form.Item name="reason" label={t('orders.form.reason')} extra={t('orders.form.reasonHelp')}>
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ActionField({ field, order, action }: { field: FieldName; order: OrderDto; action: string }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('orders.form.required') }];
  switch (field) {
    case 'ground':
      return <ReasonSelect name="ground" list="not_accepted_grounds" label={t('orders.form.ground')} help={t('orders.form.groundHelp')} />;
    case 'termination_reason':
      return (
        <ReasonSelect
          name="termination_reason"
          list="termination_reasons"
          label={t('orders.form.terminationReason')}
          help={t('orders.form.terminationHelp')}
        />
      );
    case 'decision':
      return <ReasonSelect name="decision" list="case_decisions" label={t('orders.form.decision')} />;
    case 'station_id':
      return <TargetPicker order={order} action="assign_station" name="station_id" />;
    case 'association_id':
      return <TargetPicker order={order} action="delegate" name="association_id" />;
    case 'to_id':
      return <TargetPicker order={order} action={action === 'refer_up' ? 'refer_up' : 'transfer'} name="to_id" />;
    case 'handler_id':
      return <TargetPicker order={order} action="assign_handler" name="handler_id" />;
    case 'recovered_fen':
      return (
        <Form.Item
          name="recovered_fen"
          label={t('orders.form.amount')}
          extra={t('orders.form.amountHelp')}
          rules={[
            ...required,
            { pattern: AMOUNT, transform: (v: string) => v.replace(/[,，\s]/g, ''), message: t('orders.form.amountInvalid') },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" style={{ maxWidth: 240 }} />
        </Form.Item>
      );
    case 'party':
      return (
        <Form.Item name="party" label={t('orders.form.party')} rules={required}>
          <Radio.Group
            options={[
              { value: 'consumer', label: t('orders.form.consumer') },
              { value: 'business', label: t('orders.form.business') },
            ]}
          />
        </Form.Item>
      );
    case 'consents':
      return (
        <Form.Item name="consents" label={t('orders.form.consents')} rules={required}>
          <Radio.Group
            options={[
              { value: true, label: t('orders.form.yes') },
              { value: false, label: t('orders.form.no') },
            ]}
          />
        </Form.Item>
      );
    case 'score':
      return (
        <Form.Item name="score" label={t('orders.form.score')} rules={required}>
          <Rate />
        </Form.Item>
      );
    case 'remedy':
      return (
        <Form.Item name="remedy" label={t('odr.form.remedy')} rules={required}>
          <Select options={REMEDIES.map((r) => ({ value: r, label: t(`odr.remedy.${r}`) }))} />
        </Form.Item>
      );
    case 'amount_fen':
      return <SettlementAmount />;
    case 'terms':
      return (
        <Form.Item
          name="terms"
          label={t('odr.form.terms')}
          extra={t('odr.form.termsHelp')}
          rules={[{ required: true, whitespace: true, message: t('orders.form.required') }]}
        >
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      );
  }
}

/** The proposal's amount in yuan: required for a refund or compensation, optional otherwise. */
function SettlementAmount() {
  const { t } = useTranslation();
  const remedy = Form.useWatch<string | undefined>('remedy');
  const money = remedy !== undefined && MONEY_REMEDIES.includes(remedy);
  return (
    <Form.Item
      name="amount_fen"
      label={t('odr.form.amount')}
      extra={money ? t('odr.form.amountRequired') : t('odr.form.amountOptional')}
      dependencies={['remedy']}
      required={money}
      rules={[
        ({ getFieldValue }) => ({
          validator: (_rule, value: string | undefined) => {
            const text = (value ?? '').replace(/[,，\s]/g, '');
            const needed = MONEY_REMEDIES.includes(getFieldValue('remedy') as string);
            if (text === '') return needed ? Promise.reject(new Error(t('odr.form.amountMissing'))) : Promise.resolve();
            return AMOUNT.test(text) ? Promise.resolve() : Promise.reject(new Error(t('orders.form.amountInvalid')));
          },
        }),
      ]}
    >
      <Input prefix="¥" inputMode="decimal" autoComplete="off" style={{ maxWidth: 240 }} />
    </Form.Item>
  );
}

type ReasonList = 'not_accepted_grounds' | 'termination_reasons' | 'case_decisions';

/** A closed list of the regulation, its texts from the server (the domain's own words). */
function ReasonSelect({ name, list, label: text, help }: { name: FieldName; list: ReasonList; label: string; help?: string }) {
  const { t, i18n } = useTranslation();
  const reasons = useReasons();
  const zh = isChinese(i18n.language);
  const textOf = (r: Reason) => (zh ? r.text_zh : r.text_en);
  const options = (reasons.data?.[list] ?? []).map((r) => ({
    value: r.code,
    label: r.item ? `（${r.item}）${textOf(r)}` : textOf(r),
  }));
  const routes = reasons.data?.other_routes;
  return (
    <>
      <Form.Item
        name={name}
        label={text}
        extra={help}
        rules={[{ required: true, message: t('orders.form.required') }]}
        validateStatus={reasons.isError ? 'error' : undefined}
        help={reasons.isError ? t('orders.form.optionsFailed') : undefined}
      >
        <Select
          loading={reasons.isPending}
          options={options}
          optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
          popupMatchSelectWidth
          notFoundContent={t('orders.form.noOptions')}
        />
      </Form.Item>
      {routes && list !== 'case_decisions' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('orders.form.otherRoutes')}
          description={zh ? routes.text_zh : routes.text_en}
        />
      ) : null}
    </>
  );
}

/**
 * The unit or person an action names, searched on the server (debounced): only what the rules
 * accept for this order and this caller now (GET /orders/{id}/targets), so a county may
 * transfer to any other bureau, not only those it can see in the tree.
 */
function TargetPicker({ order, action, name }: { order: OrderDto; action: TargetAction; name: FieldName }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const targets = useActionTargets(order.id, action, q);
  const options: Option[] = (targets.data ?? []).map((target) => {
    const mine = target.kind === 'member' && target.id === me?.user_id;
    const text = mine ? t('orders.form.myself', { name: target.name }) : target.name;
    return {
      value: target.id,
      label: target.division_code && target.kind === 'bureau' ? `${text}（${target.division_code}）` : text,
    };
  });
  const text = {
    transfer: t('orders.form.to'),
    assign_station: t('orders.form.station'),
    refer_up: t('orders.form.referTo'),
    delegate: t('orders.form.association'),
    assign_handler: t('orders.form.handler'),
  }[action];
  return (
    <Form.Item
      name={name}
      label={text}
      extra={action === 'transfer' ? t('orders.form.toHelp') : undefined}
      rules={[{ required: true, message: t('orders.form.required') }]}
      validateStatus={targets.isError ? 'error' : undefined}
      help={targets.isError ? t('orders.form.optionsFailed') : undefined}
    >
      {/* Not virtual: a virtual list gives its visible rows no option role (only a hidden
          copy of the active row and its neighbours has one), so assistive technology cannot
          name the results; the server sends at most 50. */}
      <Select
        virtual={false}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        placeholder={action === 'transfer' ? t('orders.form.searchUnit') : undefined}
        loading={targets.isFetching}
        options={options}
        notFoundContent={targets.isFetching ? <Spin size="small" /> : t('orders.form.noOptions')}
        data-testid={`target-${action}`}
      />
    </Form.Item>
  );
}
