// Setting up an authenticator app (required at first sign-in for administrators and the
// national and provincial bureaus): a new secret as a QR code and as text to type in, then
// the first code from the app to prove it works.
import { Alert, Button, Form, Skeleton, Typography, QRCode } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { QueryError } from '@/components/query-error';
import { problemCode } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useConfirmTotp, type TotpConfirmation } from '../api/confirm-totp';
import { useStartTotpEnrolment } from '../api/start-totp-enrolment';
import { OneTimeCodeInput, TOTP_CODE_PATTERN } from './one-time-code-input';

const FIELDS = ['code'] as const;

/** The base32 secret in groups of four, easier to read and type. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

type TotpEnrolmentProps = {
  onEnrolled: (result: TotpConfirmation) => void;
  /** The server says an authenticator is already confirmed (409): ask for its code instead. */
  onAlreadyEnrolled: () => void;
};

export function TotpEnrolment({ onEnrolled, onAlreadyEnrolled }: TotpEnrolmentProps) {
  const { t } = useTranslation();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const [form] = Form.useForm<{ code: string }>();
  const submission = useApiForm(form, FIELDS);
  const waiting = submission.retryIn > 0;
  const started = useRef(false);

  useEffect(() => {
    // Once per mount, even when StrictMode runs effects twice: each call makes a new secret.
    if (started.current) return;
    started.current = true;
    start.mutate(undefined, {
      onError: (error) => {
        if (problemCode(error) === 'conflict') onAlreadyEnrolled();
      },
    });
  }, [start, onAlreadyEnrolled]);

  if (start.isError) {
    return <QueryError title={t('enrol.startFailed')} error={start.error} onRetry={() => start.mutate()} />;
  }
  if (!start.data) return <Skeleton active aria-busy="true" />;
  const { otpauth_uri: uri, secret_base32: secret } = start.data;

  return (
    <div>
      <Alert type="info" showIcon title={t('enrol.why')} style={{ marginBottom: 16 }} />
      <ol className="wq-enrol-steps">
        <li>{t('enrol.step1')}</li>
        <li>
          {t('enrol.step2')}
          <figure className="wq-enrol-qr">
            <QRCode value={uri} size={176} bordered={false} type="svg" aria-label={t('enrol.qrLabel')} />
            <figcaption>{t('enrol.qrCaption')}</figcaption>
          </figure>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('enrol.manual')}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: secret }} style={{ marginBottom: 0 }}>
            <code className="wq-secret" data-testid="totp-secret" aria-label={t('enrol.secretLabel')}>
              {groupSecret(secret)}
            </code>
          </Typography.Paragraph>
        </li>
        <li>
          {t('enrol.step3')}
          <Form
            form={form}
            name="enrol"
            layout="vertical"
            requiredMark={false}
            style={{ marginTop: 12 }}
            onFinish={({ code }) => {
              submission.reset();
              confirm.mutate(code, {
                onSuccess: onEnrolled,
                onError: (error) => {
                  submission.fail(error);
                  if (problemCode(error) === 'invalid_credentials') form.resetFields();
                },
              });
            }}
          >
            <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
            <Form.Item
              label={t('secondFactor.code')}
              name="code"
              rules={[
                { required: true, message: t('secondFactor.codeRequired') },
                { pattern: TOTP_CODE_PATTERN, message: t('secondFactor.codeInvalid') },
              ]}
            >
              <OneTimeCodeInput />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={confirm.isPending} disabled={waiting}>
              {waiting ? t('form.waitSeconds', { seconds: submission.retryIn }) : t('enrol.confirm')}
            </Button>
          </Form>
        </li>
      </ol>
    </div>
  );
}
