// 提交诉求: a step-by-step form for a complaint, report, suggestion or consultation.
// - The draft (values, step and the submission's Idempotency-Key) is kept in localStorage for
//   the signed-in user, restored on the next visit and cleared once filed or discarded.
// - The server decides what is valid: its field errors appear under the fields they name,
//   and the wizard goes back to the first step that has one.
// - One Idempotency-Key per draft, sent with every attempt: retries never file twice.
import { Alert, Button, Card, Flex, Form, Popconfirm, Steps } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { ApiError, fieldErrorMessage } from '@/lib/problem';
import { useSubmitOrder, type AppealKind, type OrderReceipt } from '../api/submit-order';
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft, type Draft } from '../utils/draft';
import { formFieldOf, stepOfField, stepsFor, toRequest, type StepKey, type WizardValues } from '../utils/wizard-model';
import { ReviewStep, type DivisionLabel } from './wizard-review';
import { BusinessStep, DetailsStep, KindStep, type DivisionInput, type EvidenceState, type FieldStatus } from './wizard-steps';
import { formatDateTime } from './labels';
import './orders.css';

type AppealWizardProps = {
  userId: number;
  /** Chooses a division (code) — the portal's division picker, given by the page. */
  DivisionInput: DivisionInput;
  /** Shows a division code as its name. */
  DivisionLabel: DivisionLabel;
  /** Preselected kind for a new draft (from a link such as /appeals/new?kind=report). */
  initialKind?: AppealKind | undefined;
  onSubmitted: (receipt: OrderReceipt) => void;
};

type ServerErrors = Record<string, string[]>;

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function AppealWizard({ userId, DivisionInput, DivisionLabel, initialKind, onSubmitted }: AppealWizardProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<WizardValues>();
  const [restored] = useState(() => loadDraft(userId));
  const [draftKey, setDraftKey] = useState(() => restored?.key ?? newIdempotencyKey());
  const [step, setStep] = useState<StepKey>(() => (restored?.step as StepKey | undefined) ?? 'kind');
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [serverErrors, setServerErrors] = useState<ServerErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [jumped, setJumped] = useState(false);
  const [hasDraft, setHasDraft] = useState(restored !== null);
  const submit = useSubmitOrder();
  // A second click while the first request is on its way does nothing.
  const inFlight = useRef(false);
  // Evidence files still uploading: "next" waits for them.
  const uploading = useRef(false);
  const initialValues = useMemo<WizardValues>(
    () => (restored?.values as WizardValues | undefined) ?? { kind: initialKind ?? 'complaint', business: { channel: 'offline' } },
    [restored, initialKind],
  );

  const kind = Form.useWatch('kind', { form, preserve: true }) ?? initialValues.kind;
  const channel = Form.useWatch(['business', 'channel'], { form, preserve: true }) ?? 'offline';
  const steps = stepsFor(kind);
  const current = steps.includes(step) ? step : 'kind';
  const index = steps.indexOf(current);

  const persist = useCallback(
    (nextStep: StepKey, key: string = draftKey) => {
      const draft: Draft = { values: form.getFieldsValue(true) as Record<string, unknown>, step: nextStep, key, savedAt: Date.now() };
      saveDraft(userId, draft);
      setHasDraft(true);
    },
    [form, userId, draftKey],
  );

  const goTo = (next: StepKey) => {
    setStep(next);
    setJumped(false);
    persist(next);
    window.scrollTo?.({ top: 0 });
  };

  const next = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const following = steps[index + 1];
    if (following) goTo(following);
  };

  const status: FieldStatus = (field) => {
    const messages = serverErrors[field];
    return messages ? { validateStatus: 'error', help: messages.join(' ') } : {};
  };

  const evidence: EvidenceState = {
    fileErrors: (i) => serverErrors[`attachments[${i}]`],
    onBusyChange: (busy) => {
      uploading.current = busy;
    },
    isBusy: () => uploading.current,
  };

  const onValuesChange = (changed: Partial<WizardValues>) => {
    // An edited field's server error is out of date (for the evidence: any change renumbers).
    const touched = new Set<string>();
    const walk = (value: unknown, prefix: string) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
      } else {
        touched.add(prefix);
      }
    };
    walk(changed, '');
    const stale = (f: string) => touched.has(f) || touched.has(f.replace(/\[\d+\]$/, ''));
    if (Object.keys(serverErrors).some(stale)) {
      setServerErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([f]) => !stale(f))));
    }
    persist(current);
  };

  const fail = (failure: unknown) => {
    setError(failure);
    const fieldErrors = failure instanceof ApiError ? (failure.problem?.errors ?? []) : [];
    const placed: ServerErrors = {};
    for (const e of fieldErrors) {
      const field = formFieldOf(e.field);
      if (!field) continue;
      placed[field] = [...(placed[field] ?? []), fieldErrorMessage(e, i18n.language)];
    }
    setServerErrors(placed);
    const first = steps.find((s) => fieldErrors.some((e) => stepOfField(e.field) === s));
    if (first && first !== 'review') {
      setStep(first);
      setJumped(true);
      persist(first);
    }
  };

  const send = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setError(null);
    setJumped(false);
    const body = toRequest(form.getFieldsValue(true) as WizardValues);
    submit.mutate(
      { body, key: draftKey },
      {
        onSuccess: (receipt) => {
          clearDraft(userId);
          onSubmitted(receipt);
        },
        onError: fail,
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  const discard = () => {
    clearDraft(userId);
    const key = newIdempotencyKey();
    setDraftKey(key);
    form.resetFields();
    form.setFieldsValue({ kind: initialKind ?? 'complaint', business: { channel: 'offline' } });
    setServerErrors({});
    setError(null);
    setShowRestored(false);
    setHasDraft(false);
    setJumped(false);
    setStep('kind');
  };

  // API field names whose messages are shown under fields (FormError leaves them out).
  const shownFields = Object.keys(serverErrors).length
    ? ((error instanceof ApiError ? error.problem?.errors : undefined) ?? [])
        .filter((e) => formFieldOf(e.field) !== null)
        .map((e) => e.field)
    : [];

  return (
    <Card className="wq-appeal-wizard">
      {showRestored && restored ? (
        <Alert
          type="info"
          showIcon
          closable={{ 'aria-label': t('orders.wizard.close') }}
          onClose={() => setShowRestored(false)}
          data-testid="draft-restored"
          title={t('orders.wizard.restored', { time: formatDateTime(new Date(restored.savedAt).toISOString(), i18n.language) })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <nav aria-label={t('orders.wizard.stepsLabel')}>
        <Steps
          size="small"
          current={index}
          style={{ marginBottom: 24 }}
          items={steps.map((s) => ({
            key: s,
            title: t(`orders.wizard.step.${s}`),
            status: Object.keys(serverErrors).some((f) => stepOfField(f) === s) ? 'error' : undefined,
          }))}
        />
      </nav>
      {jumped ? <Alert type="warning" showIcon title={t('orders.wizard.fixErrors')} style={{ marginBottom: 16 }} data-testid="fix-errors" /> : null}
      <FormError error={error} fields={shownFields} />
      <Form<WizardValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={() => void next()}
        requiredMark
        scrollToFirstError
      >
        <section aria-label={t(`orders.wizard.step.${current}`)} data-testid={`step-${current}`}>
          {current === 'kind' ? <KindStep kind={kind} status={status} /> : null}
          {current === 'business' ? (
            <BusinessStep kind={kind} channel={channel} status={status} DivisionInput={DivisionInput} />
          ) : null}
          {current === 'details' ? <DetailsStep kind={kind} status={status} today={localToday()} evidence={evidence} /> : null}
          {current === 'review' ? (
            <ReviewStep
              values={form.getFieldsValue(true) as WizardValues}
              steps={steps}
              onEdit={goTo}
              DivisionLabel={DivisionLabel}
            />
          ) : null}
        </section>
        <Flex gap={12} wrap justify="space-between" style={{ marginTop: 24 }}>
          <Flex gap={12} wrap>
            {index > 0 ? <Button onClick={() => goTo(steps[index - 1] ?? 'kind')}>{t('orders.wizard.back')}</Button> : null}
            {current === 'review' ? (
              <Button type="primary" onClick={send} loading={submit.isPending} data-testid="submit-appeal">
                {t('orders.wizard.submit')}
              </Button>
            ) : (
              <Button type="primary" htmlType="submit">
                {t('orders.wizard.next')}
              </Button>
            )}
          </Flex>
          {hasDraft ? (
            <Popconfirm
              title={t('orders.wizard.discardConfirm')}
              description={t('orders.wizard.discardText')}
              okText={t('orders.wizard.discardOk')}
              cancelText={t('orders.wizard.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={discard}
            >
              <Button type="text" danger>
                {t('orders.wizard.discard')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Form>
    </Card>
  );
}
