import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, useLanguage } from '@/lib/i18n';

/** Offers the other language, labelled in that language so either reader can find it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { setLanguage } = useLanguage();
  const target = t('language.switchToLang');
  return (
    <Button
      icon={<GlobalOutlined aria-hidden="true" />}
      lang={target}
      title={t('language.label')}
      onClick={() => {
        if (isLanguage(target)) setLanguage(target);
      }}
    >
      {t('language.switchTo')}
    </Button>
  );
}
