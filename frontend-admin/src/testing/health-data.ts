export const readyBody = {
  status: 'ok',
  checks: {
    postgres: { ok: true, latency_ms: 1.25 },
    redis: { ok: true, latency_ms: 0.4 },
  },
};

export const redisDownProblem = {
  type: 'about:blank',
  title: 'Service Unavailable',
  status: 503,
  code: 'service_unavailable',
  detail: 'A dependency is unreachable: redis.',
  detail_zh: '依赖服务不可用：redis。',
  unavailable: ['redis'],
};
