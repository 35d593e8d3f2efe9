// The search results: one row per record, details (the JSON the record carries, the full
// User-Agent) expandable; 加载更多 fetches the next keyset page.
import { Button, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { deviceName } from '@/lib/user-agent';
import { ACTIONS, OUTCOMES } from '../api/filters';
import { useAuditSearch, type AuditEntry, type AuditFilters } from '../api/search-audit';

const ACTOR_KINDS = ['anonymous', 'consumer', 'member', 'client', 'system'] as const;
const OUTCOME_COLOURS: Record<string, string> = { success: '#237804', failure: '#ad4e00', denied: '#cf1322' };

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function formatTime(at: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at));
}

export function AuditTable({ orgId, filters }: { orgId: number; filters: AuditFilters }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const search = useAuditSearch(orgId, filters);

  if (search.isError && !search.data) {
    return <QueryError title={t('audit.loadFailed')} error={search.error} onRetry={() => void search.refetch()} />;
  }
  const rows = search.data?.pages.flatMap((page) => page.items) ?? [];
  const actionName = (action: string) => (isOneOf(ACTIONS, action) ? t(`audit.actionName.${action}`) : action);
  const who = (entry: AuditEntry) => {
    const kind = isOneOf(ACTOR_KINDS, entry.actor_kind) ? t(`audit.actorKind.${entry.actor_kind}`) : entry.actor_kind;
    if (entry.actor_name && entry.actor_login) {
      return t('audit.actorNamed', { name: entry.actor_name, login: entry.actor_login });
    }
    return entry.actor_user_id != null ? t('audit.actorWithId', { kind, id: entry.actor_user_id }) : kind;
  };

  return (
    <Flex vertical gap={12}>
      <Table<AuditEntry>
        rowKey="id"
        loading={search.isPending}
        dataSource={rows}
        pagination={false}
        size="middle"
        // No max-content scrolling: an expanded row's long User-Agent would widen the first
        // column and push the others out of sight. Long values wrap instead.
        tableLayout="auto"
        locale={{ emptyText: t('audit.empty') }}
        onRow={(entry) => ({ 'data-testid': 'audit-entry', 'data-action': entry.action }) as object}
        expandable={{
          columnTitle: <span className="wq-visually-hidden">{t('audit.details')}</span>,
          expandedRowRender: (entry) => (
            <Descriptions
              size="small"
              column={1}
              aria-label={t('audit.detailLabel')}
              items={[
                { key: 'action', label: t('audit.rawAction'), children: <code>{entry.action}</code> },
                ...(entry.actor_org_id != null
                  ? [{ key: 'org', label: t('audit.actorOrg'), children: entry.actor_org_id }]
                  : []),
                ...(entry.user_agent
                  ? [
                      {
                        key: 'ua',
                        label: t('audit.fullUserAgent'),
                        children: <span style={{ wordBreak: 'break-all' }}>{entry.user_agent}</span>,
                      },
                    ]
                  : []),
                {
                  key: 'detail',
                  label: t('audit.details'),
                  children:
                    entry.detail && Object.keys(entry.detail).length > 0 ? (
                      <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="audit-detail">
                        {JSON.stringify(entry.detail, null, 2)}
                      </pre>
                    ) : (
                      t('audit.noDetail')
                    ),
                },
              ]}
            />
          ),
        }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, entry) => formatTime(entry.at, i18n.language) },
          { key: 'who', title: t('audit.who'), render: (_, entry) => who(entry) },
          {
            key: 'action',
            title: t('audit.action'),
            render: (_, entry) => <span title={entry.action}>{actionName(entry.action)}</span>,
          },
          { key: 'target', title: t('audit.target'), render: (_, entry) => entry.subject ?? '—' },
          {
            key: 'outcome',
            title: t('audit.outcome'),
            render: (_, entry) => (
              <Tag color={OUTCOME_COLOURS[entry.outcome]}>
                {isOneOf(OUTCOMES, entry.outcome) ? t(`audit.outcomeName.${entry.outcome}`) : entry.outcome}
              </Tag>
            ),
          },
          { key: 'ip', title: t('audit.ip'), render: (_, entry) => entry.ip ?? '—' },
          {
            key: 'ua',
            title: t('audit.userAgent'),
            render: (_, entry) =>
              entry.user_agent ? (
                <span title={entry.user_agent}>{deviceName(entry.user_agent, t('audit.unknownDevice'))}</span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {search.isFetchNextPageError ? (
        <Typography.Paragraph type="danger" role="alert" style={{ marginBottom: 0 }}>
          {message(search.error)}
        </Typography.Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <Flex gap={12} align="center">
          <Typography.Text type="secondary" aria-live="polite">
            {t('audit.shown', { count: rows.length })}
            {search.hasNextPage ? '' : ` · ${t('audit.noMore')}`}
          </Typography.Text>
          {search.hasNextPage ? (
            <Button loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
              {t('audit.loadMore')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
