// The account's sessions as a list of cards (phone-first): device, IP, last seen and sign-in
// time; this device is marked and cannot be revoked here (sign out does that); any other can
// be signed out one by one.
import { Button, Card, Descriptions, Empty, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { deviceName, formatUnixTime } from '@/lib/user-agent';
import { useSessions, type SessionInfo } from '../api/get-sessions';
import { useRevokeSession } from '../api/revoke-session';

export function SessionList() {
  const { t } = useTranslation();
  const sessions = useSessions();
  if (sessions.isPending) return <Skeleton active aria-busy="true" />;
  if (sessions.isError) {
    return (
      <QueryError title={t('sessions.loadFailed')} error={sessions.error} onRetry={() => void sessions.refetch()} />
    );
  }
  if (sessions.data.length === 0) return <Empty description={t('sessions.empty')} />;
  return (
    <ul className="wq-session-list" aria-label={t('sessions.listLabel')}>
      {sessions.data.map((session) => (
        <li key={session.handle}>
          <SessionCard session={session} />
        </li>
      ))}
    </ul>
  );
}

function SessionCard({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeSession();
  const message = useErrorMessage();
  const name = deviceName(session.user_agent, t('sessions.unknownDevice'));
  return (
    <Card size="small" data-testid="session" data-current={session.current}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: '0 0 8px' }}>
        {name} {session.current ? <Tag color="#237804">{t('sessions.current')}</Tag> : null}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'ip', label: t('sessions.ip'), children: session.ip || '—' },
          { key: 'last', label: t('sessions.lastSeen'), children: formatUnixTime(session.last_seen, i18n.language) },
          { key: 'created', label: t('sessions.createdAt'), children: formatUnixTime(session.created_at, i18n.language) },
        ]}
      />
      {session.current ? null : (
        <Button
          danger
          size="small"
          style={{ marginTop: 8 }}
          loading={revoke.isPending}
          aria-label={t('sessions.revokeNamed', { name })}
          onClick={() => revoke.mutate(session.handle)}
        >
          {t('sessions.revoke')}
        </Button>
      )}
      {revoke.isError ? (
        <Typography.Paragraph type="danger" role="alert" style={{ margin: '8px 0 0' }}>
          {message(revoke.error)}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
