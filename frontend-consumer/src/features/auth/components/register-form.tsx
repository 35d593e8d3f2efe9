// Registration in two steps: (1) phone and SMS code, (2) name and password. The code is only
// checked when the whole form is sent, so a server complaint about the phone or the code
// takes the person back to step 1 with the message under that field.
import { Button, Flex, Form, Input, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { NewPasswordField } from '@/components/new-password-field';
import { ApiError } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useRegister, type Registration } from '../api/register';
import { PhoneCodeFields } from './phone-code-fields';

const FIELDS = ['phone', 'code', 'display_name', 'password'] as const;
const FIRST_STEP_FIELDS = ['phone', 'code'];
export const DISPLAY_NAME_MAX_LENGTH = 50;

export function RegisterForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Registration>();
  const [step, setStep] = useState(0);
  const registration = useRegister();
  const submission = useApiForm(form, FIELDS);
  const waiting = submission.retryIn > 0;

  const next = async () => {
    const ok = await form.validateFields(FIRST_STEP_FIELDS).then(() => true, () => false);
    if (ok) setStep(1);
  };

  const submit = () => {
    const values = form.getFieldsValue(true) as Registration;
    submission.reset();
    registration.mutate(
      {
        phone: String(values.phone).trim(),
        code: String(values.code).trim(),
        display_name: String(values.display_name).trim(),
        password: values.password,
      },
      {
        onError: (error) => {
          submission.fail(error);
          const badFirstStep =
            error instanceof ApiError &&
            (error.problem?.errors ?? []).some((e) => FIRST_STEP_FIELDS.includes(e.field));
          if (badFirstStep) setStep(0);
        },
      },
    );
  };

  return (
    <Form
      form={form}
      name="register"
      layout="vertical"
      requiredMark={false}
      onFinish={() => (step === 0 ? void next() : submit())}
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('register.stepPhone') }, { title: t('register.stepAccount') }]}
      />
      <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
      <PhoneCodeFields form={form} purpose="register" hidden={step !== 0} />
      {step === 0 ? (
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block>
            {t('register.next')}
          </Button>
        </Form.Item>
      ) : (
        <>
          <Form.Item
            label={t('register.displayName')}
            name="display_name"
            extra={t('register.displayNameHint')}
            rules={[
              { required: true, whitespace: true, message: t('register.displayNameRequired') },
              {
                max: DISPLAY_NAME_MAX_LENGTH,
                message: t('register.displayNameTooLong', { max: DISPLAY_NAME_MAX_LENGTH }),
              },
            ]}
          >
            <Input autoComplete="nickname" />
          </Form.Item>
          <NewPasswordField name="password" label={t('auth.password')} />
          <Flex gap={8}>
            <Button onClick={() => setStep(0)}>{t('register.back')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={registration.isPending}
              disabled={waiting}
            >
              {waiting ? t('form.waitSeconds', { seconds: submission.retryIn }) : t('register.submit')}
            </Button>
          </Flex>
        </>
      )}
    </Form>
  );
}
