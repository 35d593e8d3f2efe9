// 机构入驻申请: an enterprise (credit code, registered county), a government department or
// an international body (competent level: national or a province; English fields). The
// server's field errors appear under their fields; a 429 shows its countdown.
import { Button, Card, Divider, Form, Input, Radio, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useApiForm } from '@/lib/use-api-form';
import {
  CREDIT_CODE,
  useProvinces,
  useSubmitApplication,
  type ApplicantKind,
  type ApplicationReceipt,
} from '../api/applications';

const FIELDS = [
  'kind',
  'credit_code',
  'registered_division',
  'competent_division',
  'name',
  'name_en',
  'contact_name',
  'contact_phone',
  'contact_email',
  'admin_username',
  'admin_display_name',
  'description',
] as const;

type Values = {
  kind: ApplicantKind;
  credit_code?: string;
  registered_division?: { code: string } | undefined;
  competent_division?: string;
  name: string;
  name_en?: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  admin_username: string;
  admin_display_name: string;
  description?: string;
};

type ApplyFormProps = {
  /** The county picker (the portal's division picker), given by the page. */
  divisionPicker: ReactNode;
  onSubmitted: (receipt: ApplicationReceipt) => void;
};

const text = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);

export function ApplyForm({ divisionPicker, onSubmitted }: ApplyFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, FIELDS);
  const submit = useSubmitApplication();
  const kind = Form.useWatch('kind', form) ?? 'enterprise';
  const provinces = useProvinces(kind !== 'enterprise');
  const required = { required: true, whitespace: true, message: t('apply.required') };

  const finish = (values: Values) => {
    api.reset();
    const enterprise = values.kind === 'enterprise';
    submit.mutate(
      {
        kind: values.kind,
        name: values.name.trim(),
        name_en: text(values.name_en),
        credit_code: enterprise ? (text(values.credit_code)?.toUpperCase() ?? null) : null,
        registered_division: enterprise ? (values.registered_division?.code ?? null) : null,
        competent_division: enterprise ? null : (values.competent_division ?? null),
        contact_name: values.contact_name.trim(),
        contact_phone: values.contact_phone.trim(),
        contact_email: values.contact_email.trim(),
        admin_username: values.admin_username.trim().toLowerCase(),
        admin_display_name: values.admin_display_name.trim(),
        description: text(values.description),
      },
      { onSuccess: onSubmitted, onError: api.fail },
    );
  };

  return (
    <Card>
      <FormError error={api.error} fields={FIELDS} retryIn={api.retryIn} />
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={{ kind: 'enterprise' }} scrollToFirstError>
        <Form.Item label={t('apply.kind')} name="kind">
          <Radio.Group
            optionType="button"
            options={(['enterprise', 'department', 'international'] as const).map((k) => ({
              value: k,
              label: t(`apply.kindName.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'enterprise' ? (
          <>
            <Form.Item
              label={t('apply.creditCode')}
              name="credit_code"
              extra={t('apply.creditCodeHint')}
              normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
              rules={[required, { pattern: CREDIT_CODE, message: t('apply.creditCodeInvalid') }]}
            >
              <Input autoComplete="off" maxLength={18} inputMode="text" />
            </Form.Item>
            <Form.Item
              label={t('apply.division')}
              name="registered_division"
              rules={[{ required: true, message: t('apply.divisionRequired') }]}
            >
              {divisionPicker}
            </Form.Item>
          </>
        ) : (
          <Form.Item
            label={t('apply.competent')}
            name="competent_division"
            extra={t('apply.competentHint')}
            rules={[{ required: true, message: t('apply.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={provinces.isPending}
              options={[
                { value: 'national', label: t('apply.national') },
                ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })),
              ]}
            />
          </Form.Item>
        )}
        <Form.Item label={t('apply.name')} name="name" rules={[required]}>
          <Input autoComplete="organization" maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('apply.nameEn')}
          name="name_en"
          rules={kind === 'international' ? [required] : []}
        >
          <Input lang="en" maxLength={200} />
        </Form.Item>
        <Form.Item label={t('apply.contactName')} name="contact_name" rules={[required]}>
          <Input autoComplete="name" maxLength={100} />
        </Form.Item>
        <Form.Item label={t('apply.contactPhone')} name="contact_phone" rules={[required]}>
          <Input type="tel" autoComplete="tel" maxLength={30} />
        </Form.Item>
        <Form.Item
          label={t('apply.contactEmail')}
          name="contact_email"
          extra={t('apply.contactEmailHint')}
          rules={[required, { type: 'email', message: t('apply.emailInvalid') }]}
        >
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Divider titlePlacement="start">
          <Typography.Text strong>{t('apply.adminSection')}</Typography.Text>
        </Divider>
        <Form.Item label={t('apply.adminUsername')} name="admin_username" extra={t('apply.adminUsernameHint')} rules={[required]}>
          <Input autoComplete="off" autoCapitalize="none" maxLength={64} />
        </Form.Item>
        <Form.Item label={t('apply.adminDisplayName')} name="admin_display_name" rules={[required]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item label={t('apply.description')} name="description">
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending} disabled={api.retryIn > 0}>
          {t('apply.submit')}
        </Button>
      </Form>
    </Card>
  );
}
