// The wizard's steps. Each renders only its own fields; the form keeps the values of the
// others (antd preserves unmounted fields), and `status(field)` puts a server error under
// the field it names.
import { Card, Checkbox, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import type { FormItemProps } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, KINDS, namePath } from '../utils/wizard-model';
import type { AppealKind, Channel } from '../api/submit-order';
import { CategoryFields } from './category-fields';
import { EvidenceUpload } from './evidence-upload';
import { CREDIT_CODE, OdrOffer } from './odr-offer';

/** A division chooser given by the page (the portal's division picker). */
export type DivisionInputProps = {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
};
export type DivisionInput = ComponentType<DivisionInputProps>;

export type FieldStatus = (field: string) => Pick<FormItemProps, 'validateStatus' | 'help'>;

function useRequired() {
  const { t } = useTranslation();
  return { required: true, whitespace: true, message: t('orders.wizard.required') };
}

export function KindStep({ kind, status }: { kind: AppealKind; status: FieldStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('orders.wizard.kindLabel')} name="kind" {...status('kind')}>
        <Radio.Group style={{ width: '100%' }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {KINDS.map((k) => (
              <Radio key={k} value={k} data-testid={`kind-${k}`}>
                <strong>{t(`orders.kind.${k}`)}</strong>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {t(`orders.kindHint.${k}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {kind === 'complaint' ? (
        <Form.Item name="both" valuePropName="checked" extra={t('orders.wizard.bothHint')} {...status('both')}>
          <Checkbox>{t('orders.wizard.both')}</Checkbox>
        </Form.Item>
      ) : null}
      {kind === 'report' ? (
        <Form.Item
          label={t('orders.wizard.anonymous')}
          name="anonymous"
          valuePropName="checked"
          extra={t('orders.wizard.anonymousHint')}
          {...status('anonymous')}
        >
          <Switch />
        </Form.Item>
      ) : null}
    </>
  );
}

type BusinessStepProps = { kind: AppealKind; channel: Channel; status: FieldStatus; DivisionInput: DivisionInput };

export function BusinessStep({ kind, channel, status, DivisionInput }: BusinessStepProps) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
      <Form.Item
        label={t('orders.wizard.businessName')}
        name={namePath('business.name')}
        extra={t('orders.wizard.businessNameHint')}
        rules={[required]}
        {...status('business.name')}
      >
        <Input autoComplete="organization" maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('orders.wizard.creditCode')}
        name={namePath('business.credit_code')}
        extra={t('orders.wizard.creditCodeHint')}
        normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
        rules={[{ pattern: CREDIT_CODE, message: t('orders.wizard.creditCodeInvalid') }]}
        {...status('business.credit_code')}
      >
        <Input autoComplete="off" maxLength={18} />
      </Form.Item>
      {kind === 'complaint' ? <OdrOffer status={status} /> : null}
      <Form.Item label={t('orders.wizard.channelLabel')} name={namePath('business.channel')} {...status('business.channel')}>
        <Radio.Group>
          <Space orientation="vertical">
            {CHANNELS.map((c) => (
              <Radio key={c} value={c}>
                {t(`orders.channel.${c}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {channel === 'platform_merchant' ? (
        <>
          <Form.Item
            label={t('orders.wizard.platform')}
            name={namePath('business.platform')}
            rules={[required]}
            {...status('business.platform')}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label={t('orders.wizard.platformDivision')}
            name={namePath('business.platform_division')}
            {...status('business.platform_division')}
          >
            <DivisionInput />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        label={t('orders.wizard.division')}
        name={namePath('business.division')}
        extra={t('orders.wizard.divisionHint')}
        {...status('business.division')}
      >
        <DivisionInput />
      </Form.Item>
      <Form.Item label={t('orders.wizard.address')} name={namePath('business.address')} {...status('business.address')}>
        <Input autoComplete="street-address" maxLength={300} />
      </Form.Item>
      {kind === 'report' ? (
        <Form.Item
          label={t('orders.wizard.conductDivision')}
          name="conduct_division"
          extra={t('orders.wizard.conductDivisionHint')}
          {...status('conduct_division')}
        >
          <DivisionInput />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The wizard's view of the evidence uploads: server errors per file, and whether any is on its way. */
export type EvidenceState = {
  fileErrors: (index: number) => string[] | undefined;
  onBusyChange: (busy: boolean) => void;
  isBusy: () => boolean;
};

type DetailsStepProps = { kind: AppealKind; status: FieldStatus; today: string; evidence: EvidenceState };

export function DetailsStep({ kind, status, today, evidence }: DetailsStepProps) {
  const { t } = useTranslation();
  const required = useRequired();
  const complaint = kind === 'complaint';
  const factsLabel =
    kind === 'suggestion'
      ? t('orders.wizard.factsSuggestion')
      : kind === 'consultation'
        ? t('orders.wizard.factsConsultation')
        : t('orders.wizard.facts');
  return (
    <>
      {complaint ? (
        <fieldset className="wq-fieldset">
          <legend>{t('orders.wizard.purchaseSection')}</legend>
          <Form.Item label={t('orders.wizard.item')} name="item" rules={[required]} {...status('item')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('orders.wizard.boughtOn')} name="bought_on" {...status('bought_on')}>
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item label={t('orders.wizard.amount')} name="amount_yuan" {...status('amount_yuan')}>
            <InputNumber min={0} step={0.01} precision={2} inputMode="decimal" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('orders.wizard.request')}
            name="request"
            extra={t('orders.wizard.requestHint')}
            rules={[required]}
            {...status('request')}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </fieldset>
      ) : null}
      <Form.Item
        label={factsLabel}
        name="facts"
        extra={kind === 'complaint' || kind === 'report' ? t('orders.wizard.factsHint') : undefined}
        rules={[required]}
        {...status('facts')}
      >
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
      <fieldset className="wq-fieldset" data-testid="category-section">
        <legend>{t('orders.wizard.categorySection')}</legend>
        <CategoryFields subjectRequired={complaint} problemRequired={complaint || kind === 'report'} status={status} />
      </fieldset>
      <Card size="small" title={<h3 className="wq-card-heading">{t('orders.wizard.evidenceSection')}</h3>} data-testid="evidence-section">
        <Form.Item
          label={t('orders.evidence.label')}
          name="attachments"
          extra={t('orders.wizard.evidenceHint')}
          rules={[
            {
              validator: () =>
                evidence.isBusy() ? Promise.reject(new Error(t('orders.evidence.stillUploading'))) : Promise.resolve(),
            },
          ]}
          {...status('attachments')}
        >
          <EvidenceUpload fileErrors={evidence.fileErrors} onBusyChange={evidence.onBusyChange} />
        </Form.Item>
      </Card>
    </>
  );
}
