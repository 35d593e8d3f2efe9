// What the console shows a user, read from `me` alone. The server decides permissions and
// sends them as `me.capabilities`; the console never works them out from roles or levels
// (compare ant-design-pro's access.ts, here fed by the server).
import type { components } from '@/api/schema';
import type { Me } from './auth';

export type Capability = components['schemas']['CapabilityDto'];

/** A staff member whose sign-in is complete (second factor passed where it is required). */
export function isStaffSignedIn(me: Me | null | undefined): me is Me {
  return (
    me !== null &&
    me !== undefined &&
    me.kind === 'member' &&
    (!me.second_factor_required || me.second_factor_passed)
  );
}

/** Signed in with a password but still owing the second factor (code or enrolment). */
export function isAwaitingSecondFactor(me: Me | null | undefined): boolean {
  return !!me && me.kind === 'member' && me.second_factor_required && !me.second_factor_passed;
}

export function can(me: Me | null | undefined, capability: Capability): boolean {
  return isStaffSignedIn(me) && me.capabilities.includes(capability);
}

export type NavigationKey =
  | 'status'
  | 'orders'
  | 'odr-stats'
  | 'supervision'
  | 'organisations'
  | 'members'
  | 'applications'
  | 'api-clients'
  | 'audit'
  | 'taxonomy'
  | 'calendar'
  | 'outbox'
  | 'sessions';

/**
 * The side menu's entries, in order. 系统状态 is public; 工单 needs `view_orders` (named
 * 企业工单 for an enterprise, 委托调解 for an association); 企业统计 `view_odr_stats`; 督办 `supervise`; 组织机构 needs `view_org_tree`,
 * 人员管理 `manage_members`, 入驻审核 `review_applications`, 接口客户端 `manage_api_clients`,
 * 审计日志 `search_audit`, 分类目录 `manage_taxonomy`, 节假日安排 `view_calendar`, 消息投递 `manage_outbox`; 登录设备 needs only a
 * completed sign-in.
 */
export function navigationFor(me: Me | null | undefined): NavigationKey[] {
  const keys: NavigationKey[] = ['status'];
  if (can(me, 'view_orders')) keys.push('orders');
  if (can(me, 'view_odr_stats')) keys.push('odr-stats');
  if (can(me, 'supervise')) keys.push('supervision');
  if (can(me, 'view_org_tree')) keys.push('organisations');
  if (can(me, 'manage_members')) keys.push('members');
  if (can(me, 'review_applications')) keys.push('applications');
  if (can(me, 'manage_api_clients')) keys.push('api-clients');
  if (can(me, 'search_audit')) keys.push('audit');
  if (can(me, 'manage_taxonomy')) keys.push('taxonomy');
  if (can(me, 'view_calendar')) keys.push('calendar');
  if (can(me, 'manage_outbox')) keys.push('outbox');
  if (isStaffSignedIn(me)) keys.push('sessions');
  return keys;
}

/** What the orders inbox is for this user's unit: an enterprise's, an association's or staff's. */
export type InboxKind = 'enterprise' | 'association' | 'staff';

export function inboxKind(me: Me | null | undefined): InboxKind {
  const kind = me?.org?.kind;
  return kind === 'enterprise' ? 'enterprise' : kind === 'association' ? 'association' : 'staff';
}
