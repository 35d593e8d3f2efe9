import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useProblemMessage } from '@/lib/problem';
import { DEPENDENCIES, useReadiness } from '../api/get-readiness';
import { DependencyCard } from '../components/dependency-card';

export function StatusPage() {
  const { t, i18n } = useTranslation();
  const message = useProblemMessage();
  const readiness = useReadiness();
  const report = readiness.data;

  return (
    <Flex vertical gap={20}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('status.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('status.description')}</Typography.Paragraph>
      </div>

      <Flex align="center" gap={12} wrap>
        <Button
          icon={<ReloadOutlined aria-hidden="true" />}
          loading={readiness.isFetching}
          onClick={() => void readiness.refetch()}
        >
          {t('status.refresh')}
        </Button>
        {readiness.dataUpdatedAt > 0 ? (
          <Typography.Text type="secondary" aria-live="polite">
            {t('status.lastChecked', {
              time: new Date(readiness.dataUpdatedAt).toLocaleTimeString(i18n.language),
            })}
          </Typography.Text>
        ) : null}
      </Flex>

      {readiness.isPending ? (
        <Skeleton active aria-busy="true" />
      ) : readiness.isError ? (
        <QueryError
          title={t('status.loadFailed')}
          error={readiness.error}
          onRetry={() => void readiness.refetch()}
        />
      ) : report ? (
        <>
          <Alert
            data-testid="readiness-summary"
            type={report.ready ? 'success' : 'error'}
            showIcon
            title={report.ready ? t('status.allUp') : t('status.someDown')}
            description={report.problem ? message(report.problem) : undefined}
          />
          <Row gutter={[16, 16]}>
            {DEPENDENCIES.map((name) => (
              <Col key={name} xs={24} md={12}>
                <DependencyCard name={name} dependency={report.dependencies[name]} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}
    </Flex>
  );
}
