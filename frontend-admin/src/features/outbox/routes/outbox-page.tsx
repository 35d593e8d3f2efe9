// 消息投递: parked outgoing messages (recipient masked, last error) with 重新投递 for each.
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useLanguage } from '@/lib/i18n';
import { useErrorMessage } from '@/lib/problem';
import { useParked, useRequeue, type ParkedMessage } from '../api/parked';

export function OutboxPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const message = useErrorMessage();
  const parked = useParked();
  const requeue = useRequeue();
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('outbox.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('outbox.intro')}
      </Typography.Paragraph>
      {requeue.isError ? <Alert type="error" showIcon title={message(requeue.error)} /> : null}
      {requeue.isSuccess ? <Alert type="success" showIcon title={t('outbox.requeued')} /> : null}
      {parked.isError ? (
        <QueryError title={t('outbox.loadFailed')} error={parked.error} onRetry={() => void parked.refetch()} />
      ) : (
        <Table<ParkedMessage>
          rowKey="id"
          loading={parked.isPending}
          dataSource={parked.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('outbox.empty') }}
          scroll={{ x: true }}
          columns={[
            { title: t('outbox.id'), dataIndex: 'id', width: 80 },
            {
              title: t('outbox.channel'),
              dataIndex: 'channel',
              render: (c: string) => <Tag>{c === 'sms' ? t('outbox.sms') : t('outbox.email')}</Tag>,
            },
            { title: t('outbox.recipient'), dataIndex: 'recipient' },
            { title: t('outbox.template'), dataIndex: 'template' },
            { title: t('outbox.attempts'), dataIndex: 'attempts', width: 90 },
            {
              title: t('outbox.lastError'),
              dataIndex: 'last_error',
              render: (e: string | null) => e ?? '—',
            },
            {
              title: t('outbox.createdAt'),
              dataIndex: 'created_at',
              render: (d: string) => dateTime.format(new Date(d)),
            },
            {
              title: t('outbox.actions'),
              key: 'actions',
              render: (_, row) => (
                <Button
                  size="small"
                  loading={requeue.isPending && requeue.variables === row.id}
                  aria-label={t('outbox.requeueOne', { id: row.id })}
                  onClick={() => requeue.mutate(row.id)}
                >
                  {t('outbox.requeue')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
