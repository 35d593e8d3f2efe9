// Enterprise self-settlement (ODR) as an order carries it: `odr` on GET /api/v1/orders/{id}
// (the enterprise, when it was dispatched, its 10-working-day due date, the first answer,
// how it ended and the current proposal), for the consumer, the enterprise and staff.
import type { components } from '@/api/schema';
import type { OrderDto } from './order';

/** What an enterprise may offer, in the order the settlement form lists them. */
export const REMEDIES = ['refund', 'replacement', 'repair', 'compensation', 'other'] as const;
export type Remedy = (typeof REMEDIES)[number];
/** Remedies that are an amount of money: the amount is required with them. */
export const MONEY_REMEDIES: readonly string[] = ['refund', 'compensation'];

export const ODR_OUTCOMES = ['settled', 'rejected', 'expired', 'recalled', 'withdrawn'] as const;
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'superseded', 'lapsed'] as const;

export type OdrProposal = components['schemas']['ProposalDto'];
export type Odr = components['schemas']['OdrDto'];

/** The order's ODR block, or null when it never went to an enterprise. */
export function odrOf(order: OrderDto): Odr | null {
  return order.odr ?? null;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Working days (Monday to Friday) after `today` up to and including `due`, both
 * `YYYY-MM-DD`; 0 on the due date itself, negative when past it. An estimate: the console
 * does not know the holiday calendar of every caller (enterprises may not read it), so
 * public holidays and make-up working days are not counted; the due date, which the server
 * computed with the calendar, is what counts.
 */
export function workingDaysLeft(today: string, due: string): number {
  const start = Date.parse(`${today}T00:00:00Z`);
  const end = Date.parse(`${due}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return 0;
  const sign = end >= start ? 1 : -1;
  let count = 0;
  for (let at = start; sign > 0 ? at < end : at > end; at += sign * DAY) {
    const next = new Date(at + sign * DAY).getUTCDay();
    const day = sign > 0 ? next : new Date(at).getUTCDay();
    if (day !== 0 && day !== 6) count += sign;
  }
  return count;
}

/** Today in China (UTC+8) as `YYYY-MM-DD`: due dates are Beijing calendar days. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
