// The last step: everything entered, by step, each with a way back to change it.
import { Button, Descriptions, Typography } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toRequest, type StepKey, type WizardValues } from '../utils/wizard-model';
import { useCategories } from '../api/get-categories';
import { problemName, subjectName } from './category-fields';
import { formatBytes } from './evidence-upload';
import { formatYuan } from './labels';

export type DivisionLabel = ComponentType<{ code: string }>;

type ReviewProps = {
  values: WizardValues;
  steps: StepKey[];
  onEdit: (step: StepKey) => void;
  DivisionLabel: DivisionLabel;
};

export function ReviewStep({ values, steps, onEdit, DivisionLabel }: ReviewProps) {
  const { t, i18n } = useTranslation();
  const body = toRequest(values);
  const categories = useCategories();
  const empty = <Typography.Text type="secondary">{t('orders.wizard.empty')}</Typography.Text>;
  const show = (value: ReactNode) => (value === null || value === undefined || value === '' ? empty : value);
  const division = (code: string | null | undefined) => (code ? <DivisionLabel code={code} /> : empty);
  const edit = (step: StepKey) => (
    <Button size="small" onClick={() => onEdit(step)} aria-label={t('orders.labelled', { label: t('orders.wizard.edit'), value: t(`orders.wizard.step.${step}`) })}>
      {t('orders.wizard.edit')}
    </Button>
  );
  const section = { column: 1, size: 'small', bordered: true, style: { marginBottom: 16 } } as const;
  return (
    <div data-testid="review">
      <Typography.Paragraph>{t('orders.wizard.reviewIntro')}</Typography.Paragraph>
      <Descriptions {...section} title={t('orders.wizard.step.kind')} extra={edit('kind')}>
        <Descriptions.Item label={t('orders.order.kind')}>{t(`orders.kind.${body.kind}`)}</Descriptions.Item>
        {body.kind === 'complaint' ? (
          <Descriptions.Item label={t('orders.wizard.both')}>
            {body.both ? t('orders.wizard.yes') : t('orders.wizard.no')}
          </Descriptions.Item>
        ) : null}
        {body.kind === 'report' ? (
          <Descriptions.Item label={t('orders.wizard.anonymous')}>
            {body.anonymous ? t('orders.wizard.yes') : t('orders.wizard.no')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {body.business && steps.includes('business') ? (
        <Descriptions {...section} title={t('orders.wizard.step.business')} extra={edit('business')}>
          <Descriptions.Item label={t('orders.wizard.businessName')}>{show(body.business.name)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.order.creditCode')}>{show(body.business.credit_code)}</Descriptions.Item>
          {body.kind === 'complaint' && body.enterprise_first ? (
            <Descriptions.Item label={t('orders.wizard.enterpriseFirst')}>{t('orders.wizard.yes')}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('orders.wizard.channelLabel')}>
            {t(`orders.channel.${body.business.channel ?? 'offline'}`)}
          </Descriptions.Item>
          {body.business.channel === 'platform_merchant' ? (
            <>
              <Descriptions.Item label={t('orders.wizard.platform')}>{show(body.business.platform)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.wizard.platformDivision')}>
                {division(body.business.platform_division)}
              </Descriptions.Item>
            </>
          ) : null}
          <Descriptions.Item label={t('orders.wizard.division')}>{division(body.business.division)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.order.address')}>{show(body.business.address)}</Descriptions.Item>
          {body.kind === 'report' ? (
            <Descriptions.Item label={t('orders.wizard.conductDivision')}>{division(body.conduct_division)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      <Descriptions {...section} title={t('orders.wizard.step.details')} extra={edit('details')}>
        {body.kind === 'complaint' ? (
          <>
            <Descriptions.Item label={t('orders.order.item')}>{show(body.item)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.order.boughtOn')}>{show(body.bought_on)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.order.amount')}>
              {typeof body.amount_fen === 'number' ? formatYuan(body.amount_fen, i18n.language) : empty}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.order.request')}>{show(body.request)}</Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label={t('orders.order.facts')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{show(body.facts)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.taxonomy.subject')}>
          {show(body.subject_category ? (categories.data ? subjectName(categories.data, body.subject_category, i18n.language) : undefined) ?? body.subject_category : null)}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.taxonomy.problem')}>
          {show(body.problem_type ? (categories.data ? problemName(categories.data, body.problem_type, i18n.language) : undefined) ?? body.problem_type : null)}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.evidence.label')}>
          {values.attachments?.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="review-evidence">
              {values.attachments.map((a) => (
                <li key={a.id}>
                  {a.file_name} <Typography.Text type="secondary">{formatBytes(a.size_bytes, i18n.language)}</Typography.Text>
                </li>
              ))}
            </ul>
          ) : (
            empty
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
