// 修改角色: checkboxes for the four roles, at least one; a refusal from the server (422 under
// the field, 403 or anything else above the buttons) stays in the dialog.
import { Alert, Checkbox, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useApiForm } from '@/lib/use-api-form';
import { useUpdateRoles } from '../api/change-member';
import { ROLES, type Member, type Role } from '../api/get-members';

const FIELDS = ['roles'] as const;

type RolesModalProps = { member: Member | null; onClose: () => void };

export function RolesModal({ member, onClose }: RolesModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const update = useUpdateRoles();
  const api = useApiForm(form, FIELDS);
  const { reset: resetForm } = api;

  useEffect(() => {
    if (member) {
      form.setFieldsValue({ roles: member.roles });
      form.setFields([{ name: 'roles', errors: [] }]);
      resetForm();
      update.reset();
    }
    // Only when another member's dialog opens.
  }, [member]);

  return (
    <Modal
      open={member !== null}
      title={member ? t('members.rolesTitle', { name: member.display_name }) : ''}
      okText={t('members.save')}
      cancelText={t('members.cancel')}
      okButtonProps={{ loading: update.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Alert type="warning" showIcon title={t('members.rolesWarning')} style={{ marginBottom: 16 }} />
      <FormError error={api.error} fields={FIELDS} />
      <Form
        form={form}
        layout="vertical"
        name="member-roles"
        onFinish={({ roles }) => {
          if (!member) return;
          api.reset();
          update.mutate({ id: member.id, roles }, { onSuccess: onClose, onError: api.fail });
        }}
      >
        <Form.Item
          name="roles"
          label={t('members.roles')}
          // A validator rather than `required`: antd would put aria-required on the group's
          // <div>, where ARIA does not allow it.
          rules={[
            {
              validator: (_, value: Role[] | undefined) =>
                value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('members.rolesRequired'))),
            },
          ]}
        >
          <Checkbox.Group
            role="group"
            aria-label={t('members.roles')}
            options={ROLES.map((role) => ({ value: role, label: t(`members.role.${role}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
