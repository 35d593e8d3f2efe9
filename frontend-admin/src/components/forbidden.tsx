import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Shown in place of a page the signed-in user has no capability for. */
export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.description')}
      extra={
        <Button type="primary" onClick={() => void navigate('/status')}>
          {t('forbidden.back')}
        </Button>
      }
    />
  );
}
