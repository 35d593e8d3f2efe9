import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SessionList } from '@/features/sessions/components/session-list';
import { SignOutEverywhereButton } from '@/features/sessions/components/sign-out-everywhere-button';
import type { LoginNotice } from './login';

export function SessionsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice: LoginNotice = 'signedOutEverywhere';
  return (
    <Flex vertical gap={16} className="wq-narrow">
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('sessions.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('sessions.intro')}
        </Typography.Paragraph>
      </div>
      <SessionList />
      <div>
        <SignOutEverywhereButton onDone={() => void navigate('/login', { replace: true, state: { notice } })} />
      </div>
    </Flex>
  );
}
