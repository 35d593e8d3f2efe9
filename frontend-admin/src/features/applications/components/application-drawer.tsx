// One application: every field, the timeline, and (while pending) approve after a
// confirmation or reject with a required reason. A 409 (someone else decided first) is said
// plainly; the queue and the detail reload either way.
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Skeleton, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { QueryError } from '@/components/query-error';
import { ApiError, useErrorMessage } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useApplication, useDecide, type ApplicationDetail } from '../api/applications';
import { KindName, StatusTag } from './labels';

const STEPS = ['submitted', 'approved', 'rejected', 'organisation_created', 'invitation_sent'] as const;
const isStep = (value: string): value is (typeof STEPS)[number] => (STEPS as readonly string[]).includes(value);

type Props = { id: number | null; onClose: () => void };

export function ApplicationDrawer({ id, onClose }: Props) {
  const { t } = useTranslation();
  const application = useApplication(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('applications.detail')}
      size={560}
      destroyOnHidden
    >
      <div data-testid="application-detail">
      {application.isPending ? (
        <Skeleton active aria-busy="true" />
      ) : application.isError ? (
        <QueryError
          title={t('applications.loadFailed')}
          error={application.error}
          onRetry={() => void application.refetch()}
        />
      ) : (
        <ApplicationBody application={application.data} />
      )}
      </div>
    </Drawer>
  );
}

function ApplicationBody({ application }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const errorMessage = useErrorMessage();
  const decide = useDecide();
  const [rejecting, setRejecting] = useState(false);
  const [conflict, setConflict] = useState(false);
  const time = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(i18n.language) : '—');

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) setConflict(true);
    else void message.error(errorMessage(error));
  };

  const approve = () =>
    void modal.confirm({
      title: t('applications.approve'),
      content: t('applications.approveConfirm', { name: application.name }),
      okText: t('applications.approve'),
      cancelText: t('applications.cancel'),
      onOk: () =>
        decide
          .mutateAsync({ id: application.id, decision: 'approve' })
          .then(() => void message.success(t('applications.approved')))
          .catch(failed),
    });

  const fields = [
    { key: 'name', label: t('applications.name'), children: application.name },
    ...(application.name_en ? [{ key: 'name_en', label: t('applications.fields.nameEn'), children: application.name_en }] : []),
    { key: 'kind', label: t('applications.kind'), children: <KindName kind={application.kind} /> },
    ...(application.credit_code ? [{ key: 'credit', label: t('applications.creditCode'), children: application.credit_code }] : []),
    ...(application.registered_division
      ? [{ key: 'division', label: t('applications.fields.division'), children: application.registered_division }]
      : []),
    { key: 'bureau', label: t('applications.fields.bureau'), children: application.competent_bureau.name },
    { key: 'status', label: t('applications.status'), children: <StatusTag status={application.status} /> },
    { key: 'submitted', label: t('applications.submittedAt'), children: time(application.submitted_at) },
    ...(application.decided_at ? [{ key: 'decided', label: t('applications.fields.decidedAt'), children: time(application.decided_at) }] : []),
    ...(application.decision_reason ? [{ key: 'reason', label: t('applications.fields.reason'), children: application.decision_reason }] : []),
    { key: 'contact', label: t('applications.fields.contactName'), children: application.contact_name },
    { key: 'phone', label: t('applications.fields.contactPhone'), children: application.contact_phone },
    { key: 'email', label: t('applications.fields.contactEmail'), children: application.contact_email },
    { key: 'admin', label: t('applications.fields.adminUsername'), children: application.admin_username },
    { key: 'adminName', label: t('applications.fields.adminDisplayName'), children: application.admin_display_name },
    {
      key: 'description',
      label: t('applications.fields.description'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{application.description || '—'}</span>,
    },
  ];

  return (
    <Flex vertical gap={16}>
      {conflict ? (
        <Alert type="warning" showIcon role="alert" data-testid="decided-elsewhere" title={t('applications.decidedElsewhere')} />
      ) : null}
      <Descriptions size="small" column={1} bordered items={fields} />
      <section aria-labelledby="application-timeline">
        <h3 id="application-timeline" style={{ fontSize: 16 }}>
          {t('applications.timeline')}
        </h3>
        <Timeline
          items={application.timeline.map((step) => ({
            key: `${step.step}-${step.at}`,
            content: `${isStep(step.step) ? t(`applications.step.${step.step}`) : step.step} · ${time(step.at)}`,
          }))}
        />
      </section>
      {application.status === 'submitted' ? (
        <Flex gap={8}>
          <Button type="primary" onClick={approve} loading={decide.isPending && !rejecting} data-testid="approve">
            {t('applications.approve')}
          </Button>
          <Button danger onClick={() => setRejecting(true)} data-testid="reject">
            {t('applications.reject')}
          </Button>
        </Flex>
      ) : null}
      <RejectModal
        open={rejecting}
        onClose={() => setRejecting(false)}
        onSubmit={(reason, fail) =>
          decide.mutate(
            { id: application.id, decision: 'reject', reason },
            {
              onSuccess: () => {
                setRejecting(false);
                void message.success(t('applications.rejected'));
              },
              onError: (error) => {
                if (error instanceof ApiError && error.status === 409) {
                  setRejecting(false);
                  setConflict(true);
                } else fail(error);
              },
            },
          )
        }
        pending={decide.isPending}
      />
    </Flex>
  );
}

const REJECT_FIELDS = ['reason'] as const;

function RejectModal({
  open,
  onClose,
  onSubmit,
  pending,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (reason: string, fail: (error: unknown) => void) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const api = useApiForm(form, REJECT_FIELDS);
  return (
    <Modal
      open={open}
      title={t('applications.rejectTitle')}
      okText={t('applications.reject')}
      okButtonProps={{ danger: true, disabled: api.retryIn > 0 }}
      cancelText={t('applications.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={api.error} fields={REJECT_FIELDS} retryIn={api.retryIn} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          api.reset();
          onSubmit(values.reason.trim(), api.fail);
        }}
      >
        <Form.Item
          label={t('applications.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('applications.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
