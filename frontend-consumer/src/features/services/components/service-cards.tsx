// The four 12315-style services. None can be submitted yet, so each card says so instead of
// offering a button that leads nowhere.
import {
  AlertOutlined,
  BulbOutlined,
  FileTextOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ServiceKey = 'complaint' | 'report' | 'suggestion' | 'consultation';

const SERVICES: { key: ServiceKey; icon: ReactNode }[] = [
  { key: 'complaint', icon: <FileTextOutlined /> },
  { key: 'report', icon: <AlertOutlined /> },
  { key: 'suggestion', icon: <BulbOutlined /> },
  { key: 'consultation', icon: <QuestionCircleOutlined /> },
];

export function ServiceCards() {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} role="list">
      {SERVICES.map(({ key, icon }) => (
        <Col key={key} xs={24} sm={12} lg={6} role="listitem">
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Title level={3} style={{ fontSize: 18, marginTop: 0 }}>
              <span aria-hidden="true" style={{ marginInlineEnd: 8, color: '#0958d9' }}>
                {icon}
              </span>
              {t(`home.services.${key}.title`)}
              <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>{t('home.comingSoon')}</Tag>
            </Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t(`home.services.${key}.description`)}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('home.comingSoonNote')}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
