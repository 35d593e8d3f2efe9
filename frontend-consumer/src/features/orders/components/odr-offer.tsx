// For a complaint whose business is an approved ODR enterprise: the choice to send it to the
// enterprise first, in plain words. Shown only when the lookup finds one; any other answer
// (no such enterprise, a malformed code, a limit) shows nothing and leaves the choice off.
import { Alert, Checkbox, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOdrEnterprise } from '../api/get-odr-enterprise';
import type { FieldStatus } from './wizard-steps';

/** GB 32100-2015: 18 characters of 0-9 and the capital letters without I, O, S, V, Z. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function OdrOffer({ status }: { status: FieldStatus }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const raw = Form.useWatch(['business', 'credit_code'], { form, preserve: true }) as string | undefined;
  const code = typeof raw === 'string' && CREDIT_CODE.test(raw) ? raw : null;
  const lookup = useOdrEnterprise(code);
  const enterprise = code && lookup.data ? lookup.data : null;
  const known = code === null || lookup.isSuccess || lookup.isError;

  // No ODR enterprise (any more): the choice does not apply.
  useEffect(() => {
    if (known && !enterprise && form.getFieldValue('enterprise_first')) form.setFieldValue('enterprise_first', false);
  }, [known, enterprise, form]);

  if (!enterprise) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="odr-offer"
      style={{ marginBottom: 24 }}
      title={t('orders.odr.title', { name: enterprise.name })}
      description={
        <>
          <p style={{ marginTop: 4 }}>{t('orders.odr.explain')}</p>
          <Form.Item name="enterprise_first" valuePropName="checked" style={{ marginBottom: 0 }} {...status('enterprise_first')}>
            <Checkbox data-testid="enterprise-first">{t('orders.odr.choose')}</Checkbox>
          </Form.Item>
        </>
      }
    />
  );
}
