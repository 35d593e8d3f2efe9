// 接口客户端: the organisation's API clients, registering one (its secret shown once),
// rotating a secret and revoking a client, each after a confirmation; and how to get a token.
import { App, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { useErrorMessage } from '@/lib/problem';
import {
  SCOPE_KEYS,
  useApiClients,
  useRevokeApiClient,
  useRotateApiClient,
  type ApiClient,
  type ApiClientWithSecret,
} from '../api/api-clients';
import { RegisterModal } from '../components/register-modal';
import { SecretModal } from '../components/secret-modal';

const isScope = (value: string): value is keyof typeof SCOPE_KEYS => value in SCOPE_KEYS;

export function ApiClientsPage() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { data: me } = useMe();
  const orgId = me?.org?.id ?? 0;
  const clients = useApiClients(orgId);
  const rotate = useRotateApiClient();
  const revoke = useRevokeApiClient();
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<ApiClientWithSecret | null>(null);
  // RequireAuth lets only users with `manage_api_clients` (hence an organisation) this far.
  if (!me || orgId === 0) return null;
  const time = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(i18n.language) : null);

  const confirmRotate = (client: ApiClient) =>
    void modal.confirm({
      title: t('apiClients.rotate'),
      content: t('apiClients.rotateConfirm', { name: client.name }),
      okText: t('apiClients.ok'),
      cancelText: t('apiClients.cancel'),
      onOk: () =>
        rotate
          .mutateAsync(client.id)
          .then(setIssued)
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });
  const confirmRevoke = (client: ApiClient) =>
    void modal.confirm({
      title: t('apiClients.revoke'),
      content: t('apiClients.revokeConfirm', { name: client.name }),
      okText: t('apiClients.ok'),
      okButtonProps: { danger: true },
      cancelText: t('apiClients.cancel'),
      onOk: () =>
        revoke
          .mutateAsync(client.id)
          .then(() => void message.success(t('apiClients.revoked')))
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });

  const origin = window.location.origin;
  const curl = `curl -u "$CLIENT_ID:$CLIENT_SECRET" \\
  -d grant_type=client_credentials -d scope="orders:read" \\
  ${origin}/api/v1/oauth/token`;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('apiClients.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('apiClients.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap={16}>
          <div>
            <Button type="primary" onClick={() => setRegistering(true)} data-testid="register-client">
              {t('apiClients.register')}
            </Button>
          </div>
          {clients.isError ? (
            <QueryError title={t('apiClients.loadFailed')} error={clients.error} onRetry={() => void clients.refetch()} />
          ) : (
            <Table<ApiClient>
              rowKey="id"
              loading={clients.isPending}
              dataSource={clients.data ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <span className="wq-empty">{t('apiClients.empty')}</span> }}
              onRow={(row) => ({ 'data-testid': 'api-client', 'data-name': row.name }) as object}
              columns={[
                { key: 'name', title: t('apiClients.name'), render: (_, row) => row.name },
                {
                  key: 'id',
                  title: t('apiClients.clientId'),
                  render: (_, row) => <Typography.Text code>{row.client_id}</Typography.Text>,
                },
                {
                  key: 'scopes',
                  title: t('apiClients.scopes'),
                  render: (_, row) => (
                    <Space size={[0, 4]} wrap>
                      {row.scopes.map((scope) => (
                        <Tag key={scope} color="blue" title={scope}>
                          {isScope(scope) ? t(`apiClients.scope.${SCOPE_KEYS[scope]}`) : scope}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  key: 'status',
                  title: t('apiClients.status'),
                  render: (_, row) => (
                    <Tag color={row.status === 'active' ? '#237804' : '#595959'} data-testid="api-client-status">
                      {row.status === 'active' || row.status === 'revoked' ? t(`apiClients.statusName.${row.status}`) : row.status}
                    </Tag>
                  ),
                },
                { key: 'created', title: t('apiClients.created'), render: (_, row) => time(row.created_at) },
                { key: 'used', title: t('apiClients.lastUsed'), render: (_, row) => time(row.last_used_at) ?? t('apiClients.never') },
                {
                  key: 'actions',
                  title: t('apiClients.actions'),
                  render: (_, row) =>
                    row.status === 'active' ? (
                      <Space>
                        <Button size="small" onClick={() => confirmRotate(row)}>
                          {t('apiClients.rotate')}
                        </Button>
                        <Button size="small" danger onClick={() => confirmRevoke(row)}>
                          {t('apiClients.revoke')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          )}
        </Flex>
      </Card>
      <Card title={<h2 className="wq-card-title">{t('apiClients.help')}</h2>}>
        <Typography.Paragraph>{t('apiClients.helpText')}</Typography.Paragraph>
        <pre className="wq-code" data-testid="token-help" tabIndex={0}>
          {curl}
        </pre>
      </Card>
      <RegisterModal
        orgId={orgId}
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(result) => {
          setRegistering(false);
          setIssued(result);
        }}
      />
      <SecretModal issued={issued} onClose={() => setIssued(null)} />
    </Flex>
  );
}
