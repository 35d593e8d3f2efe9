// Confirms 停用 / 启用 a member. Disabling says plainly that every session of theirs ends at
// once; the server's refusal (for example 403 on one's own account) is shown in the dialog.
import { Alert, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/problem';
import { useSetMemberStatus } from '../api/change-member';
import type { Member } from '../api/get-members';

type StatusModalProps = { member: Member | null; onClose: () => void };

export function StatusModal({ member, onClose }: StatusModalProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const change = useSetMemberStatus();
  const enable = member?.status === 'disabled';

  useEffect(() => {
    change.reset();
    // Only when another member's dialog opens.
  }, [member]);

  return (
    <Modal
      open={member !== null}
      title={member ? t(enable ? 'members.enableTitle' : 'members.disableTitle', { name: member.display_name }) : ''}
      okText={t(enable ? 'members.enable' : 'members.disable')}
      cancelText={t('members.cancel')}
      okButtonProps={{ danger: !enable, loading: change.isPending }}
      onCancel={onClose}
      onOk={() => {
        if (member) change.mutate({ id: member.id, enable }, { onSuccess: onClose });
      }}
    >
      <Typography.Paragraph>{t(enable ? 'members.enableText' : 'members.disableText')}</Typography.Paragraph>
      {change.isError ? (
        <Alert type="error" showIcon role="alert" data-testid="member-action-error" title={message(change.error)} />
      ) : null}
    </Modal>
  );
}
