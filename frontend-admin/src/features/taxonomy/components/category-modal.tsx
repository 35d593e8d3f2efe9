// 新增 / 编辑分类: Chinese and English names and the position; creating also says where the
// category goes (a group of goods or services, a leaf under a group, or a problem type).
import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useApiForm } from '@/lib/use-api-form';
import { useCreateCategory, useUpdateCategory, type Category, type NewCategory } from '../api/categories';

const FIELDS = ['name_zh', 'name_en', 'position', 'code', 'parent_code', 'branch'] as const;

/** Where a new category goes, or the category being edited. */
export type CategoryTarget =
  | { mode: 'create'; kind: 'group'; branch: 'goods' | 'services' }
  | { mode: 'create'; kind: 'leaf'; parent: Category }
  | { mode: 'create'; kind: 'problem' }
  | { mode: 'edit'; category: Category };

type Values = { name_zh: string; name_en: string; position?: number | null; code?: string };

type Props = { target: CategoryTarget | null; onClose: () => void; onSaved: (category: Category) => void };

export function CategoryModal({ target, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, FIELDS);
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const chinese = i18n.language.startsWith('zh');
  const pending = create.isPending || update.isPending;

  let title = '';
  if (target?.mode === 'edit') title = t('taxonomy.editTitle', { code: target.category.code });
  else if (target?.kind === 'group') title = t(`taxonomy.newGroup.${target.branch}`);
  else if (target?.kind === 'leaf')
    title = t('taxonomy.newLeafUnder', { name: chinese ? target.parent.name_zh : target.parent.name_en });
  else if (target?.kind === 'problem') title = t('taxonomy.newProblem');

  const submit = (values: Values) => {
    if (!target) return;
    api.reset();
    const position = values.position ?? undefined;
    const done = { onSuccess: (category: Category) => { form.resetFields(); onSaved(category); }, onError: api.fail };
    if (target.mode === 'edit') {
      update.mutate(
        { code: target.category.code, change: { name_zh: values.name_zh.trim(), name_en: values.name_en.trim(), position } },
        done,
      );
      return;
    }
    const body: NewCategory = {
      kind: target.kind,
      name_zh: values.name_zh.trim(),
      name_en: values.name_en.trim(),
      position,
      code: values.code?.trim() ? values.code.trim() : undefined,
      branch: target.kind === 'group' ? target.branch : undefined,
      parent_code: target.kind === 'leaf' ? target.parent.code : undefined,
    };
    create.mutate(body, done);
  };

  const initial: Partial<Values> =
    target?.mode === 'edit'
      ? { name_zh: target.category.name_zh, name_en: target.category.name_en, position: target.category.position }
      : {};

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t('taxonomy.save')}
      cancelText={t('taxonomy.cancel')}
      confirmLoading={pending}
      okButtonProps={{ disabled: api.retryIn > 0 }}
      onOk={() => form.submit()}
      onCancel={() => {
        api.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <FormError error={api.error} fields={FIELDS} retryIn={api.retryIn} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} preserve={false}>
        <Form.Item
          label={t('taxonomy.nameZh')}
          name="name_zh"
          rules={[{ required: true, whitespace: true, message: t('taxonomy.required') }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('taxonomy.nameEn')}
          name="name_en"
          rules={[{ required: true, whitespace: true, message: t('taxonomy.required') }]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        {target?.mode === 'create' ? (
          <Form.Item label={t('taxonomy.code')} name="code" extra={t('taxonomy.codeHint')}>
            <Input autoComplete="off" maxLength={5} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('taxonomy.position')} name="position" extra={t('taxonomy.positionHint')}>
          <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
