import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { PageSpinner } from '@/components/page-spinner';
import { LoginForm } from '@/features/auth/components/login-form';
import { safeNext, useMe } from '@/lib/auth';
import { AuthCard } from './auth-card';

/** Why the person was sent here, carried in the navigation state by the page that sent them. */
export type LoginNotice = 'passwordReset' | 'passwordChanged' | 'signedOutEverywhere';
const NOTICES: readonly LoginNotice[] = ['passwordReset', 'passwordChanged', 'signedOutEverywhere'];

function noticeOf(state: unknown): LoginNotice | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return NOTICES.find((n) => n === notice) ?? null;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const me = useMe();
  const next = safeNext(params.get('next'));
  const notice = noticeOf(location.state);

  if (me.isPending) return <PageSpinner />;
  // Signed in (already, or just now by this form): on to where they were going.
  if (me.data) return <Navigate to={next} replace />;

  const carry = params.get('next') ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      {notice ? (
        <Alert
          type="success"
          showIcon
          data-testid="login-notice"
          title={t(`login.notice.${notice}`)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <LoginForm />
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
        <Link to={`/register${carry}`}>{t('login.register')}</Link>
      </Flex>
    </AuthCard>
  );
}
