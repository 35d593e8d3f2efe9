// End-to-end tests: both built SPAs against the real server, in Debian's Chromium.
// The server is started fresh for every run (migrate --fresh, seed, serve) on its own
// database, Redis key prefix and port, so it never touches a developer's data.
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const here = import.meta.dirname;
const repoRoot = path.resolve(here, '../..');
const weiquanBin = path.resolve(here, process.env.WEIQUAN_BIN ?? '../../target/debug/weiquan');
// A relative WQ_REPORT_DIR is taken from where npm was started, not from tests/e2e.
const reportDir = process.env.WQ_REPORT_DIR
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.WQ_REPORT_DIR)
  : undefined;
// Port and database can be moved (WQ_E2E_PORT, WQ_E2E_DATABASE_URL) so that two checkouts on
// one machine can run their browser tests at the same time without sharing a server.
const PORT = process.env.WQ_E2E_PORT ?? '18080';
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATABASE_URL = process.env.WQ_E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/weiquan_e2e';
// Redis state (sessions, rate-limit windows such as 5 failed sign-ins per 15 minutes or 30
// SMS codes per address per hour, the development SMS log) outlives the server, while the
// database starts fresh every run: a key prefix per run makes Redis start fresh too, so
// reruns are not throttled by earlier ones. Old keys expire by their own TTLs. The run's name
// is put back in the environment, which the workers inherit, so a spec that runs a
// maintenance command of the server (admin-targets: `weiquan orders escalate`) gives it the
// same prefix as the server under test.
process.env.WQ_E2E_RUN ??= Date.now().toString(36);
const redisPrefix = `wq_e2e:${process.env.WQ_E2E_RUN}:`;

export default defineConfig({
  testDir: './specs',
  projects: [
    { name: 'main', testIgnore: /three-party\.spec\.ts$/ },
    // three-party.spec.ts counts every unread notification of shared demo accounts
    // (enterprise.handler, nanshan.handler), which other specs notify too: it runs alone,
    // after all of them.
    { name: 'story', testMatch: /three-party\.spec\.ts$/, dependencies: ['main'] },
  ],
  outputDir: './test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: reportDir
    ? [['list'], ['junit', { outputFile: path.join(reportDir, 'junit-e2e.xml') }]]
    : [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      // Debian's Chromium; Playwright must never download a browser.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    contextOptions: { reducedMotion: 'reduce' },
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'sh -c "$WEIQUAN_BIN migrate --fresh && $WEIQUAN_BIN seed && exec $WEIQUAN_BIN serve"',
    url: `${BASE_URL}/api/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      WEIQUAN_BIN: weiquanBin,
      WEIQUAN_ENV: 'development',
      DATABASE_URL,
      REDIS_KEY_PREFIX: redisPrefix,
      WEIQUAN_BIND: `127.0.0.1:${PORT}`,
      // Longer than the idle time of the test clients' pooled connections: with actix's 5 s,
      // a request sent on a connection the server was closing at that instant was reset
      // (ECONNRESET in consumer-identity.spec.ts).
      WEIQUAN_KEEP_ALIVE_SECS: '120',
      WEIQUAN_CONSUMER_DIST: path.join(repoRoot, 'frontend-consumer/dist'),
      WEIQUAN_ADMIN_DIST: path.join(repoRoot, 'frontend-admin/dist'),
      // Evidence uploaded by the specs: outside the repository (the default, var/attachments
      // relative to the working directory, would land in tests/e2e), one directory per port.
      ATTACHMENTS_DIR: path.join(os.tmpdir(), `weiquan-e2e-attachments-${PORT}`),
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
    },
  },
});
