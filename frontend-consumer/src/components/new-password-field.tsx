// A new-password field with a live length hint. Only the length is checked here; the server
// has the last word (too_short, too_long, common, same_as_identifier) and its messages
// appear under this field.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from '@/config/password';

type NewPasswordFieldProps = { name: string; label: string };

export function NewPasswordField({ name, label }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const value = Form.useWatch<string | undefined>(name, form);
  const length = passwordLength(value);
  const hintId = `${name}-length-hint`;

  return (
    <Form.Item
      label={label}
      name={name}
      validateFirst
      rules={[
        { required: true, message: t('password.required') },
        {
          validator: async (_, current: string | undefined) => {
            const n = passwordLength(current);
            if (n < PASSWORD_MIN_LENGTH) throw new Error(t('password.tooShort', { min: PASSWORD_MIN_LENGTH }));
            if (n > PASSWORD_MAX_LENGTH) throw new Error(t('password.tooLong', { max: PASSWORD_MAX_LENGTH }));
          },
        },
      ]}
      extra={
        <span id={hintId} data-testid={hintId} aria-live="polite">
          {t('password.lengthHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH, count: length })}
        </span>
      }
    >
      <Input.Password autoComplete="new-password" aria-describedby={hintId} />
    </Form.Item>
  );
}
