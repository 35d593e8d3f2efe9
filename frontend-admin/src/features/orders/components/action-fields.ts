// What each action needs besides its name, as ActionRequest (routes/orders/act.rs) names it.
// Which actions exist for an order is never decided here: the panel shows `available_actions`.
import type { ActionRequest } from '../api/order';

export type FieldName =
  | 'ground'
  | 'termination_reason'
  | 'decision'
  | 'station_id'
  | 'handler_id'
  | 'to_id'
  | 'association_id'
  | 'recovered_fen'
  | 'party'
  | 'consents'
  | 'score'
  | 'remedy'
  | 'amount_fen'
  | 'terms';

/**
 * The fields of each action's form, named as the request names them so the server's field
 * errors land under them (all actions also have an optional 说明 `reason`).
 */
export const ACTION_FIELDS: Record<string, readonly FieldName[]> = {
  not_accept: ['ground'],
  assign_station: ['station_id'],
  assign_handler: ['handler_id'],
  transfer: ['to_id'],
  refer_up: ['to_id'],
  // The consumer's choice since ODR: the amount is the accepted proposal's, never typed.
  accept_enterprise_settlement: [],
  propose_settlement: ['remedy', 'amount_fen', 'terms'],
  settle: ['recovered_fen'],
  record_consent: ['party', 'consents'],
  delegate: ['association_id'],
  terminate: ['termination_reason'],
  decide_clue: ['decision'],
  decide_report: ['decision'],
  rate: ['score'],
};

/** Actions whose form has no optional 说明 (their own fields say it all). */
export const WITHOUT_REASON: readonly string[] = ['propose_settlement'];

export function fieldsOf(action: string): readonly FieldName[] {
  return ACTION_FIELDS[action] ?? [];
}

export type FormValues = Partial<{
  ground: string;
  termination_reason: string;
  decision: string;
  station_id: number;
  handler_id: number;
  to_id: number;
  association_id: number;
  /** In yuan, as typed; sent in fen. */
  recovered_fen: string;
  party: 'consumer' | 'business';
  consents: boolean;
  score: number;
  remedy: string;
  /** In yuan, as typed; sent in fen (null when left empty). */
  amount_fen: string;
  terms: string;
  reason: string;
}>;

/** ActionRequest, with the settlement proposal's fields since issue 5. */
export type SettlementRequest = ActionRequest;

export const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

/** Yuan as typed ("1280", "1,280.5") to whole fen, without floating-point rounding. */
export function yuanToFen(text: string): number | null {
  const clean = text.replace(/[,，\s]/g, '');
  if (!AMOUNT.test(clean)) return null;
  const [whole = '0', part = ''] = clean.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

/** The request body for `action` from the form's values. */
export function actionBody(action: string, values: FormValues): SettlementRequest {
  const body: SettlementRequest = { action };
  for (const field of fieldsOf(action)) {
    switch (field) {
      case 'recovered_fen':
        body.recovered_fen = yuanToFen(values.recovered_fen ?? '');
        break;
      case 'amount_fen':
        body.amount_fen = values.amount_fen?.trim() ? yuanToFen(values.amount_fen) : null;
        break;
      case 'terms':
        body.terms = values.terms?.trim() ?? '';
        break;
      default:
        (body as Record<string, unknown>)[field] = values[field];
    }
  }
  const reason = values.reason?.trim();
  if (reason && !WITHOUT_REASON.includes(action)) body.reason = reason;
  return body;
}

export const FORM_FIELDS: readonly string[] = [...new Set(Object.values(ACTION_FIELDS).flat()), 'reason'];
