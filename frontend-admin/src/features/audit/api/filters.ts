// The audit screen's filters as the address bar holds them (so a reload or a shared link
// shows the same search), and as the API wants them.
import dayjs from 'dayjs';
import type { AuditFilters } from './search-audit';

export const ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'second_factor_passed',
  'second_factor_failed',
  'account_locked',
  'access_denied',
  'user_registered',
  'user_invited',
  'user_updated',
  'user_disabled',
  'user_enabled',
  'password_changed',
  'password_reset',
  'role_changed',
  'org_created',
  'org_updated',
  'client_registered',
  'client_secret_rotated',
  'client_revoked',
  'client_token_issued',
  'client_token_refused',
  'session_revoked',
  'sessions_revoked_all',
  'audit_pruned',
  'invitation_resent',
  'invitation_revoked',
  'invitation_accepted',
  'application_submitted',
  'application_approved',
  'application_rejected',
  'category_created',
  'category_updated',
] as const;
export type AuditAction = (typeof ACTIONS)[number];

export const OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof OUTCOMES)[number];

/**
 * What the URL says: `org`, `action`, `outcome`, `login` (a user name or phone), `ip`,
 * `user_id`, `from` and `until` (YYYY-MM-DD).
 */
export type UrlFilters = {
  org?: number;
  action?: string;
  outcome?: string;
  login?: string;
  ip?: string;
  user_id?: number;
  from?: string;
  until?: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function readFilters(params: URLSearchParams): UrlFilters {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const day = (name: string) => {
    const value = text(name);
    return value && DAY.test(value) && dayjs(value).isValid() ? value : undefined;
  };
  return {
    org: positiveInt(params.get('org')),
    // Passed on as given: an unknown action is the server's 422 to report.
    action: text('action'),
    outcome: text('outcome'),
    login: text('login'),
    ip: text('ip'),
    user_id: positiveInt(params.get('user_id')),
    from: day('from'),
    until: day('until'),
  };
}

export function writeFilters(filters: UrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** Whole local days: from the start of `from` up to (not including) the day after `until`. */
export function apiFilters(filters: UrlFilters): AuditFilters {
  const result: AuditFilters = {};
  if (filters.action) result.action = filters.action;
  if (filters.outcome) result.outcome = filters.outcome;
  if (filters.login) result.login = filters.login;
  if (filters.ip) result.ip = filters.ip;
  if (filters.user_id !== undefined) result.user_id = filters.user_id;
  if (filters.from) result.from = dayjs(filters.from).startOf('day').toISOString();
  if (filters.until) result.until = dayjs(filters.until).add(1, 'day').startOf('day').toISOString();
  return result;
}
