// Change password: the current one and a new one. A wrong current password is shown under its
// field. Success ends every session of the account; the caller takes the person to sign in.
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { NewPasswordField } from '@/components/new-password-field';
import { problemCode, useErrorMessage } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useChangePassword, type PasswordChange } from '../api/change-password';

const FIELDS = ['current_password', 'new_password'] as const;

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [form] = Form.useForm<PasswordChange>();
  const change = useChangePassword();
  const submission = useApiForm(form, FIELDS);
  const waiting = submission.retryIn > 0;
  // A wrong current password is a 401 `invalid_credentials`: it belongs under that field.
  const wrongCurrent = problemCode(submission.error) === 'invalid_credentials';

  return (
    <Form
      form={form}
      name="password"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        submission.reset();
        change.mutate(values, {
          onSuccess: onDone,
          onError: (error) => {
            submission.fail(error);
            if (problemCode(error) === 'invalid_credentials') {
              form.setFields([{ name: 'current_password', value: '', errors: [message(error)] }]);
            }
          },
        });
      }}
    >
      {wrongCurrent ? null : (
        <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
      )}
      <Form.Item
        label={t('profile.currentPassword')}
        name="current_password"
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordField name="new_password" label={t('profile.newPassword')} />
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={change.isPending} disabled={waiting}>
          {waiting ? t('form.waitSeconds', { seconds: submission.retryIn }) : t('profile.changePassword')}
        </Button>
      </Form.Item>
    </Form>
  );
}
