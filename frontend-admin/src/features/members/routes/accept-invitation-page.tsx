// 接受邀请 (public): the token comes from the URL fragment (`#token=…`, never sent to the
// server in a URL); the page shows whom the invitation is for, the invitee chooses a
// password, and goes on to sign in. Any invalid, used or expired link gets one message.
import { useQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Layout, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '@/components/form-error';
import { LanguageSwitch } from '@/components/language-switch';
import { Brand } from '@/components/layouts/brand';
import '@/components/layouts/admin-layout.css';
import { ApiError, problemCode } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { acceptInvitation, inspectInvitation } from '../api/invitations';

const MIN = 8;
const MAX = 128;
const length = (value: string | undefined) => (value ? [...value.normalize('NFC')].length : 0);
const FIELDS = ['password'] as const;

/** The token of `#token=…` (or null). */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

function isInvalidLink(error: unknown): boolean {
  return (
    problemCode(error) === 'invitation_invalid' ||
    (error instanceof ApiError && (error.status === 400 || error.status === 404))
  );
}

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const password = Form.useWatch('password', form);
  const api = useApiForm(form, FIELDS);
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => inspectInvitation(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  const accept = useMutation({ mutationFn: acceptInvitation });

  const invalid =
    token === null ||
    (preview.isError && isInvalidLink(preview.error)) ||
    (accept.isError && problemCode(accept.error) === 'invitation_invalid');

  let body;
  if (invalid) {
    body = (
      <Result
        status="warning"
        title={<span data-testid="invitation-invalid">{t('accept.invalidTitle')}</span>}
        subTitle={t('accept.invalid')}
        extra={
          <Button type="primary" onClick={() => void navigate('/login')}>
            {t('accept.toLogin')}
          </Button>
        }
      />
    );
  } else if (accept.isSuccess) {
    body = (
      <Result
        status="success"
        title={<span data-testid="invitation-accepted">{t('accept.done')}</span>}
        extra={
          <Button type="primary" onClick={() => void navigate('/login', { replace: true })}>
            {t('accept.toLogin')}
          </Button>
        }
      />
    );
  } else if (preview.isPending) {
    body = <Skeleton active aria-busy="true" aria-label={t('accept.loading')} />;
  } else if (preview.isError) {
    body = <FormError error={preview.error} />;
  } else {
    const info = preview.data;
    body = (
      <>
        <Alert
          type="info"
          showIcon
          data-testid="invitation-preview"
          title={t('accept.forWhom', { name: info.display_name, username: info.username, org: info.organisation_name })}
          description={t('accept.expires', { time: new Date(info.expires_at).toLocaleString(i18n.language) })}
          style={{ marginBottom: 16 }}
        />
        <FormError error={api.error} fields={FIELDS} retryIn={api.retryIn} />
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => {
            api.reset();
            accept.mutate({ token: token ?? '', password: values.password }, { onError: api.fail });
          }}
        >
          <input type="text" name="username" autoComplete="username" value={info.username} readOnly hidden />
          <Form.Item
            label={t('accept.password')}
            name="password"
            validateFirst
            rules={[
              { required: true, message: t('accept.passwordRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  if (length(value) < MIN) throw new Error(t('accept.tooShort', { min: MIN }));
                  if (length(value) > MAX) throw new Error(t('accept.tooLong', { max: MAX }));
                },
              },
            ]}
            extra={
              <span id="password-length-hint" aria-live="polite">
                {t('accept.lengthHint', { min: MIN, max: MAX, count: length(password) })}
              </span>
            }
          >
            <Input.Password autoComplete="new-password" aria-describedby="password-length-hint" />
          </Form.Item>
          <Form.Item
            label={t('accept.confirm')}
            name="confirm"
            dependencies={['password']}
            rules={[
              { required: true, message: t('accept.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && value !== getFieldValue('password')) throw new Error(t('accept.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={accept.isPending} disabled={api.retryIn > 0}>
            {t('accept.submit')}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <Layout className="wq-layout">
      <Layout.Header className="wq-header">
        <Brand />
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content id="main" className="wq-main wq-login">
        <Card style={{ width: '100%', maxWidth: 480 }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {t('accept.title')}
          </Typography.Title>
          {body}
        </Card>
      </Layout.Content>
    </Layout>
  );
}
