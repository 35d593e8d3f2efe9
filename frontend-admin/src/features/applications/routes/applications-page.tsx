// 入驻审核: the applications the user's unit reviews, filtered by status (pending first), with
// a drawer for one application (kept in the address as ?id= so a link opens it).
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { useApplications, type ApplicationSummary, type StatusFilter } from '../api/applications';
import { ApplicationDrawer } from '../components/application-drawer';
import { KindName, StatusTag } from '../components/labels';

const FILTERS: readonly StatusFilter[] = ['submitted', 'approved', 'rejected', 'all'];

export function ApplicationsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: StatusFilter = FILTERS.includes(asked as StatusFilter) ? (asked as StatusFilter) : 'submitted';
  const openId = Number(params.get('id'));
  const orgId = me?.org?.id ?? 0;
  const list = useApplications(orgId, status);
  // RequireAuth lets only users with `review_applications` (hence an organisation) this far.
  if (!me || orgId === 0) return null;

  const set = (next: { status?: StatusFilter; id?: number | null }) => {
    const query: Record<string, string> = {};
    const s = next.status ?? status;
    if (s !== 'submitted') query.status = s;
    const id = next.id === undefined ? (openId > 0 ? openId : null) : next.id;
    if (id) query.id = String(id);
    setParams(query);
  };
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('applications.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('applications.description')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap={16}>
          <Flex gap={8} align="center">
            <label htmlFor="applications-status">{t('applications.filter')}</label>
            <Select<StatusFilter>
              id="applications-status"
              style={{ minWidth: 140 }}
              value={status}
              onChange={(value) => set({ status: value, id: null })}
              options={FILTERS.map((f) => ({
                value: f,
                label: f === 'all' ? t('applications.all') : t(`applications.statusName.${f}`),
              }))}
            />
          </Flex>
          {list.isError ? (
            <QueryError title={t('applications.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <Table<ApplicationSummary>
              rowKey="id"
              loading={list.isPending}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <span className="wq-empty">{t('applications.empty')}</span> }}
              onRow={(row) => ({ 'data-testid': 'application', 'data-name': row.name }) as object}
              columns={[
                { key: 'name', title: t('applications.name'), render: (_, row) => row.name },
                { key: 'kind', title: t('applications.kind'), render: (_, row) => <KindName kind={row.kind} /> },
                { key: 'credit', title: t('applications.creditCode'), render: (_, row) => row.credit_code ?? '—' },
                {
                  key: 'submitted',
                  title: t('applications.submittedAt'),
                  render: (_, row) => new Date(row.submitted_at).toLocaleString(i18n.language),
                },
                { key: 'status', title: t('applications.status'), render: (_, row) => <StatusTag status={row.status} /> },
                {
                  key: 'view',
                  title: t('applications.view'),
                  render: (_, row) => (
                    <Button size="small" onClick={() => set({ id: row.id })} aria-label={`${t('applications.view')} ${row.name}`}>
                      {t('applications.view')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
          {list.hasNextPage ? (
            <div>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('applications.more')}
              </Button>
            </div>
          ) : null}
        </Flex>
      </Card>
      <ApplicationDrawer id={openId > 0 ? openId : null} onClose={() => set({ id: null })} />
    </Flex>
  );
}
