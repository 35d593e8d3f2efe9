// Step 1 of staff sign-in: username and password. A wrong pair gets one message whether or
// not the account exists; too many failures lock the button for the Retry-After seconds.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { problemCode } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useSignIn, type SignInResult } from '../api/sign-in';

type CredentialsValues = { login: string; password: string };
const FIELDS = ['login', 'password'] as const;

export function CredentialsForm({ onSignedIn }: { onSignedIn: (result: SignInResult) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CredentialsValues>();
  const signIn = useSignIn();
  const submission = useApiForm(form, FIELDS);
  const waiting = submission.retryIn > 0;

  return (
    <Form
      form={form}
      name="sign-in"
      layout="vertical"
      requiredMark={false}
      onFinish={({ login, password }) => {
        submission.reset();
        signIn.mutate(
          { username: login.trim(), password },
          {
            onSuccess: onSignedIn,
            onError: (error) => {
              submission.fail(error);
              if (problemCode(error) === 'invalid_credentials') form.setFieldValue('password', '');
            },
          },
        );
      }}
    >
      <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
      <Form.Item
        label={t('login.username')}
        name="login"
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined aria-hidden="true" />} autoComplete="username" />
      </Form.Item>
      <Form.Item
        label={t('login.password')}
        name="password"
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined aria-hidden="true" />} autoComplete="current-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending} disabled={waiting}>
          {waiting ? t('form.waitSeconds', { seconds: submission.retryIn }) : t('login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
