// Password reset: phone, SMS code and a new password on one form. Success ends every session
// of the account; the caller takes the person to sign in.
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { NewPasswordField } from '@/components/new-password-field';
import { useApiForm } from '@/lib/use-api-form';
import { useResetPassword, type PasswordReset } from '../api/reset-password';
import { PhoneCodeFields } from './phone-code-fields';

const FIELDS = ['phone', 'code', 'password'] as const;

export function ForgotPasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordReset>();
  const reset = useResetPassword();
  const submission = useApiForm(form, FIELDS);
  const waiting = submission.retryIn > 0;

  return (
    <Form
      form={form}
      name="reset"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        submission.reset();
        reset.mutate(
          { phone: values.phone.trim(), code: values.code.trim(), password: values.password },
          { onSuccess: onDone, onError: submission.fail },
        );
      }}
    >
      <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
      <PhoneCodeFields form={form} purpose="reset_password" />
      <NewPasswordField name="password" label={t('forgot.newPassword')} />
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={reset.isPending} disabled={waiting}>
          {waiting ? t('form.waitSeconds', { seconds: submission.retryIn }) : t('forgot.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
