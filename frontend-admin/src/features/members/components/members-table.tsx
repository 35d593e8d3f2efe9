// The members of one unit: name, login, roles, status, second factor, and the actions. A row
// offers the actions only when the API says the caller may manage that member (`manageable`,
// decided by the domain: never one's own account); a refusal that still comes back (the
// permissions changed meanwhile) is shown in the dialog.
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useMembers, type Member } from '../api/get-members';
import { RolesModal } from './roles-modal';
import { StatusModal } from './status-modal';

const STATUS_COLOURS: Record<string, string> = { active: '#237804', invited: '#0958d9', disabled: '#595959' };
const KNOWN_STATUS = ['active', 'invited', 'disabled'] as const;
const KNOWN_ROLES = ['handler', 'reviewer', 'org_admin', 'analyst'] as const;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function MembersTable({ orgId, selfId }: { orgId: number; selfId: number }) {
  const { t } = useTranslation();
  const members = useMembers(orgId);
  const [editing, setEditing] = useState<Member | null>(null);
  const [toggling, setToggling] = useState<Member | null>(null);

  if (members.isError) {
    return <QueryError title={t('members.loadFailed')} error={members.error} onRetry={() => void members.refetch()} />;
  }
  return (
    <>
      <Table<Member>
        rowKey="id"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('members.empty') }}
        onRow={(member) => ({ 'data-testid': 'member', 'data-login': member.username ?? '' }) as object}
        columns={[
          {
            key: 'name',
            title: t('members.name'),
            render: (_, member) => (
              <>
                {member.display_name} {member.id === selfId ? <Tag>{t('members.self')}</Tag> : null}
              </>
            ),
          },
          { key: 'login', title: t('members.login'), render: (_, member) => member.username ?? '—' },
          {
            key: 'roles',
            title: t('members.roles'),
            render: (_, member) => (
              <Space size={[0, 4]} wrap>
                {member.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {isOneOf(KNOWN_ROLES, role) ? t(`members.role.${role}`) : role}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('members.status'),
            render: (_, member) => (
              <Tag color={STATUS_COLOURS[member.status]} data-testid="member-status">
                {isOneOf(KNOWN_STATUS, member.status) ? t(`members.statusName.${member.status}`) : member.status}
              </Tag>
            ),
          },
          {
            key: 'totp',
            title: t('members.secondFactor'),
            render: (_, member) => (member.totp_enabled ? t('members.totpOn') : t('members.totpOff')),
          },
          {
            key: 'actions',
            title: t('members.actions'),
            render: (_, member) =>
              !member.manageable ? (
                <span data-testid="member-no-actions">{t('members.noActions')}</span>
              ) : (
              <Space>
                <Button
                  size="small"
                  aria-label={t('members.editRolesNamed', { name: member.display_name })}
                  onClick={() => setEditing(member)}
                >
                  {t('members.editRoles')}
                </Button>
                <Button
                  size="small"
                  danger={member.status !== 'disabled'}
                  aria-label={t(member.status === 'disabled' ? 'members.enableNamed' : 'members.disableNamed', {
                    name: member.display_name,
                  })}
                  onClick={() => setToggling(member)}
                >
                  {t(member.status === 'disabled' ? 'members.enable' : 'members.disable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <RolesModal member={editing} onClose={() => setEditing(null)} />
      <StatusModal member={toggling} onClose={() => setToggling(null)} />
    </>
  );
}
