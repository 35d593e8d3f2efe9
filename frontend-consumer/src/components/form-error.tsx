import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { allFieldsShown, problemCode, useErrorMessage } from '@/lib/problem';

type FormErrorProps = {
  error: unknown;
  /** Fields whose messages the form already shows under the fields themselves. */
  fields?: readonly string[];
  /** Seconds left before a rate-limited form may be sent again. */
  retryIn?: number;
};

/** A failed submission's message (what the fields do not already say), with a countdown. */
export function FormError({ error, fields = [], retryIn = 0 }: FormErrorProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error || allFieldsShown(error, fields)) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-error"
      data-code={problemCode(error) ?? undefined}
      title={message(error, fields)}
      description={retryIn > 0 ? t('form.retryIn', { seconds: retryIn }) : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
