import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/problem';

type QueryErrorProps = { title: string; error: unknown; onRetry?: () => void };

/** An error state for a failed query: what failed, why (from the problem document), retry. */
export function QueryError({ title, error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={message(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
