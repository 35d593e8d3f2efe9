// 注册客户端: a name and at least one scope; the answer (with the secret) goes to the caller.
import { Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useApiForm } from '@/lib/use-api-form';
import { SCOPE_KEYS, SCOPES, useRegisterApiClient, type ApiClientWithSecret, type NewApiClient } from '../api/api-clients';

const FIELDS = ['name', 'scopes'] as const;

type Props = { orgId: number; open: boolean; onClose: () => void; onRegistered: (issued: ApiClientWithSecret) => void };

export function RegisterModal({ orgId, open, onClose, onRegistered }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewApiClient>();
  const api = useApiForm(form, FIELDS);
  const register = useRegisterApiClient(orgId);
  return (
    <Modal
      open={open}
      title={t('apiClients.registerTitle')}
      okText={t('apiClients.submit')}
      cancelText={t('apiClients.cancel')}
      confirmLoading={register.isPending}
      okButtonProps={{ disabled: api.retryIn > 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={api.error} fields={FIELDS} retryIn={api.retryIn} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scopes: ['orders:read'] }}
        onFinish={(values) => {
          api.reset();
          register.mutate(
            { name: values.name.trim(), scopes: values.scopes },
            {
              onSuccess: (issued) => {
                form.resetFields();
                onRegistered(issued);
              },
              onError: api.fail,
            },
          );
        }}
      >
        <Form.Item label={t('apiClients.name')} name="name" rules={[{ required: true, whitespace: true, message: t('apiClients.nameRequired') }]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('apiClients.scopes')}
          name="scopes"
          // A validator, not `required`: antd would put aria-required on the checkbox group,
          // which ARIA does not allow there (axe: aria-allowed-attr).
          rules={[
            {
              validator: async (_, value: unknown[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('apiClients.scopesRequired'));
              },
            },
          ]}
        >
          <Checkbox.Group
            options={SCOPES.map((scope) => ({ value: scope, label: `${t(`apiClients.scope.${SCOPE_KEYS[scope]}`)} (${scope})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
