// /apply/status — follow an application with its tracking code (public).
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TrackForm } from '@/features/applications/components/track-form';

export function ApplyStatusRoute() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <Typography.Title level={1} style={{ fontSize: 26, marginBottom: 0 }}>
        {t('track.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('track.intro')}</Typography.Paragraph>
      <TrackForm />
    </Space>
  );
}
