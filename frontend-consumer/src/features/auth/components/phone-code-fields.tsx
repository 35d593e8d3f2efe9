// The phone number and SMS code fields shared by registration and password reset, with the
// "get code" button: it asks the server to text a code, then counts down until a new one may
// be asked for (resend_after_seconds, or Retry-After when the server says too many).
import { Button, Form, Input, Space, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { fieldErrors, retryAfterOf } from '@/lib/problem';
import { useCountdown } from '@/lib/use-countdown';
import { useSendVerificationCode, type VerificationPurpose } from '../api/send-verification-code';
import { codeRules, phoneRules } from './phone-rules';

type PhoneCodeFieldsProps = { form: FormInstance; purpose: VerificationPurpose; hidden?: boolean };

export function PhoneCodeFields({ form, purpose, hidden = false }: PhoneCodeFieldsProps) {
  const { t, i18n } = useTranslation();
  const send = useSendVerificationCode();
  const resend = useCountdown();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const sendCode = async () => {
    const values = await form.validateFields(['phone']).catch(() => null);
    if (!values) return;
    const phone = String(values.phone).trim();
    setError(null);
    send.mutate(
      { phone, purpose },
      {
        onSuccess: (sent) => {
          setSentTo(phone);
          resend.start(sent.resend_after_seconds);
        },
        onError: (failure) => {
          setError(failure);
          form.setFields(fieldErrors(failure, i18n.language, ['phone']));
          const wait = retryAfterOf(failure);
          if (wait !== null) resend.start(wait);
        },
      },
    );
  };

  const buttonLabel =
    resend.remaining > 0
      ? t('auth.resendIn', { seconds: resend.remaining })
      : sentTo
        ? t('auth.resend')
        : t('auth.sendCode');

  return (
    <>
      <Form.Item label={t('auth.phone')} name="phone" rules={phoneRules(t)} hidden={hidden}>
        <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <Form.Item
        label={t('auth.code')}
        name="code"
        rules={codeRules(t)}
        hidden={hidden}
        extra={
          <span aria-live="polite" data-testid="code-sent">
            {sentTo ? t('auth.codeSent', { phone: sentTo }) : t('auth.codeHint')}
          </span>
        }
      >
        <CodeInput
          onSend={() => void sendCode()}
          sending={send.isPending}
          canSend={resend.remaining === 0}
          buttonLabel={buttonLabel}
        />
      </Form.Item>
      {hidden ? null : <FormError error={error} fields={['phone']} />}
    </>
  );
}

type CodeInputProps = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  onSend: () => void;
  sending: boolean;
  canSend: boolean;
  buttonLabel: string;
};

/** The code box and its send button as one control, so the label belongs to the box. */
function CodeInput({ id, value, onChange, onSend, sending, canSend, buttonLabel }: CodeInputProps) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value.replace(/\D/g, ''))}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
      />
      <Button onClick={onSend} loading={sending} disabled={!canSend} style={{ minWidth: 128 }}>
        {buttonLabel}
      </Button>
    </Space.Compact>
  );
}
