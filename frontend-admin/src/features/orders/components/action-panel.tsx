// The actions the caller may take now: exactly the order's `available_actions`, as the
// domain lists them (nothing here decides what is allowed). Each opens its form.
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDto } from '../api/order';
import { ActionForm } from './action-form';
import { label } from './labels';

type Props = { order: OrderDto; onDone: (action: string) => void; onChanged: () => void };

export function ActionPanel({ order, onDone, onChanged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const actions = order.available_actions;

  return (
    <section aria-labelledby="order-actions-title" data-testid="action-panel">
      <Typography.Title level={2} id="order-actions-title" style={{ fontSize: 18 }}>
        {t('orders.section.actions')}
      </Typography.Title>
      {actions.length === 0 ? (
        <Alert type="info" showIcon title={t('orders.panel.none')} />
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('orders.panel.help')}</Typography.Text>
          <Flex gap={8} wrap>
            {actions.map((action, index) => (
              <Button
                key={action}
                type={index === 0 ? 'primary' : 'default'}
                data-action={action}
                onClick={() => setOpen(action)}
              >
                {label(t, 'action', action)}
              </Button>
            ))}
          </Flex>
        </Flex>
      )}
      {open ? (
        <ActionForm
          key={`${open}-${order.version}`}
          order={order}
          action={open}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone(open);
          }}
          onChanged={() => {
            setOpen(null);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
