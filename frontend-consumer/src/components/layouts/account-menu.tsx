// The header's account corner: 登录 / 注册 when signed out, the user's name with a menu
// (profile, devices, sign out) when signed in.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '@/lib/auth';

const SignedInMenu = lazy(() => import('./signed-in-menu').then((m) => ({ default: m.SignedInMenu })));

const AUTH_PAGES = ['/login', '/register', '/forgot-password'];

export function AccountMenu({ signedInExtras }: { signedInExtras?: ReactNode } = {}) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return null;
  if (!me.data) {
    // Come back here after signing in, unless "here" is itself a sign-in page.
    const here = location.pathname + location.search;
    const next =
      AUTH_PAGES.includes(location.pathname) || here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <nav className="wq-account" aria-label={t('account.label')}>
        <Link className="wq-account-link" to={`/login${next}`}>
          {t('account.signIn')}
        </Link>
        <Link className="wq-account-link wq-account-link-primary" to={`/register${next}`}>
          {t('account.register')}
        </Link>
      </nav>
    );
  }

  return (
    <Suspense fallback={null}>
      {signedInExtras}
      <SignedInMenu me={me.data} />
    </Suspense>
  );
}
