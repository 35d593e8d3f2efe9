// The client secret, shown once: copy it, then confirm it is stored before the dialog closes.
import { Alert, Button, Checkbox, Descriptions, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClientWithSecret } from '../api/api-clients';

export function SecretModal({ issued, onClose }: { issued: ApiClientWithSecret | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const close = () => {
    setStored(false);
    onClose();
  };
  return (
    <Modal
      open={issued !== null}
      title={t('apiClients.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" disabled={!stored} onClick={close} data-testid="secret-close">
          {t('apiClients.close')}
        </Button>
      }
    >
      {issued ? (
        <>
          <Alert type="warning" showIcon title={t('apiClients.secretWarning')} style={{ marginBottom: 16 }} />
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('apiClients.name'), children: issued.client.name },
              {
                key: 'id',
                label: t('apiClients.clientId'),
                children: (
                  <Typography.Text code copyable={{ tooltips: [t('apiClients.copy'), t('apiClients.copied')] }}>
                    {issued.client.client_id}
                  </Typography.Text>
                ),
              },
              {
                key: 'secret',
                label: t('apiClients.secret'),
                children: (
                  <Typography.Text
                    code
                    data-testid="client-secret"
                    style={{ wordBreak: 'break-all' }}
                    copyable={{ tooltips: [t('apiClients.copy'), t('apiClients.copied')] }}
                  >
                    {issued.client_secret}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)} style={{ marginTop: 16 }} data-testid="secret-stored">
            {t('apiClients.stored')}
          </Checkbox>
        </>
      ) : null}
    </Modal>
  );
}
