import { Card, Col, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/auth';
import type { Organisation } from '../api/get-organisation';
import { OrgDetail } from '../components/org-detail';
import { OrgTree } from '../components/org-tree';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const rootId = me?.org?.id;
  const [selected, setSelected] = useState<number | undefined>(rootId);
  const [created, setCreated] = useState<Organisation | null>(null);
  // RequireAuth lets only users with `view_org_tree` (hence an organisation) this far.
  if (!me || rootId === undefined) return null;
  const selectedId = selected ?? rootId;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('organisations.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('organisations.description')}
        </Typography.Paragraph>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={<h2 className="wq-card-title">{t('organisations.treeTitle')}</h2>}>
            <OrgTree rootId={rootId} selectedId={selectedId} onSelect={setSelected} created={created} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card>
            <OrgDetail
              id={selectedId}
              me={me}
              created={created}
              onStationCreated={(station) => {
                setCreated(station);
                setSelected(station.id);
              }}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
