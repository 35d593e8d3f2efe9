// 退出所有设备, after a confirmation that says what it does.
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/problem';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';

export function SignOutEverywhereButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const signOut = useSignOutEverywhere();
  const message = useErrorMessage();
  return (
    <>
      <Button danger icon={<LogoutOutlined aria-hidden="true" />} onClick={() => setOpen(true)}>
        {t('sessions.signOutEverywhere')}
      </Button>
      <Modal
        open={open}
        title={t('sessions.confirmTitle')}
        okText={t('sessions.confirmOk')}
        okButtonProps={{ danger: true, loading: signOut.isPending }}
        cancelText={t('sessions.confirmCancel')}
        onCancel={() => setOpen(false)}
        onOk={() => signOut.mutate(undefined, { onSuccess: onDone })}
      >
        <p>{t('sessions.confirmText')}</p>
        {signOut.isError ? <Alert type="error" showIcon title={message(signOut.error)} /> : null}
      </Modal>
    </>
  );
}
