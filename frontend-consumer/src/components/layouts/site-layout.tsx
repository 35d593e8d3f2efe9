import { Layout, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { PageSpinner } from '@/components/page-spinner';
import { AccountMenu } from './account-menu';
import './site-layout.css';

/** `signedInExtras` (the app's notification bell) shows in the header for signed-in users. */
export function SiteLayout({ signedInExtras }: { signedInExtras?: ReactNode } = {}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Layout className="wq-layout">
      <a className="wq-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="wq-header">
        <Link to="/" className="wq-brand" aria-label={`${t('app.name')} · ${t('app.tagline')}`}>
          <span className="wq-brand-mark" aria-hidden="true">
            维
          </span>
          <span className="wq-brand-text">
            <span className="wq-brand-name">{t('app.name')}</span>
            <span className="wq-brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <div className="wq-header-actions">
          <LanguageSwitch />
          <AccountMenu signedInExtras={signedInExtras} />
        </div>
      </Layout.Header>
      <Layout.Content id="main" className="wq-main" tabIndex={-1}>
        {navigation.state === 'loading' ? <PageSpinner /> : null}
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="wq-footer">
        <nav aria-label={t('apply.homeTitle')} className="wq-footer-links">
          <Link to="/apply">{t('apply.link')}</Link>
          <Link to="/apply/status">{t('apply.statusLink')}</Link>
        </nav>
        <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
