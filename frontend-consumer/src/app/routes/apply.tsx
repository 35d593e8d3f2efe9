// /apply — enterprises, departments and international bodies apply to join (public).
import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplyForm } from '@/features/applications/components/apply-form';
import { Receipt } from '@/features/applications/components/receipt';
import type { ApplicationReceipt } from '@/features/applications/api/applications';
import { DivisionPicker } from '@/features/divisions/components/division-picker';

export function ApplyRoute() {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <Typography.Title level={1} style={{ fontSize: 26, marginBottom: 0 }}>
        {t('apply.title')}
      </Typography.Title>
      {receipt ? (
        <Receipt receipt={receipt} />
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('apply.intro')}</Typography.Paragraph>
          <ApplyForm
            divisionPicker={<DivisionPicker />}
            onSubmitted={(result) => {
              setReceipt(result);
              window.scrollTo?.({ top: 0 });
            }}
          />
        </>
      )}
    </Space>
  );
}
