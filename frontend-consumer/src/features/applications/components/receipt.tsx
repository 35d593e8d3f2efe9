// After applying: the tracking code, large and copyable, and what happens next.
import { Alert, Button, Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApplicationReceipt } from '../api/applications';

export function Receipt({ receipt }: { receipt: ApplicationReceipt }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const bureau = i18n.language === 'en' && receipt.competent_bureau.name_en ? receipt.competent_bureau.name_en : receipt.competent_bureau.name;
  return (
    <Card>
      <Result
        status="success"
        title={<h2 style={{ fontSize: 22, margin: 0 }}>{t('apply.successTitle')}</h2>}
        subTitle={t('apply.bureau', { name: bureau })}
      />
      <section aria-labelledby="tracking-code-label" style={{ textAlign: 'center', marginBottom: 16 }}>
        <Typography.Text id="tracking-code-label" strong style={{ display: 'block' }}>
          {t('apply.trackingCode')}
        </Typography.Text>
        <Typography.Text
          className="wq-tracking-code"
          data-testid="tracking-code"
          copyable={{ text: receipt.tracking_code, tooltips: [t('apply.copy'), t('apply.copied')] }}
        >
          {receipt.tracking_code}
        </Typography.Text>
      </section>
      <Alert type="warning" showIcon title={t('apply.trackingCodeNote')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>{t('apply.next')}</Typography.Paragraph>
      <Button type="primary" block onClick={() => void navigate('/apply/status')}>
        {t('apply.checkStatus')}
      </Button>
    </Card>
  );
}
