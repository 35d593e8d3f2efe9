// /appeals/new — the submission wizard (signed-in consumers), then the receipt.
import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageSpinner } from '@/components/page-spinner';
import { DivisionPicker } from '@/features/divisions/components/division-picker';
import type { OrderReceipt as Receipt } from '@/features/orders/api/submit-order';
import { AppealWizard } from '@/features/orders/components/appeal-wizard';
import { OrderReceipt } from '@/features/orders/components/order-receipt';
import type { DivisionInputProps } from '@/features/orders/components/wizard-steps';
import { isKind } from '@/features/orders/utils/wizard-model';
import { useMe } from '@/lib/auth';
import { DivisionLabel } from './division-label';

/** The portal's division picker as a form control holding a division code. */
function DivisionInput({ id, value, onChange }: DivisionInputProps) {
  return <DivisionPicker idPrefix={id} initialCode={value} onChange={(division) => onChange?.(division?.code)} />;
}

export function AppealNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // Remounting the wizard after a receipt starts a fresh draft.
  const [round, setRound] = useState(0);
  const kind = params.get('kind');
  if (!me.data) return <PageSpinner />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}>
      <Typography.Title level={1} style={{ fontSize: 26, marginBottom: 0 }}>
        {t('orders.wizard.title')}
      </Typography.Title>
      {receipt ? (
        <OrderReceipt
          receipt={receipt}
          onAnother={() => {
            setReceipt(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('orders.wizard.intro')}</Typography.Paragraph>
          <AppealWizard
            key={round}
            userId={me.data.user_id}
            DivisionInput={DivisionInput}
            DivisionLabel={DivisionLabel}
            initialKind={isKind(kind) ? kind : undefined}
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
