// Consumer sign-in: mobile number and password. A wrong pair gets one message whether or not
// the number has an account; too many failures lock the button for the Retry-After seconds.
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { problemCode } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useSignIn } from '../api/sign-in';
import { phoneRules } from './phone-rules';

type LoginValues = { login: string; password: string };
const FIELDS = ['login', 'password'] as const;

export function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const signIn = useSignIn();
  const submission = useApiForm(form, FIELDS);
  const waiting = submission.retryIn > 0;

  return (
    <Form
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      onFinish={({ login, password }) => {
        submission.reset();
        signIn.mutate(
          { phone: login.trim(), password },
          {
            onError: (error) => {
              submission.fail(error);
              if (problemCode(error) === 'invalid_credentials') form.setFieldValue('password', '');
            },
          },
        );
      }}
    >
      <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
      <Form.Item label={t('auth.phone')} name="login" rules={phoneRules(t)}>
        <Input inputMode="numeric" autoComplete="username" maxLength={11} />
      </Form.Item>
      <Form.Item
        label={t('auth.password')}
        name="password"
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending} disabled={waiting}>
          {waiting ? t('form.waitSeconds', { seconds: submission.retryIn }) : t('login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
