// What a form does with a failed submission: a validation failure's messages go under the
// fields they name (for the fields this form has), a 429 starts a countdown from its
// Retry-After during which the form should not be resubmitted, and the error is kept for
// <FormError> to show whatever is not shown under a field.
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, retryAfterOf } from './problem';
import { useCountdown } from './use-countdown';

export function useApiForm(form: FormInstance, fields: readonly string[]) {
  const { i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const { remaining, start } = useCountdown();

  const fail = useCallback(
    (failure: unknown) => {
      setError(failure);
      const perField = fieldErrors(failure, i18n.language, fields);
      if (perField.length > 0) form.setFields(perField);
      const wait = retryAfterOf(failure);
      if (wait !== null) start(wait);
    },
    [form, fields, i18n.language, start],
  );
  const reset = useCallback(() => setError(null), []);

  return { error, fail, reset, fields, retryIn: remaining };
}
