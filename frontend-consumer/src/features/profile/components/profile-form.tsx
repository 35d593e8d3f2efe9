// The display name, editable. Saved state is announced politely next to the button.
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import type { Me } from '@/lib/auth';
import { useApiForm } from '@/lib/use-api-form';
import { useUpdateProfile } from '../api/update-profile';

const FIELDS = ['display_name'] as const;
const DISPLAY_NAME_MAX_LENGTH = 50;

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ display_name: string }>();
  const update = useUpdateProfile();
  const submission = useApiForm(form, FIELDS);
  const [saved, setSaved] = useState(false);

  return (
    <Form
      form={form}
      name="profile"
      layout="vertical"
      requiredMark={false}
      initialValues={{ display_name: me.display_name }}
      onValuesChange={() => setSaved(false)}
      onFinish={({ display_name }) => {
        submission.reset();
        setSaved(false);
        update.mutate(display_name.trim(), {
          onSuccess: (updated) => {
            form.setFieldValue('display_name', updated.display_name);
            setSaved(true);
          },
          onError: submission.fail,
        });
      }}
    >
      <FormError error={submission.error} fields={FIELDS} retryIn={submission.retryIn} />
      <Form.Item
        label={t('profile.displayName')}
        name="display_name"
        rules={[
          { required: true, whitespace: true, message: t('register.displayNameRequired') },
          { max: DISPLAY_NAME_MAX_LENGTH, message: t('register.displayNameTooLong', { max: DISPLAY_NAME_MAX_LENGTH }) },
        ]}
      >
        <Input autoComplete="nickname" />
      </Form.Item>
      <Flex align="center" gap={12}>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('profile.save')}
        </Button>
        <Typography.Text type="success" aria-live="polite" data-testid="profile-saved">
          {saved ? t('profile.saved') : ''}
        </Typography.Text>
      </Flex>
    </Form>
  );
}
