import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Division } from '../api/get-divisions';

/** The chosen path and code, announced politely to screen readers as it changes. */
export function DivisionSummary({ path }: { path: Division[] }) {
  const { t } = useTranslation();
  const last = path.at(-1);
  return (
    <div aria-live="polite" className="wq-division-summary">
      {last && !last.has_children ? (
        <section aria-labelledby="division-chosen-heading">
          <Typography.Title level={3} id="division-chosen-heading" style={{ fontSize: 16 }}>
            {t('divisions.chosen')}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'path',
                label: t('divisions.path'),
                children: <span data-testid="division-path">{path.map((d) => d.name).join(' / ')}</span>,
              },
              {
                key: 'code',
                label: t('divisions.code'),
                children: <span data-testid="division-code">{last.code}</span>,
              },
            ]}
          />
        </section>
      ) : last ? (
        <Typography.Paragraph type="secondary">{t('divisions.incomplete')}</Typography.Paragraph>
      ) : null}
    </div>
  );
}
