import { describe, expect, it } from 'vitest';
import { handler, orgAdmin, orgAdminPending } from '@/testing/me-data';
import { can, isAwaitingSecondFactor, isStaffSignedIn, navigationFor } from './access';

describe('what the console shows, from me alone', () => {
  it('a visitor sees only the status page', () => {
    expect(navigationFor(null)).toEqual(['status']);
    expect(navigationFor(undefined)).toEqual(['status']);
  });

  it('a handler with view_orders and view_org_tree sees the inbox, the tree and their devices', () => {
    expect(navigationFor(handler)).toEqual(['status', 'orders', 'organisations', 'sessions']);
    expect(can(handler, 'view_orders')).toBe(true);
    expect(can(handler, 'view_org_tree')).toBe(true);
    expect(can(handler, 'manage_members')).toBe(false);
  });

  it('a supervisor (supervise) also sees 督办 after 工单', () => {
    const supervisor = { ...handler, capabilities: ['view_org_tree' as const, 'view_orders' as const, 'supervise' as const] };
    expect(navigationFor(supervisor)).toEqual(['status', 'orders', 'supervision', 'organisations', 'sessions']);
  });

  it('follows the capabilities the server sent, not the roles', () => {
    const noTree = { ...orgAdmin, capabilities: [] };
    expect(navigationFor(noTree)).toEqual(['status', 'sessions']);
    expect(can(noTree, 'manage_members')).toBe(false);
  });

  it('a session still owing its second factor counts as not signed in', () => {
    expect(isStaffSignedIn(orgAdminPending)).toBe(false);
    expect(isAwaitingSecondFactor(orgAdminPending)).toBe(true);
    expect(navigationFor({ ...orgAdminPending, capabilities: ['view_org_tree'] })).toEqual(['status']);
    expect(isStaffSignedIn(orgAdmin)).toBe(true);
  });

  it('an administrator with manage_members and search_audit also sees 人员管理 and 审计日志', () => {
    expect(navigationFor(orgAdmin)).toEqual(['status', 'organisations', 'members', 'applications', 'audit', 'sessions']);
    expect(navigationFor({ ...orgAdmin, capabilities: ['manage_api_clients'] })).toEqual(['status', 'api-clients', 'sessions']);
    expect(navigationFor({ ...orgAdmin, capabilities: ['search_audit'] })).toEqual(['status', 'audit', 'sessions']);
    expect(navigationFor({ ...orgAdmin, capabilities: ['search_audit', 'manage_taxonomy'] })).toEqual([
      'status',
      'audit',
      'taxonomy',
      'sessions',
    ]);
    expect(navigationFor({ ...orgAdmin, capabilities: ['view_calendar'] })).toEqual(['status', 'calendar', 'sessions']);
    expect(navigationFor({ ...orgAdmin, capabilities: ['manage_outbox'] })).toEqual(['status', 'outbox', 'sessions']);
  });

  it('a consumer session is not a staff sign-in', () => {
    const consumer = { ...handler, kind: 'consumer' as const, org: null, capabilities: [] };
    expect(isStaffSignedIn(consumer)).toBe(false);
    expect(navigationFor(consumer)).toEqual(['status']);
  });
});
