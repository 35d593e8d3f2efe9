import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/status" className="wq-brand">
      <span className="wq-brand-mark" aria-hidden="true">
        维
      </span>
      <span className="wq-brand-name">{t('app.name')}</span>
      <span className="wq-brand-console">{t('app.console')}</span>
    </Link>
  );
}
