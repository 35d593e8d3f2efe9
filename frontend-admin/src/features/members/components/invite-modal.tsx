// 邀请人员: user name, name, email and roles for one unit; the server's field errors appear
// under the fields, anything else above the buttons.
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { ROLES } from '../api/get-members';
import { isChinese } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';
import { useCreateInvitation, type InvitationCreate } from '../api/invitations';

const FIELDS = ['username', 'display_name', 'email', 'roles'] as const;

type Props = { orgId: number; unitName: string; open: boolean; onClose: () => void };

export function InviteModal({ orgId, unitName, open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InvitationCreate>();
  const api = useApiForm(form, FIELDS);
  const create = useCreateInvitation(orgId);

  const submit = (values: InvitationCreate) => {
    api.reset();
    create.mutate(
      { ...values, locale: isChinese(i18n.language) ? 'zh-CN' : 'en' },
      {
        onSuccess: (invitation) => {
          void message.success(t('invitations.sent', { email: invitation.email }));
          form.resetFields();
          onClose();
        },
        onError: api.fail,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('invitations.inviteTitle', { unit: unitName })}
      okText={t('invitations.send')}
      cancelText={t('invitations.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ disabled: api.retryIn > 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={api.error} fields={FIELDS} retryIn={api.retryIn} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ roles: ['handler'] }}>
        <Form.Item
          label={t('invitations.username')}
          name="username"
          extra={t('invitations.usernameHint')}
          rules={[{ required: true, whitespace: true, message: t('invitations.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('invitations.displayName')}
          name="display_name"
          rules={[{ required: true, whitespace: true, message: t('invitations.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('invitations.email')}
          name="email"
          rules={[
            { required: true, message: t('invitations.required') },
            { type: 'email', message: t('invitations.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('invitations.roles')}
          name="roles"
          // A validator, not `required` (no aria-required on a checkbox group).
          rules={[
            {
              validator: async (_, value: unknown[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('invitations.rolesRequired'));
              },
            },
          ]}
        >
          <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: t(`members.role.${role}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
