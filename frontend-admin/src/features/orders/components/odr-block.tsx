// 企业先行和解: the ODR part of an order for the enterprise and for staff (the holding
// bureau and the bureaus above the enterprise that supervise it): which enterprise, when it
// was dispatched, its 10-working-day due date with the working days left, the first answer,
// how it ended and the current proposal.
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@/lib/access';
import { useMe } from '@/lib/auth';
import type { Odr, OdrProposal } from '../api/odr';
import { ODR_OUTCOMES, PROPOSAL_STATUSES, REMEDIES, todayInChina, workingDaysLeft } from '../api/odr';
import { formatDate, formatTime, formatYuan } from './labels';

function known<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** 剩余 N 个工作日, or 已超期 (with an icon-free word, not colour alone). */
export function WorkingDaysLeft({ due, today = todayInChina() }: { due: string; today?: string }) {
  const { t } = useTranslation();
  const left = workingDaysLeft(today, due);
  if (left < 0) {
    return (
      <Typography.Text type="danger" strong data-testid="odr-overdue">
        {t('odr.overdueBy', { count: -left })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type={left <= 2 ? 'warning' : undefined} data-testid="odr-days-left" title={t('odr.daysLeftHelp')}>
      {t('odr.daysLeft', { count: left })}
    </Typography.Text>
  );
}

export function ProposalDetails({ proposal }: { proposal: OdrProposal }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="odr-proposal"
      items={[
        {
          key: 'remedy',
          label: t('odr.form.remedy'),
          children: known(REMEDIES, proposal.remedy) ? t(`odr.remedy.${proposal.remedy}`) : proposal.remedy,
        },
        {
          key: 'amount',
          label: t('odr.form.amount'),
          children:
            typeof proposal.amount_fen === 'number' ? (
              <span data-testid="odr-proposal-amount">{formatYuan(proposal.amount_fen, i18n.language)}</span>
            ) : (
              t('orders.none')
            ),
        },
        { key: 'terms', label: t('odr.form.terms'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{proposal.terms}</span> },
        { key: 'at', label: t('odr.proposedAt'), children: formatTime(proposal.proposed_at, i18n.language) },
        {
          key: 'status',
          label: t('odr.proposalStatus'),
          children: (
            <Tag data-testid="odr-proposal-status">
              {known(PROPOSAL_STATUSES, proposal.status) ? t(`odr.status.${proposal.status}`) : proposal.status}
            </Tag>
          ),
        },
      ]}
    />
  );
}

export function OdrBlock({ odr }: { odr: Odr }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const ended = odr.outcome !== null && odr.outcome !== undefined;
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'enterprise', label: t('odr.enterprise'), children: odr.enterprise_name },
    { key: 'dispatched', label: t('odr.dispatchedOn'), children: formatDate(odr.dispatched_on, i18n.language) },
    {
      key: 'due',
      label: t('odr.dueOn'),
      children: (
        odr.due_on ? (
          <Space size={8} wrap>
            <span>{formatDate(odr.due_on, i18n.language)}</span>
            {ended ? null : <WorkingDaysLeft due={odr.due_on} />}
          </Space>
        ) : (
          t('orders.noDue')
        )
      ),
    },
    {
      key: 'first',
      label: t('odr.firstAnswer'),
      children: odr.first_answer_at ? formatTime(odr.first_answer_at, i18n.language) : t('odr.noAnswerYet'),
    },
    {
      key: 'outcome',
      label: t('odr.outcomeLabel'),
      children: ended ? (
        <Tag data-testid="odr-outcome">{known(ODR_OUTCOMES, odr.outcome) ? t(`odr.outcome.${odr.outcome}`) : odr.outcome}</Tag>
      ) : (
        <Typography.Text type="secondary">{t('odr.inProgress')}</Typography.Text>
      ),
    },
  ];
  return (
    <Card
      title={<h2 className="wq-card-title">{t('odr.title')}</h2>}
      data-testid="odr-block"
      extra={
        can(me, 'view_odr_stats') ? <Link to={`/odr-stats?org=${odr.enterprise_org_id}`}>{t('odr.statsLink')}</Link> : null
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={1} items={items} />
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t('odr.currentProposal')}
        </Typography.Title>
        {odr.proposal ? (
          <ProposalDetails proposal={odr.proposal} />
        ) : (
          <Alert type="info" showIcon title={ended ? t('odr.noProposalEnded') : t('odr.noProposal')} />
        )}
      </Space>
    </Card>
  );
}
