import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SessionsTable } from '../components/sessions-table';
import { SignOutEverywhereButton } from '../components/sign-out-everywhere-button';

export function SessionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('sessions.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('sessions.intro')}
        </Typography.Paragraph>
      </div>
      <SessionsTable />
      <div>
        <SignOutEverywhereButton
          onDone={() => void navigate('/login', { replace: true, state: { notice: 'signedOutEverywhere' } })}
        />
      </div>
    </Flex>
  );
}
