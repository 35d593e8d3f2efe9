// The submission wizard's form values, how they become the API's OrderRequest, and where a
// server field error (`errors[].field`, the API's dotted name) belongs in the form: which
// field and which step.
import type { AppealKind, Channel, OrderRequest } from '../api/submit-order';

export type BusinessValues = {
  name?: string;
  credit_code?: string;
  division?: string;
  address?: string;
  channel?: Channel;
  platform?: string;
  platform_division?: string;
};

/** An uploaded evidence file as the draft keeps it. */
export type DraftAttachment = { id: number; file_name: string; media_type: string; size_bytes: number };

export type WizardValues = {
  kind: AppealKind;
  both?: boolean;
  anonymous?: boolean;
  business?: BusinessValues;
  conduct_division?: string;
  item?: string;
  bought_on?: string;
  amount_yuan?: number | null;
  request?: string;
  facts?: string;
  /** A leaf code of the taxonomy (goods or services category). */
  subject_category?: string | null;
  /** A problem type code. */
  problem_type?: string | null;
  /** A complaint about an approved ODR enterprise goes to it first. */
  enterprise_first?: boolean;
  attachments?: DraftAttachment[];
};

export type StepKey = 'kind' | 'business' | 'details' | 'review';

export const KINDS: readonly AppealKind[] = ['complaint', 'report', 'suggestion', 'consultation'];
export const CHANNELS: readonly Channel[] = ['offline', 'ecommerce_operator', 'platform_merchant'];

export function isKind(value: unknown): value is AppealKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** Complaints and reports name a business; suggestions and consultations do not. */
export function stepsFor(kind: AppealKind): StepKey[] {
  return kind === 'complaint' || kind === 'report'
    ? ['kind', 'business', 'details', 'review']
    : ['kind', 'details', 'review'];
}

const trimmed = (value: string | undefined): string | null => {
  const v = value?.trim();
  return v ? v : null;
};

/** Only what the chosen kind uses is sent (the server refuses the rest). */
export function toRequest(values: WizardValues): OrderRequest {
  const complaint = values.kind === 'complaint';
  const report = values.kind === 'report';
  const b = values.business ?? {};
  const channel = b.channel ?? 'offline';
  const merchant = channel === 'platform_merchant';
  const amount = values.amount_yuan;
  return {
    kind: values.kind,
    business:
      complaint || report
        ? {
            name: b.name?.trim() ?? '',
            credit_code: trimmed(b.credit_code)?.toUpperCase() ?? null,
            division: b.division ?? null,
            address: trimmed(b.address),
            channel,
            platform: merchant ? trimmed(b.platform) : null,
            platform_division: merchant ? (b.platform_division ?? null) : null,
          }
        : null,
    conduct_division: report ? (values.conduct_division ?? null) : null,
    item: complaint ? trimmed(values.item) : null,
    bought_on: complaint ? (values.bought_on || null) : null,
    amount_fen: complaint && typeof amount === 'number' ? Math.round(amount * 100) : null,
    request: complaint ? trimmed(values.request) : null,
    facts: values.facts?.trim() ?? '',
    subject_category: values.subject_category || null,
    problem_type: values.problem_type || null,
    anonymous: report ? Boolean(values.anonymous) : false,
    both: complaint ? Boolean(values.both) : false,
    enterprise_first: complaint ? Boolean(values.enterprise_first) : false,
    attachments: (values.attachments ?? []).map((a) => a.id),
  };
}

/** The form field (dotted path) that shows an API field's error, or null if none does. */
export function formFieldOf(apiField: string): string | null {
  if (apiField === 'amount_fen') return 'amount_yuan';
  // "Name the business" (no business at all) belongs under its name.
  if (apiField === 'business') return 'business.name';
  if (stepOfField(apiField) === null) return null;
  return apiField;
}

/** The step on which an API field is entered, or null for fields the form does not have. */
export function stepOfField(apiField: string): StepKey | null {
  if (['kind', 'both', 'anonymous'].includes(apiField)) return 'kind';
  if (
    apiField === 'business' ||
    apiField.startsWith('business.') ||
    apiField === 'conduct_division' ||
    apiField === 'enterprise_first'
  ) {
    return 'business';
  }
  if (['item', 'bought_on', 'amount_fen', 'amount_yuan', 'request', 'facts', 'subject_category', 'problem_type'].includes(apiField)) {
    return 'details';
  }
  if (/^attachments(\[\d+\])?$/.test(apiField)) return 'details';
  return null;
}

export function namePath(field: string): string[] {
  return field.split('.');
}
