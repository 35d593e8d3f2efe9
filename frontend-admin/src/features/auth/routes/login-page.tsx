import { Card, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { Brand } from '@/components/layouts/brand';
import '@/components/layouts/admin-layout.css';
import { LoginForm } from '../components/login-form';

export function LoginPage() {
  const { t } = useTranslation();
  return (
    <Layout className="wq-layout">
      <Layout.Header className="wq-header">
        <Brand />
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content id="main" className="wq-main wq-login">
        <Card style={{ width: '100%', maxWidth: 400 }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          <LoginForm />
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
            <Link to="/status">{t('login.statusLink')}</Link>
          </Typography.Paragraph>
        </Card>
      </Layout.Content>
    </Layout>
  );
}
