import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  AlertOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  DashboardOutlined,
  LaptopOutlined,
  LoginOutlined,
  LogoutOutlined,
  MailOutlined,
  TagsOutlined,
  ProfileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { PageSpinner } from '@/components/page-spinner';
import { inboxKind, isStaffSignedIn, navigationFor, type NavigationKey } from '@/lib/access';
import { useMe, useSignOut } from '@/lib/auth';
import { Brand } from './brand';
import './admin-layout.css';

const ICONS: Record<NavigationKey, ReactNode> = {
  status: <DashboardOutlined aria-hidden="true" />,
  orders: <ProfileOutlined aria-hidden="true" />,
  'odr-stats': <BarChartOutlined aria-hidden="true" />,
  supervision: <AlertOutlined aria-hidden="true" />,
  organisations: <ApartmentOutlined aria-hidden="true" />,
  members: <TeamOutlined aria-hidden="true" />,
  applications: <FileDoneOutlined aria-hidden="true" />,
  'api-clients': <ApiOutlined aria-hidden="true" />,
  audit: <AuditOutlined aria-hidden="true" />,
  taxonomy: <TagsOutlined aria-hidden="true" />,
  calendar: <CalendarOutlined aria-hidden="true" />,
  outbox: <MailOutlined aria-hidden="true" />,
  sessions: <LaptopOutlined aria-hidden="true" />,
};

/** `signedInExtras` (the app's notification bell) shows in the header once signed in. */
export function AdminLayout({ signedInExtras }: { signedInExtras?: ReactNode } = {}) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const selected = location.pathname.split('/')[1] ?? '';
  // The menu comes from `me.capabilities` only (see lib/access).
  const kind = inboxKind(me.data);
  const name = (key: NavigationKey) =>
    key === 'orders' && kind === 'enterprise'
      ? t('nav.enterpriseOrders')
      : key === 'orders' && kind === 'association'
        ? t('nav.associationOrders')
        : t(`nav.${key}`);
  const items = navigationFor(me.data).map((key) => ({
    key,
    icon: ICONS[key],
    label: <Link to={`/${key}`}>{name(key)}</Link>,
  }));

  return (
    <Layout className="wq-layout">
      <a className="wq-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="wq-header">
        <Brand />
        <div className="wq-header-actions">
          <LanguageSwitch />
          <Account signedInExtras={signedInExtras} />
        </div>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider className="wq-sider" width={208} breakpoint="md" collapsedWidth={64} theme="light">
          <nav aria-label={t('nav.label')}>
            <Menu mode="inline" style={{ borderInlineEnd: 'none' }} selectedKeys={[selected]} items={items} />
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

/** The header's account corner: who is signed in and 退出登录, or 登录. */
function Account({ signedInExtras }: { signedInExtras?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const signOut = useSignOut('/login');
  if (me.isPending) return null;
  if (!isStaffSignedIn(me.data)) {
    return (
      <Button type="primary" icon={<LoginOutlined aria-hidden="true" />} onClick={() => void navigate('/login')}>
        {t('nav.signIn')}
      </Button>
    );
  }
  return (
    <>
      <Suspense fallback={null}>{signedInExtras}</Suspense>
      <span className="wq-header-user" data-testid="signed-in-user">
        <span className="wq-header-user-name">{me.data.display_name}</span>
        {me.data.org ? <span className="wq-header-user-org">{me.data.org.name}</span> : null}
      </span>
      <Button
        icon={<LogoutOutlined aria-hidden="true" />}
        loading={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
      >
        {t('nav.signOut')}
      </Button>
    </>
  );
}
