// Signed-in users as `GET /api/v1/me` answers them, and helpers to answer as the server does.
import type { Me } from '@/lib/auth';
import type { MockResponse } from './fetch-mock';

export const consumer: Me = {
  user_id: 41,
  kind: 'consumer',
  display_name: '张三',
  phone_masked: '138****8000',
  username: null,
  org: null,
  roles: [],
  second_factor_required: false,
  second_factor_passed: false,
  capabilities: [],
  csrf_token: 'csrf-consumer-1',
  session_expires_at: 1_900_000_000,
};

export const signedIn = (me: Me = consumer): MockResponse => ({ body: me });

export function validationFailed(errors: { field: string; code: string; message: string; message_zh: string }[]): MockResponse {
  return {
    status: 422,
    body: {
      type: '/problems/validation_failed',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'validation_failed',
      detail: 'Some fields are invalid.',
      detail_zh: '部分字段填写有误。',
      errors,
    },
  };
}

export function tooManyRequests(seconds: number): MockResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(seconds) },
    body: {
      type: '/problems/too_many_requests',
      title: 'Too Many Requests',
      status: 429,
      code: 'too_many_requests',
      detail: 'Too many attempts. Try again later.',
      detail_zh: '尝试次数过多，请稍后再试。',
    },
  };
}

export const invalidCredentials: MockResponse = {
  status: 401,
  body: {
    type: '/problems/invalid_credentials',
    title: 'Unauthorized',
    status: 401,
    code: 'invalid_credentials',
    detail: 'Wrong phone number or password.',
    detail_zh: '手机号或密码错误。',
  },
};

export const csrfRefused: MockResponse = {
  status: 403,
  body: {
    type: '/problems/csrf_token_invalid',
    title: 'Forbidden',
    status: 403,
    code: 'csrf_token_invalid',
    detail: 'Missing or wrong CSRF token.',
    detail_zh: 'CSRF 令牌缺失或错误。',
  },
};
