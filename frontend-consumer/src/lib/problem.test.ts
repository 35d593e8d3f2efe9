import { describe, expect, it } from 'vitest';
import { createApiClient, unwrap } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { mockFetch, problem } from '@/testing/fetch-mock';
import {
  allFieldsShown,
  ApiError,
  errorMessage,
  fieldErrorMessage,
  fieldErrors,
  parseRetryAfter,
  retryAfterOf,
  toProblem,
  type Problem,
} from './problem';

const notFound: Problem = {
  type: 'about:blank',
  title: 'Not Found',
  status: 404,
  code: 'not_found',
  detail: 'Division 999999 does not exist.',
  detail_zh: '区划 999999 不存在。',
};

const message = (error: unknown) => errorMessage(error, i18n.t, i18n.language);

describe('errorMessage', () => {
  it('shows the Chinese detail in Chinese', () => {
    expect(message(new ApiError(404, notFound))).toBe('区划 999999 不存在。');
  });

  it('shows the English detail in English', async () => {
    await i18n.changeLanguage('en');
    expect(message(new ApiError(404, notFound))).toBe('Division 999999 does not exist.');
  });

  it('falls back to a translation of the code when the detail is empty', async () => {
    const bare = { ...notFound, code: 'too_many_requests' as const, detail: '', detail_zh: '' };
    expect(message(new ApiError(429, bare))).toBe('操作过于频繁，请稍后再试。');
    await i18n.changeLanguage('en');
    expect(message(new ApiError(429, bare))).toBe('Too many requests. Please wait and try again.');
  });

  it('names the HTTP status when the body is not a problem document', () => {
    expect(message(new ApiError(502, null))).toBe('请求失败（HTTP 502），请稍后重试。');
  });

  it('treats a rejected fetch as a network failure', () => {
    expect(message(new TypeError('Failed to fetch'))).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('has a generic message for anything else', () => {
    expect(message(new Error('boom'))).toBe('发生未知错误，请稍后重试。');
  });

  it('adds the field messages of a validation failure', async () => {
    const invalid: Problem = {
      type: '/problems/validation_failed',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'validation_failed',
      detail: 'Some fields are invalid.',
      detail_zh: '部分字段填写有误。',
      errors: [
        {
          field: 'code',
          code: 'division_code',
          message: 'The first two digits are not a province code.',
          message_zh: '行政区划代码的前两位不是有效的省级代码。',
        },
      ],
    };
    expect(message(new ApiError(422, invalid))).toBe('部分字段填写有误。行政区划代码的前两位不是有效的省级代码。');
    await i18n.changeLanguage('en');
    expect(message(new ApiError(422, invalid))).toBe(
      'Some fields are invalid. The first two digits are not a province code.',
    );
  });

  it('picks the field message for the current language', () => {
    const field = { field: 'phone', code: 'invalid', message: 'Invalid phone', message_zh: '手机号无效' };
    expect(fieldErrorMessage(field, 'zh-CN')).toBe('手机号无效');
    expect(fieldErrorMessage(field, 'en')).toBe('Invalid phone');
  });
});

describe('toProblem', () => {
  it('accepts a problem document and rejects other bodies', () => {
    expect(toProblem(notFound)).toEqual(notFound);
    expect(toProblem('<html>Bad Gateway</html>')).toBeNull();
    expect(toProblem({ message: 'nope' })).toBeNull();
    expect(toProblem(null)).toBeNull();
  });
});

describe('unwrap', () => {
  const client = createApiClient('http://api.test');

  it('returns the body of a successful response', async () => {
    mockFetch({ '/api/v1/divisions': { body: { items: [] } } });
    await expect(unwrap(client.GET('/api/v1/divisions', {}))).resolves.toEqual({ items: [] });
  });

  it('throws an ApiError carrying the problem document', async () => {
    mockFetch({
      '/api/v1/divisions/999999': problem(404, 'not_found', notFound.detail, notFound.detail_zh),
    });
    const error = await unwrap(
      client.GET('/api/v1/divisions/{code}', { params: { path: { code: '999999' } } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).problem?.code).toBe('not_found');
    expect(message(error)).toBe('区划 999999 不存在。');
  });
});

describe('validation failures in forms', () => {
  const invalid = new ApiError(422, {
    type: '/problems/validation_failed',
    title: 'Unprocessable Entity',
    status: 422,
    code: 'validation_failed',
    detail: 'Some fields are invalid.',
    detail_zh: '部分字段填写有误。',
    errors: [
      { field: 'code', code: 'invalid_code', message: 'Wrong or expired code.', message_zh: '验证码错误或已过期。' },
      { field: 'password', code: 'common', message: 'Too common.', message_zh: '密码过于常见。' },
      { field: 'password', code: 'too_short', message: 'Too short.', message_zh: '密码太短。' },
      { field: 'referrer', code: 'unknown_field', message: 'Unknown field.', message_zh: '未知字段。' },
    ],
  });

  it('groups the messages of the form\'s own fields per field', () => {
    expect(fieldErrors(invalid, 'zh-CN', ['code', 'password'])).toEqual([
      { name: 'code', errors: ['验证码错误或已过期。'] },
      { name: 'password', errors: ['密码过于常见。', '密码太短。'] },
    ]);
    expect(fieldErrors(invalid, 'en', ['code'])).toEqual([{ name: 'code', errors: ['Wrong or expired code.'] }]);
    expect(fieldErrors(new Error('x'), 'zh-CN', ['code'])).toEqual([]);
  });

  it('leaves only the other fields\' messages for the form-level message', () => {
    expect(allFieldsShown(invalid, ['code', 'password'])).toBe(false);
    expect(allFieldsShown(invalid, ['code', 'password', 'referrer'])).toBe(true);
    expect(errorMessage(invalid, i18n.t, 'zh-CN', ['code', 'password'])).toBe('部分字段填写有误。未知字段。');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(' 5 ')).toBe(5);
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('is the wait of a 429, with a minute when the server did not say', () => {
    const limited = (after: number | null) =>
      new ApiError(429, { type: 'x', title: 'x', status: 429, code: 'too_many_requests', detail: '', detail_zh: '' }, after);
    expect(retryAfterOf(limited(12))).toBe(12);
    expect(retryAfterOf(limited(null))).toBe(60);
    expect(retryAfterOf(new ApiError(503, null, 5))).toBeNull();
  });
});
