import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NotificationPreferencesForm } from '@/features/notifications/components/notification-preferences';
import { ChangePasswordForm } from '@/features/profile/components/change-password-form';
import { ProfileForm } from '@/features/profile/components/profile-form';
import { useMe } from '@/lib/auth';
import type { LoginNotice } from './login';

export function ProfileRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  // RequireAuth renders this page only for a signed-in user.
  if (!me) return null;
  const notice: LoginNotice = 'passwordChanged';

  return (
    <Flex vertical gap={16} className="wq-narrow">
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('profile.title')}
      </Typography.Title>
      <Card title={<h2 className="wq-card-title">{t('profile.account')}</h2>}>
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'phone', label: t('auth.phone'), children: me.phone_masked ?? '—' },
          ]}
        />
        <ProfileForm me={me} />
      </Card>
      <Card title={<h2 className="wq-card-title">{t('notifications.prefsTitle')}</h2>}>
        <NotificationPreferencesForm />
      </Card>
      <Card title={<h2 className="wq-card-title">{t('profile.passwordTitle')}</h2>}>
        <Typography.Paragraph type="secondary">{t('profile.passwordIntro')}</Typography.Paragraph>
        <ChangePasswordForm onDone={() => void navigate('/login', { replace: true, state: { notice } })} />
      </Card>
      <Link to="/me/sessions">{t('profile.sessionsLink')}</Link>
    </Flex>
  );
}
