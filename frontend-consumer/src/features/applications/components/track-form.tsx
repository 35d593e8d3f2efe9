// 查询申请进度: a tracking code in, the status, bureau, timeline and any rejection reason out.
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';
import { useTrackApplication, type ApplicationProgress } from '../api/applications';

const FIELDS = ['tracking_code'] as const;
const STATUS = ['submitted', 'approved', 'rejected'] as const;
const STEPS = ['submitted', 'approved', 'rejected', 'organisation_created', 'invitation_sent'] as const;
const KINDS = ['enterprise', 'department', 'international'] as const;
// Solid tags in dark tones: antd's light presets (green, orange) fail WCAG contrast.
const COLOURS: Record<string, string> = { submitted: '#0958d9', approved: '#237804', rejected: '#a8071a' };

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function TrackForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ tracking_code: string }>();
  const api = useApiForm(form, FIELDS);
  const track = useTrackApplication();
  const notFound = track.error instanceof ApiError && track.error.status === 404;

  return (
    <>
      <Card>
        {notFound ? (
          <Alert type="warning" showIcon role="alert" data-testid="tracking-not-found" title={t('track.notFound')} style={{ marginBottom: 16 }} />
        ) : (
          <FormError error={api.error} fields={FIELDS} retryIn={api.retryIn} />
        )}
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => {
            api.reset();
            track.mutate(values.tracking_code.trim(), { onError: api.fail });
          }}
        >
          <Form.Item
            label={t('track.code')}
            name="tracking_code"
            rules={[{ required: true, whitespace: true, message: t('track.codeRequired') }]}
          >
            <Input autoComplete="off" autoCapitalize="characters" placeholder="WQ-XXXX-XXXX-XXXX-XXXX" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={track.isPending} disabled={api.retryIn > 0}>
            {t('track.submit')}
          </Button>
        </Form>
      </Card>
      {track.isSuccess ? <Progress progress={track.data} /> : null}
    </>
  );
}

function Progress({ progress }: { progress: ApplicationProgress }) {
  const { t, i18n } = useTranslation();
  const time = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(i18n.language) : '—');
  const bureau =
    i18n.language === 'en' && progress.competent_bureau.name_en ? progress.competent_bureau.name_en : progress.competent_bureau.name;
  return (
    <Card data-testid="application-progress" style={{ marginTop: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {progress.name}{' '}
        <Tag color={COLOURS[progress.status]} data-testid="application-status">
          {isOneOf(STATUS, progress.status) ? t(`track.statusName.${progress.status}`) : progress.status}
        </Tag>
      </Typography.Title>
      {progress.status === 'rejected' && progress.decision_reason ? (
        <Alert
          type="error"
          showIcon
          data-testid="rejection-reason"
          title={t('track.reason')}
          description={progress.decision_reason}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'kind', label: t('track.kind'), children: isOneOf(KINDS, progress.kind) ? t(`apply.kindName.${progress.kind}`) : progress.kind },
          { key: 'bureau', label: t('track.bureau'), children: bureau },
          { key: 'submitted', label: t('track.submittedAt'), children: time(progress.submitted_at) },
          ...(progress.decided_at ? [{ key: 'decided', label: t('track.decidedAt'), children: time(progress.decided_at) }] : []),
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('track.timeline')}
      </Typography.Title>
      <Timeline
        items={progress.timeline.map((step) => ({
          key: `${step.step}-${step.at}`,
          content: `${isOneOf(STEPS, step.step) ? t(`track.step.${step.step}`) : step.step} · ${time(step.at)}`,
        }))}
      />
    </Card>
  );
}
