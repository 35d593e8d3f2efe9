// 新建市场监管所 (under a county bureau) and 新建消费者协会 (under a city or county bureau): the
// Chinese name (required) and the English name; one form, two endpoints.
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useApiForm } from '@/lib/use-api-form';
import type { Organisation } from '../api/get-organisation';
import { useCreateAssociation } from '../api/create-association';
import { useCreateStation, type StationCreate } from '../api/create-station';

const FIELDS = ['name', 'name_en'] as const;

type Props = {
  county: { id: number; name: string };
  /** What to create: a station (default) or a consumer association. */
  kind?: 'station' | 'association';
  open: boolean;
  onClose: () => void;
  onCreated: (station: Organisation) => void;
};

export function CreateStationModal({ county, kind = 'station', open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StationCreate>();
  const api = useApiForm(form, FIELDS);
  const station = useCreateStation(county.id);
  const association = useCreateAssociation(county.id);
  const create = kind === 'association' ? association : station;
  const texts = kind === 'association' ? 'associations' : 'stations';

  return (
    <Modal
      open={open}
      title={t(`${texts}.title`, { unit: county.name })}
      okText={t('stations.submit')}
      cancelText={t('stations.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ disabled: api.retryIn > 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={api.error} fields={FIELDS} retryIn={api.retryIn} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          api.reset();
          create.mutate(
            { name: values.name.trim(), name_en: values.name_en?.trim() ? values.name_en.trim() : null },
            {
              onSuccess: (station) => {
                form.resetFields();
                onCreated(station);
              },
              onError: api.fail,
            },
          );
        }}
      >
        <Form.Item label={t('stations.name')} name="name" rules={[{ required: true, whitespace: true, message: t('stations.required') }]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item label={t('stations.nameEn')} name="name_en">
          <Input autoComplete="off" maxLength={200} lang="en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
