// The one place that turns API errors (RFC 9457 problem+json with `code`, `detail` and
// `detail_zh`) and network failures into a message for the person using the app, and a
// validation failure's `errors[]` into messages under the matching form fields.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { isChinese } from './i18n';
import type { Translation } from './i18n/zh-CN';

export type Problem = components['schemas']['Problem'];
export type ErrorCode = components['schemas']['ErrorCode'];
export type FieldError = components['schemas']['FieldError'];

// Compile-time proof that every error code in the contract has a translated fallback.
const _everyCodeTranslated: Record<ErrorCode, string> = {} as Translation['problem']['code'];
void _everyCodeTranslated;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds to wait before trying again (`Retry-After` of a 429 or 503), if the server said. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem | null, retryAfter: number | null = null) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** Accepts a parsed error body and keeps it only if it looks like our problem document. */
export function toProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null) return null;
  const candidate = body as Partial<Problem>;
  return typeof candidate.code === 'string' && typeof candidate.status === 'number'
    ? (candidate as Problem)
    : null;
}

/** `Retry-After` in whole seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The problem code of an API error, or null for anything else. */
export function problemCode(error: unknown): ErrorCode | null {
  return error instanceof ApiError ? (error.problem?.code ?? null) : null;
}

/** Seconds until a rate-limited (429) request may be repeated, or null. */
export function retryAfterOf(error: unknown): number | null {
  return error instanceof ApiError && error.status === 429 ? (error.retryAfter ?? 60) : null;
}

/**
 * The problem's detail in the current language (or a translation of its code when the
 * detail is empty), followed by the per-field messages of a validation failure, except
 * those of `shownElsewhere` fields (a form shows them under the fields themselves).
 */
export function problemMessage(
  problem: Problem,
  t: TFunction,
  language: string,
  shownElsewhere: readonly string[] = [],
): string {
  const detail =
    (isChinese(language) ? problem.detail_zh : problem.detail) ||
    t(`problem.code.${problem.code}`, { defaultValue: t('problem.unknown') });
  const fields = (problem.errors ?? [])
    .filter((e) => !shownElsewhere.includes(e.field))
    .map((e) => fieldErrorMessage(e, language));
  return [detail, ...fields].join(isChinese(language) ? '' : ' ');
}

export function errorMessage(
  error: unknown,
  t: TFunction,
  language: string,
  shownElsewhere: readonly string[] = [],
): string {
  if (error instanceof ApiError) {
    return error.problem
      ? problemMessage(error.problem, t, language, shownElsewhere)
      : t('problem.status', { status: error.status });
  }
  // fetch rejects with a TypeError when the network or server cannot be reached.
  if (error instanceof TypeError) return t('problem.network');
  return t('problem.unknown');
}

export function fieldErrorMessage(fieldError: FieldError, language: string): string {
  return isChinese(language) ? fieldError.message_zh : fieldError.message;
}

/**
 * The messages of a validation failure for the form fields named in `fields` (API field
 * names, which the forms use as their own), grouped per field for antd's `form.setFields`.
 */
export function fieldErrors(
  error: unknown,
  language: string,
  fields: readonly string[],
): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError) || !error.problem?.errors) return [];
  const byField = new Map<string, string[]>();
  for (const e of error.problem.errors) {
    if (!fields.includes(e.field)) continue;
    byField.set(e.field, [...(byField.get(e.field) ?? []), fieldErrorMessage(e, language)]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/** True when every field error of a validation failure belongs to one of `fields`. */
export function allFieldsShown(error: unknown, fields: readonly string[]): boolean {
  return (
    error instanceof ApiError &&
    error.problem?.code === 'validation_failed' &&
    (error.problem.errors ?? []).length > 0 &&
    (error.problem.errors ?? []).every((e) => fields.includes(e.field))
  );
}

/** Hook form of `errorMessage`, bound to the current language. */
export function useErrorMessage(): (error: unknown, shownElsewhere?: readonly string[]) => string {
  const { t, i18n } = useTranslation();
  return (error, shownElsewhere) => errorMessage(error, t, i18n.language, shownElsewhere);
}

/** Hook form of `problemMessage`, bound to the current language. */
export function useProblemMessage(): (problem: Problem) => string {
  const { t, i18n } = useTranslation();
  return (problem) => problemMessage(problem, t, i18n.language);
}
