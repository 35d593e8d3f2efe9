// The profile's channel switches: email and SMS besides the in-app notifications (always on).
import { Alert, Flex, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { usePreferences, useSavePreferences, type NotificationPreferences } from '../api/preferences';

export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const prefs = usePreferences();
  const save = useSavePreferences();
  if (prefs.isPending) return <Spin aria-label={t('notifications.loading')} />;
  if (prefs.isError) {
    return <QueryError title={t('notifications.prefsLoadFailed')} error={prefs.error} onRetry={() => void prefs.refetch()} />;
  }
  const current = prefs.data;
  const toggle = (key: keyof NotificationPreferences) => (checked: boolean) =>
    save.mutate({ ...current, [key]: checked });
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('notifications.prefsIntro')}
      </Typography.Paragraph>
      {(['sms', 'email'] as const).map((key) => (
        <Flex key={key} justify="space-between" align="center" gap={16}>
          <label htmlFor={`wq-pref-${key}`}>{t(`notifications.channel.${key}`)}</label>
          <Switch
            id={`wq-pref-${key}`}
            checked={current[key]}
            loading={save.isPending}
            onChange={toggle(key)}
          />
        </Flex>
      ))}
      {save.isError ? <Alert type="error" showIcon title={message(save.error)} /> : null}
    </Flex>
  );
}
