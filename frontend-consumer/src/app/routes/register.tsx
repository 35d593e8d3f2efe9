import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PageSpinner } from '@/components/page-spinner';
import { RegisterForm } from '@/features/auth/components/register-form';
import { safeNext, useMe } from '@/lib/auth';
import { AuthCard } from './auth-card';

export function RegisterRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const next = safeNext(params.get('next'));

  if (me.isPending) return <PageSpinner />;
  // Registration signs the new consumer in; from then on this page sends them on.
  if (me.data) return <Navigate to={next} replace />;

  const carry = params.get('next') ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AuthCard title={t('register.title')} intro={t('register.intro')}>
      <RegisterForm />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('register.haveAccount')} <Link to={`/login${carry}`}>{t('register.signIn')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
