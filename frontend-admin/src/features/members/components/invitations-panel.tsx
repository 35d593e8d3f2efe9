// The invitations of one unit, newest first: who, roles, status, expiry, inviter, and resend
// or revoke (each after a confirmation) for open and expired ones. The server decides.
import { Button, Flex, Space, Table, Tag, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { useInvitationAction, useInvitations, type Invitation } from '../api/invitations';
import { InviteModal } from './invite-modal';

const STATUS = ['open', 'expired', 'accepted', 'revoked'] as const;
// Solid tags in dark tones: antd's light presets (green, orange) fail WCAG contrast.
const COLOURS: Record<string, string> = { open: '#0958d9', expired: '#ad4e00', accepted: '#237804', revoked: '#595959' };
const ROLES = ['handler', 'reviewer', 'org_admin', 'analyst'] as const;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function InvitationsPanel({ orgId, unitName }: { orgId: number; unitName: string }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const errorMessage = useErrorMessage();
  const invitations = useInvitations(orgId);
  const action = useInvitationAction();
  const [inviting, setInviting] = useState(false);
  const time = (value: string) => new Date(value).toLocaleString(i18n.language);

  const confirm = (invitation: Invitation, kind: 'resend' | 'revoke') =>
    void modal.confirm({
      title: kind === 'resend' ? t('invitations.resend') : t('invitations.revoke'),
      content:
        kind === 'resend'
          ? t('invitations.resendConfirm', { email: invitation.email })
          : t('invitations.revokeConfirm', { name: invitation.display_name }),
      okText: t('invitations.ok'),
      cancelText: t('invitations.cancel'),
      okButtonProps: { danger: kind === 'revoke' },
      onOk: () =>
        action
          .mutateAsync({ id: invitation.id, action: kind })
          .then(() => void message.success(kind === 'resend' ? t('invitations.resent') : t('invitations.revoked')))
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });

  return (
    <Flex vertical gap={16}>
      <div>
        <Button type="primary" onClick={() => setInviting(true)} data-testid="invite-button">
          {t('invitations.invite')}
        </Button>
      </div>
      <InviteModal orgId={orgId} unitName={unitName} open={inviting} onClose={() => setInviting(false)} />
      {invitations.isError ? (
        <QueryError
          title={t('invitations.loadFailed')}
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
        />
      ) : (
        <Table<Invitation>
          rowKey="id"
          loading={invitations.isPending}
          dataSource={invitations.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <span className="wq-empty">{t('invitations.empty')}</span> }}
          onRow={(row) => ({ 'data-testid': 'invitation', 'data-login': row.username }) as object}
          columns={[
            { key: 'name', title: t('invitations.displayName'), render: (_, row) => row.display_name },
            { key: 'login', title: t('invitations.username'), render: (_, row) => row.username },
            { key: 'email', title: t('invitations.email'), render: (_, row) => row.email },
            {
              key: 'roles',
              title: t('invitations.roles'),
              render: (_, row) => (
                <Space size={[0, 4]} wrap>
                  {row.roles.map((role) => (
                    <Tag key={role} color="blue">
                      {isOneOf(ROLES, role) ? t(`members.role.${role}`) : role}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('invitations.status'),
              render: (_, row) => (
                <Tag color={COLOURS[row.status]} data-testid="invitation-status">
                  {isOneOf(STATUS, row.status) ? t(`invitations.statusName.${row.status}`) : row.status}
                </Tag>
              ),
            },
            { key: 'expires', title: t('invitations.expires'), render: (_, row) => time(row.expires_at) },
            {
              key: 'inviter',
              title: t('invitations.inviter'),
              render: (_, row) => (row.invited_by === null || row.invited_by === undefined ? t('invitations.platform') : `#${row.invited_by}`),
            },
            { key: 'sent', title: t('invitations.sentCount'), render: (_, row) => row.sent_count },
            {
              key: 'actions',
              title: t('invitations.actions'),
              render: (_, row) =>
                row.status === 'open' || row.status === 'expired' ? (
                  <Space>
                    <Button size="small" onClick={() => confirm(row, 'resend')}>
                      {t('invitations.resend')}
                    </Button>
                    <Button size="small" danger onClick={() => confirm(row, 'revoke')}>
                      {t('invitations.revoke')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
    </Flex>
  );
}
