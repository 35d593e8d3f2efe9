// The one place that turns API errors (RFC 9457 problem+json with `code`, `detail` and
// `detail_zh`) and network failures into a message for the person using the app.
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

  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
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

/**
 * The problem's detail in the current language (or a translation of its code when the
 * detail is empty), followed by the per-field messages of a validation failure.
 */
export function problemMessage(problem: Problem, t: TFunction, language: string): string {
  const detail =
    (isChinese(language) ? problem.detail_zh : problem.detail) ||
    t(`problem.code.${problem.code}`, { defaultValue: t('problem.unknown') });
  const fields = (problem.errors ?? []).map((e) => fieldErrorMessage(e, language));
  return [detail, ...fields].join(isChinese(language) ? '' : ' ');
}

export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (error instanceof ApiError) {
    return error.problem
      ? problemMessage(error.problem, t, language)
      : t('problem.status', { status: error.status });
  }
  // fetch rejects with a TypeError when the network or server cannot be reached.
  if (error instanceof TypeError) return t('problem.network');
  return t('problem.unknown');
}

export function fieldErrorMessage(fieldError: FieldError, language: string): string {
  return isChinese(language) ? fieldError.message_zh : fieldError.message;
}

/** Hook form of `errorMessage`, bound to the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => errorMessage(error, t, i18n.language);
}

/** Hook form of `problemMessage`, bound to the current language. */
export function useProblemMessage(): (problem: Problem) => string {
  const { t, i18n } = useTranslation();
  return (problem) => problemMessage(problem, t, i18n.language);
}
