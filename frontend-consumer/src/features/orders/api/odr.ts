// The enterprise self-settlement (ODR) part of an order as its consumer sees it: `odr` on
// GET /api/v1/orders/{id} (the enterprise, the 10-working-day due date, how it ended and the
// current proposal). The consumer answers a pending proposal with the order's actions
// `accept_enterprise_settlement` (no amount: the proposal's) or `reject_settlement` (a reason).
import type { components } from '@/api/schema';
import type { Order } from './get-order';

export const REMEDIES = ['refund', 'replacement', 'repair', 'compensation', 'other'] as const;
export const ODR_OUTCOMES = ['settled', 'rejected', 'expired', 'recalled', 'withdrawn'] as const;

export type OdrProposal = components['schemas']['ProposalDto'];
export type Odr = components['schemas']['OdrDto'];

/** The order's ODR block, or null when it never went to an enterprise. */
export function odrOf(order: Order): Odr | null {
  return order.odr ?? null;
}

export const ACCEPT = 'accept_enterprise_settlement';
export const REJECT = 'reject_settlement';
