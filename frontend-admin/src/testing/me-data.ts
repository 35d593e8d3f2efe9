// Staff as `GET /api/v1/me` answers them (shapes of the seeded demo accounts), and problem
// answers as the server sends them.
import type { Me } from '@/lib/auth';
import type { MockResponse } from './fetch-mock';

const nanshan = {
  id: 3207,
  name: '深圳市南山区市场监督管理局',
  kind: 'bureau',
  bureau_level: 'county',
  division_code: '440305',
};

/** nanshan.handler: a county handler, no second factor: the tree and the orders inbox. */
export const handler: Me = {
  user_id: 7,
  kind: 'member',
  display_name: '南山区办理人员',
  phone_masked: null,
  username: 'nanshan.handler',
  org: nanshan,
  roles: ['handler'],
  second_factor_required: false,
  second_factor_passed: false,
  capabilities: ['view_org_tree', 'view_orders'],
  csrf_token: 'csrf-handler',
  session_expires_at: 1_900_000_000,
};

/** nanshan.admin after the second factor. */
export const orgAdmin: Me = {
  ...handler,
  user_id: 8,
  display_name: '南山区管理员',
  username: 'nanshan.admin',
  roles: ['org_admin'],
  second_factor_required: true,
  second_factor_passed: true,
  capabilities: ['view_org_tree', 'manage_members', 'create_station', 'review_applications', 'search_audit'],
  csrf_token: 'csrf-admin',
};

/** nanshan.admin between the password and the second factor: no capabilities yet. */
export const orgAdminPending: Me = { ...orgAdmin, second_factor_passed: false, capabilities: [], csrf_token: 'csrf-pending' };

export const signedIn = (me: Me): MockResponse => ({ body: me });

function problemResponse(status: number, code: string, detail: string, detail_zh: string, headers?: Record<string, string>): MockResponse {
  return {
    status,
    headers,
    body: { type: `/problems/${code}`, title: code, status, code, detail, detail_zh },
  };
}

export const invalidCredentials = problemResponse(401, 'invalid_credentials', 'Wrong user name or password.', '用户名或密码错误。');
export const wrongCode = problemResponse(401, 'invalid_credentials', 'Wrong code.', '验证码错误。');
export const tooManyRequests = (seconds: number) =>
  problemResponse(429, 'too_many_requests', 'Too many attempts.', '尝试次数过多，请稍后再试。', {
    'retry-after': String(seconds),
  });
export const csrfRefused = problemResponse(403, 'csrf_token_invalid', 'Missing or wrong CSRF token.', 'CSRF 令牌缺失或错误。');

/** enterprise.handler of the ODR-approved demo enterprise (issue 5): its inbox and statistics. */
export const enterpriseHandler: Me = {
  ...handler,
  user_id: 31,
  display_name: '企业承办人',
  username: 'enterprise.handler',
  org: { id: 4001, name: '深圳维权演示科技有限公司', kind: 'enterprise', bureau_level: null, division_code: '440305' },
  roles: ['handler'],
  capabilities: ['view_orders', 'view_odr_stats' as Me['capabilities'][number]],
  csrf_token: 'csrf-enterprise',
};

/** szcc.handler of the Shenzhen consumer association: the orders delegated to it. */
export const associationHandler: Me = {
  ...handler,
  user_id: 32,
  display_name: '消委会承办人',
  username: 'szcc.handler',
  org: { id: 4100, name: '深圳市消费者委员会', kind: 'association', bureau_level: null, division_code: '440300' },
  roles: ['handler'],
  capabilities: ['view_orders'],
  csrf_token: 'csrf-association',
};
