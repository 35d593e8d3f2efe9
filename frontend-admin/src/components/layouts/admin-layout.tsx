import { DashboardOutlined, LoginOutlined } from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { PageSpinner } from '@/components/page-spinner';
import { Brand } from './brand';
import './admin-layout.css';

export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = location.pathname.split('/')[1] ?? '';

  return (
    <Layout className="wq-layout">
      <a className="wq-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="wq-header">
        <Brand />
        <div className="wq-header-actions">
          <LanguageSwitch />
          <Button type="primary" icon={<LoginOutlined aria-hidden="true" />} onClick={() => void navigate('/login')}>
            {t('nav.signIn')}
          </Button>
        </div>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider className="wq-sider" width={208} breakpoint="md" collapsedWidth={64} theme="light">
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              style={{ borderInlineEnd: 'none' }}
              selectedKeys={[selected]}
              items={[
                {
                  key: 'status',
                  icon: <DashboardOutlined aria-hidden="true" />,
                  label: <Link to="/status">{t('nav.status')}</Link>,
                },
              ]}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" className="wq-main" tabIndex={-1}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
