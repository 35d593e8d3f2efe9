// The four 12315-style services, each linking to the submission wizard with its kind chosen
// (the wizard asks visitors to sign in first).
import {
  AlertOutlined,
  BulbOutlined,
  FileTextOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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
            </Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t(`home.services.${key}.description`)}
            </Typography.Paragraph>
            <Link to={`/appeals/new?kind=${key}`} data-testid={`service-${key}`}>
              {t(`home.start.${key}`)}
            </Link>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
