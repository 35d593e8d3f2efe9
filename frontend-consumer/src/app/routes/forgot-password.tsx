import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';
import type { LoginNotice } from './login';
import { AuthCard } from './auth-card';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice: LoginNotice = 'passwordReset';
  return (
    <AuthCard title={t('forgot.title')} intro={t('forgot.intro')}>
      <ForgotPasswordForm onDone={() => void navigate('/login', { replace: true, state: { notice } })} />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
