// Step 2 of staff sign-in when the account already has an authenticator app: the current
// six-digit code, or (link) one of the recovery codes instead.
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { problemCode } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useVerifySecondFactor } from '../api/verify-second-factor';
import { OneTimeCodeInput, TOTP_CODE_PATTERN } from './one-time-code-input';

type Values = { code?: string; recovery_code?: string };
const FIELDS = ['code', 'recovery_code'] as const;

type SecondFactorFormProps = {
  onVerified: () => void;
  onStartOver: () => void;
  /** The server says the account has no authenticator yet (409): enrol one instead. */
  onNeedsEnrolment: () => void;
};

export function SecondFactorForm({ onVerified, onStartOver, onNeedsEnrolment }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [useRecovery, setUseRecovery] = useState(false);
  const verify = useVerifySecondFactor();
  const submission = useApiForm(form, FIELDS);
  const waiting = submission.retryIn > 0;

  const switchMode = () => {
    submission.reset();
    form.resetFields();
    setUseRecovery((current) => !current);
  };

  return (
    <Form
      form={form}
      name="second-factor"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        submission.reset();
        const body = useRecovery
          ? { recovery_code: (values.recovery_code ?? '').trim() }
          : { code: values.code ?? '' };
        verify.mutate(body, {
          onSuccess: onVerified,
          onError: (error) => {
            if (problemCode(error) === 'conflict') return onNeedsEnrolment();
            submission.fail(error);
            if (problemCode(error) === 'invalid_credentials') form.resetFields();
          },
        });
      }}
    >
      <Typography.Paragraph>{useRecovery ? t('secondFactor.recoveryIntro') : t('secondFactor.codeIntro')}</Typography.Paragraph>
      <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
      {useRecovery ? (
        <Form.Item
          label={t('secondFactor.recoveryCode')}
          name="recovery_code"
          rules={[{ required: true, whitespace: true, message: t('secondFactor.recoveryRequired') }]}
        >
          <Input autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      ) : (
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
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} disabled={waiting}>
          {waiting ? t('form.waitSeconds', { seconds: submission.retryIn }) : t('secondFactor.submit')}
        </Button>
      </Form.Item>
      <Flex justify="space-between" wrap gap={8}>
        <Button type="link" style={{ padding: 0 }} onClick={switchMode}>
          {useRecovery ? t('secondFactor.useCode') : t('secondFactor.useRecovery')}
        </Button>
        <Button type="link" style={{ padding: 0 }} onClick={onStartOver}>
          {t('secondFactor.startOver')}
        </Button>
      </Flex>
    </Form>
  );
}
