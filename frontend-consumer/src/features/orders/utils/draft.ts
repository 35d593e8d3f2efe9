// The wizard's draft in localStorage, one per signed-in user, so a reload (or a closed tab)
// does not lose what was typed. It also holds the submission's Idempotency-Key: one key per
// draft, reused by every retry, so a double click or a lost answer never files twice.
// Uploaded evidence is part of the values (id, name, size), so a reload keeps it too.
import { userStorageKey } from '@/lib/user-storage';

export type DraftValues = Record<string, unknown>;

export type Draft = {
  values: DraftValues;
  step: string;
  /** The Idempotency-Key of this draft's submission. */
  key: string;
  /** When it was last saved (ms since the epoch). */
  savedAt: number;
};

/** `weiquan.appealDraft.<user_id>`: removed by a deliberate sign-out (`lib/user-storage`). */
export function draftStorageKey(userId: number): string {
  return userStorageKey('appealDraft', userId);
}

/** A random UUID; `crypto.randomUUID` exists only in secure contexts, so fall back. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function loadDraft(userId: number): Draft | null {
  try {
    const raw = localStorage.getItem(draftStorageKey(userId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.key !== 'string' || typeof draft.values !== 'object' || draft.values === null) return null;
    return {
      values: draft.values,
      step: typeof draft.step === 'string' ? draft.step : 'kind',
      key: draft.key,
      savedAt: typeof draft.savedAt === 'number' ? draft.savedAt : Date.now(),
    };
  } catch {
    // Storage disabled or a corrupt entry: start afresh.
    return null;
  }
}

export function saveDraft(userId: number, draft: Draft): void {
  try {
    localStorage.setItem(draftStorageKey(userId), JSON.stringify(draft));
  } catch {
    // Full or disabled storage: the form still works, only without a draft.
  }
}

export function clearDraft(userId: number): void {
  try {
    localStorage.removeItem(draftStorageKey(userId));
  } catch {
    // Nothing to clear.
  }
}
