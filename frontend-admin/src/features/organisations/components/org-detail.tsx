// The selected unit: what it is, where it sits, and (for the user's own unit) which
// management tasks `me.capabilities` grants there; those whose screens exist are links, also
// for the units below (人员管理 and 审计日志 of the selected unit, which the server allows or
// refuses there).
import { Alert, Button, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import type { Capability } from '@/lib/access';
import type { Me } from '@/lib/auth';
import { useOrganisation, type Organisation } from '../api/get-organisation';
import { CreateStationModal } from './create-station-modal';

const MANAGEMENT: readonly Capability[] = [
  'manage_members',
  'create_station',
  'create_association',
  'review_applications',
  'manage_api_clients',
  'search_audit',
];

/** Management screens that exist, and where each opens for a unit. */
const SCREENS: Partial<Record<Capability, (id: number, own: boolean) => string>> = {
  manage_members: (id, own) => (own ? '/members' : `/members?org=${id}`),
  search_audit: (id, own) => (own ? '/audit' : `/audit?org=${id}`),
};

/** Screens that work on the user's own unit only. */
const OWN_SCREENS: Partial<Record<Capability, string>> = {
  review_applications: '/applications',
  manage_api_clients: '/api-clients',
};

const KINDS = ['bureau', 'station', 'association', 'department', 'international', 'enterprise'] as const;
const LEVELS = ['national', 'province', 'city', 'county'] as const;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

type OrgDetailProps = {
  id: number;
  me: Me;
  /** The station or association created last on this page, greeted with a link to invite its staff. */
  created?: Organisation | null;
  onStationCreated?: (station: Organisation) => void;
};

export function OrgDetail({ id, me, created, onStationCreated }: OrgDetailProps) {
  const { t } = useTranslation();
  const org = useOrganisation(id);
  const [creating, setCreating] = useState<'station' | 'association' | null>(null);
  if (org.isPending) return <Skeleton active aria-busy="true" />;
  if (org.isError) {
    return <QueryError title={t('organisations.loadFailed')} error={org.error} onRetry={() => void org.refetch()} />;
  }
  const unit = org.data;
  const kind = isOneOf(KINDS, unit.kind) ? t(`organisations.kind.${unit.kind}`) : unit.kind;
  const level = unit.bureau_level
    ? isOneOf(LEVELS, unit.bureau_level)
      ? t(`organisations.level.${unit.bureau_level}`)
      : unit.bureau_level
    : null;
  const path = [...unit.ancestors.map((a) => a.name), unit.name].join(' / ');
  const own = me.org?.id === unit.id;
  const management = own ? MANAGEMENT.filter((c) => me.capabilities.includes(c)) : [];
  // The server decides; the button shows only where a station can go (a county bureau).
  const canCreateStation =
    me.capabilities.includes('create_station') && unit.kind === 'bureau' && unit.bureau_level === 'county';
  // Associations go under a city or county bureau (the server decides whose).
  const canCreateAssociation =
    me.capabilities.includes('create_association') &&
    unit.kind === 'bureau' &&
    (unit.bureau_level === 'city' || unit.bureau_level === 'county');
  const screens = own ? [] : MANAGEMENT.filter((c) => SCREENS[c] && me.capabilities.includes(c));

  return (
    <section aria-labelledby="org-detail-title" data-testid="org-detail">
      <Typography.Title id="org-detail-title" level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {unit.name} {own ? <Tag color="blue">{t('organisations.ownUnit')}</Tag> : null}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'kind', label: t('organisations.fields.kind'), children: level ? `${kind} · ${level}` : kind },
          { key: 'division', label: t('organisations.fields.division'), children: unit.division_code ?? '—' },
          ...(unit.credit_code
            ? [{ key: 'credit', label: t('organisations.fields.creditCode'), children: unit.credit_code }]
            : []),
          {
            key: 'status',
            label: t('organisations.fields.status'),
            children:
              unit.status === 'active' ? t('organisations.status.active') : t('organisations.status.disabled'),
          },
          { key: 'path', label: t('organisations.fields.path'), children: path },
          {
            key: 'children',
            label: t('organisations.fields.children'),
            children: unit.has_children ? t('organisations.hasChildren') : t('organisations.noChildren'),
          },
        ]}
      />
      {unit.has_children ? null : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            unit.kind === 'bureau' && unit.bureau_level === 'county'
              ? t('organisations.noStations')
              : t('organisations.noChildren')
          }
        />
      )}
      {created?.id === unit.id ? (
        <Alert
          type="success"
          showIcon
          data-testid="station-created"
          style={{ marginTop: 16 }}
          title={t(unit.kind === 'association' ? 'associations.created' : 'stations.created', { name: unit.name })}
          action={
            <Link to={`/members?org=${unit.id}&tab=invitations`}>
              {t(unit.kind === 'association' ? 'associations.invite' : 'stations.invite')}
            </Link>
          }
        />
      ) : null}
      {canCreateStation || canCreateAssociation ? (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          {canCreateStation ? (
            <Button onClick={() => setCreating('station')} data-testid="create-station">
              {t('stations.create')}
            </Button>
          ) : null}
          {canCreateAssociation ? (
            <Button onClick={() => setCreating('association')} data-testid="create-association">
              {t('associations.create')}
            </Button>
          ) : null}
          <CreateStationModal
            county={{ id: unit.id, name: unit.name }}
            kind={creating ?? 'station'}
            open={creating !== null}
            onClose={() => setCreating(null)}
            onCreated={(station) => {
              setCreating(null);
              onStationCreated?.(station);
            }}
          />
        </Flex>
      ) : null}
      {management.length > 0 ? (
        <div data-testid="org-management" style={{ marginTop: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('organisations.management')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('organisations.managementSoon')}</Typography.Paragraph>
          <ul className="wq-capabilities">
            {management.map((capability) => {
              const to = SCREENS[capability]?.(unit.id, true) ?? OWN_SCREENS[capability];
              const name = t(`organisations.capability.${capability}`);
              return <li key={capability}>{to ? <Link to={to}>{name}</Link> : name}</li>;
            })}
          </ul>
        </div>
      ) : null}
      {screens.length > 0 ? (
        <Flex gap={16} wrap data-testid="org-links" style={{ marginTop: 16 }}>
          {screens.map((capability) => (
            <Link key={capability} to={SCREENS[capability]!(unit.id, false)}>
              {t(`organisations.unitScreen.${capability as 'manage_members' | 'search_audit'}`)}
            </Link>
          ))}
        </Flex>
      ) : null}
    </section>
  );
}
