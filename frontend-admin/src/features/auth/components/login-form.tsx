// The sign-in form, ready for the identity API. Until that API exists, submitting only says
// so: nothing is sent and nobody is signed in.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type LoginValues = { username: string; password: string };

export function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const [notice, setNotice] = useState(false);

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={() => {
        form.setFieldValue('password', '');
        setNotice(true);
      }}
    >
      <Form.Item
        label={t('login.username')}
        name="username"
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
      {notice ? (
        <Form.Item>
          <Alert
            type="warning"
            showIcon
            data-testid="sign-in-unavailable"
            title={t('login.notAvailableTitle')}
            description={t('login.notAvailable')}
          />
        </Form.Item>
      ) : null}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block>
          {t('login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
