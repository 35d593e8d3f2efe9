import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when a route's code fails to load (for example after a deploy replaced the chunks). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main>
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('routeError.title')}</h1>}
        subTitle={t('routeError.description')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('routeError.reload')}
          </Button>
        }
      />
    </main>
  );
}
