// The enterprise self-settlement (ODR) part of an order as its consumer sees it: `odr` on
// GET /api/v1/orders/{id} (the enterprise, the 10-working-day due date, how it ended and the
// current proposal). The consumer answers a pending proposal with the order's actions
// `accept_enterprise_settlement` (no amount: the proposal's) or `reject_settlement` (a reason).
import type { Order } from './get-order';

export const REMEDIES = ['refund', 'replacement', 'repair', 'compensation', 'other'] as const;
export const ODR_OUTCOMES = ['settled', 'rejected', 'expired', 'recalled'] as const;

export type OdrProposal = {
  remedy: string;
  amount_fen?: number | null;
  terms: string;
  proposed_at: string;
  status: string;
};

export type Odr = {
  enterprise_org_id: number;
  enterprise_name: string;
  dispatched_on: string;
  due_on: string;
  first_answer_at?: string | null;
  outcome?: string | null;
  proposal?: OdrProposal | null;
};

/** The order's ODR block, or null when it never went to an enterprise. */
export function odrOf(order: Order): Odr | null {
  return (order as Order & { odr?: Odr | null }).odr ?? null;
}

export const ACCEPT = 'accept_enterprise_settlement';
export const REJECT = 'reject_settlement';
