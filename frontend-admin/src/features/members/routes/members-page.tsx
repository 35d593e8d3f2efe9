// 人员管理: the members of the user's own unit, or of any unit of their subtree picked from
// the tree (kept in the address as ?org=, so a reload or a shared link shows the same unit).
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UnitPicker, unitQuery } from '@/components/unit-picker';
import { useMe } from '@/lib/auth';
import { InvitationsPanel } from '../components/invitations-panel';
import { MembersTable } from '../components/members-table';

export function MembersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const rootId = me?.org?.id;
  const asked = Number(params.get('org'));
  const orgId = Number.isSafeInteger(asked) && asked > 0 ? asked : (rootId ?? 0);
  const unit = useQuery({ ...unitQuery(orgId), enabled: orgId > 0 });
  const tab = params.get('tab') === 'invitations' ? 'invitations' : 'members';
  // RequireAuth lets only users with `manage_members` (hence an organisation) this far.
  if (!me || rootId === undefined) return null;
  const go = (id: number, nextTab: string) => {
    const next: Record<string, string> = {};
    if (id !== rootId) next.org = String(id);
    if (nextTab !== 'members') next.tab = nextTab;
    setParams(next);
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('members.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('members.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <label htmlFor="members-unit">{t('members.unit')}</label>
            <UnitPicker
              id="members-unit"
              rootId={rootId}
              value={orgId}
              onChange={(id) => go(id, tab)}
            />
          </Flex>
          <Radio.Group
            aria-label={t('invitations.view')}
            optionType="button"
            buttonStyle="solid"
            value={tab}
            onChange={(e) => go(orgId, String(e.target.value))}
            options={[
              { value: 'members', label: t('tabs.members') },
              { value: 'invitations', label: t('tabs.invitations') },
            ]}
          />
          {tab === 'members' ? (
            <MembersTable orgId={orgId} selfId={me.user_id} />
          ) : (
            <InvitationsPanel orgId={orgId} unitName={unit.data?.name ?? me.org?.name ?? ''} />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
