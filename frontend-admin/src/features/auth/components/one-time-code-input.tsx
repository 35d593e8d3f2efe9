import { Input } from 'antd';

type OneTimeCodeInputProps = { id?: string; value?: string; onChange?: (value: string) => void };

/** Six digits from an authenticator app: numeric keypad, digits only, autofill-friendly. */
export function OneTimeCodeInput({ id, value, onChange }: OneTimeCodeInputProps) {
  return (
    <Input
      id={id}
      value={value}
      onChange={(event) => onChange?.(event.target.value.replace(/\D/g, '').slice(0, 6))}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      style={{ maxWidth: 200, letterSpacing: '0.2em', fontVariantNumeric: 'tabular-nums' }}
    />
  );
}

export const TOTP_CODE_PATTERN = /^[0-9]{6}$/;
