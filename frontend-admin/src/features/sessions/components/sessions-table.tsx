// The account's sessions as a table: device, IP, last seen, sign-in time; this device is
// marked (sign out does that one), any other can be signed out one by one.
import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { deviceName, formatUnixTime } from '@/lib/user-agent';
import { useSessions, type SessionInfo } from '../api/get-sessions';
import { useRevokeSession } from '../api/revoke-session';

export function SessionsTable() {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const message = useErrorMessage();
  if (sessions.isError) {
    return <QueryError title={t('sessions.loadFailed')} error={sessions.error} onRetry={() => void sessions.refetch()} />;
  }
  return (
    <>
      {revoke.isError ? (
        <Typography.Paragraph type="danger" role="alert">
          {message(revoke.error)}
        </Typography.Paragraph>
      ) : null}
      <Table<SessionInfo>
        rowKey="handle"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(session) => ({ 'data-testid': 'session', 'data-current': String(session.current) }) as object}
        columns={[
          {
            key: 'device',
            title: t('sessions.device'),
            render: (_, session) => (
              <span title={session.user_agent}>
                {deviceName(session.user_agent, t('sessions.unknownDevice'))}{' '}
                {session.current ? <Tag color="#237804">{t('sessions.current')}</Tag> : null}
              </span>
            ),
          },
          { key: 'ip', title: t('sessions.ip'), dataIndex: 'ip' },
          {
            key: 'last_seen',
            title: t('sessions.lastSeen'),
            render: (_, session) => formatUnixTime(session.last_seen, i18n.language),
          },
          {
            key: 'created_at',
            title: t('sessions.createdAt'),
            render: (_, session) => formatUnixTime(session.created_at, i18n.language),
          },
          {
            key: 'actions',
            title: t('sessions.actions'),
            render: (_, session) =>
              session.current ? null : (
                <Button
                  danger
                  size="small"
                  loading={revoke.isPending && revoke.variables === session.handle}
                  aria-label={t('sessions.revokeNamed', {
                    name: deviceName(session.user_agent, t('sessions.unknownDevice')),
                  })}
                  onClick={() => revoke.mutate(session.handle)}
                >
                  {t('sessions.revoke')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
