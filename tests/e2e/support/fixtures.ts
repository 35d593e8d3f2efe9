// The shared test fixture. Every page is watched: a console error, an uncaught exception,
// a failed request (not one the page cancelled by navigating) or any 4xx/5xx response fails
// the test, unless the test said up front
// that it expects that URL to fail (`diagnostics.allow(/pattern/)`).
//
// One failure is expected everywhere: both apps ask `GET /api/v1/me` who is signed in, and
// the answer for a visitor is 401. That 401 (and the console line Chromium logs for it) is
// allowed on every page; any other status from /me, and a 401 from anything else, is not.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The who-am-I request, whose 401 means "signed out", not an error. */
const ME = /\/api\/v1\/me$/;

class Diagnostics {
  private readonly problems: { message: string; url: string }[] = [];
  private readonly allowed: RegExp[] = [];

  /** Lets requests whose URL matches `pattern` fail (and the console lines they cause). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  record(message: string, url: string): void {
    this.problems.push({ message, url });
  }

  unexpected(): string[] {
    return this.problems
      .filter(({ url }) => !this.allowed.some((pattern) => pattern.test(url)))
      .map(({ message }) => message);
  }
}

type Fixtures = {
  diagnostics: Diagnostics;
  /** Runs axe on the page as it is now; fails on critical and serious violations. */
  checkA11y: (label?: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  diagnostics: async ({}, use) => {
    await use(new Diagnostics());
  },

  page: async ({ page, diagnostics }, use) => {
    page.on('console', (msg) => {
      const signedOut = ME.test(msg.location().url) && /status of 401/.test(msg.text());
      if (msg.type() === 'error' && !signedOut) {
        diagnostics.record(`console error: ${msg.text()} (${msg.location().url})`, msg.location().url);
      }
    });
    page.on('pageerror', (error) => diagnostics.record(`page error: ${error.message}`, page.url()));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      // Chromium reports a request that the page itself cancelled (a navigation or reload
      // while it was in flight) as net::ERR_ABORTED: the browser gave it up, nothing failed.
      if (reason === 'net::ERR_ABORTED') return;
      diagnostics.record(`request failed: ${request.method()} ${request.url()} ${reason}`, request.url());
    });
    page.on('response', (response) => {
      const signedOut =
        response.status() === 401 && response.request().method() === 'GET' && ME.test(response.url());
      if (response.status() >= 400 && !signedOut) {
        diagnostics.record(
          `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`,
          response.url(),
        );
      }
    });
    await use(page);
    expect(diagnostics.unexpected(), 'console errors, page errors or failed requests').toEqual([]);
  },

  checkA11y: async ({ page }, use, testInfo) => {
    await use(async (label = 'page') => {
      // Judge the settled page: while a dialog fades in, the page behind it is mid-way
      // between two colours and axe would measure contrast on a frame nobody reads.
      // Spinners run forever, so only finite animations are awaited, and never past 2 s.
      await page.evaluate(() =>
        Promise.race([
          Promise.all(
            document
              .getAnimations()
              .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
              .map((animation) => animation.finished.catch(() => undefined)),
          ),
          new Promise((resolve) => setTimeout(resolve, 2000)),
        ]),
      );
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter(
        (v) => v.impact === 'critical' || v.impact === 'serious',
      );
      const others = results.violations.filter((v) => !blocking.includes(v));
      for (const v of others) {
        testInfo.annotations.push({
          type: `axe ${v.impact ?? 'unknown'}`,
          description: `${label}: ${v.id} (${v.nodes.length}) ${v.help}`,
        });
      }
      const summary = blocking.map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n` +
          v.nodes
            .slice(0, 5)
            .map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
            .join('\n'),
      );
      expect(summary, `axe violations on ${label}`).toEqual([]);
    });
  },
});

export { expect };

/** True when the page cannot be scrolled sideways. */
export async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

/**
 * Clicks `option` of an ant-design select until `chosen` holds. A click that lands while the
 * list is re-rendering (a search's answer arriving) can pick nothing and leave the list open,
 * or closed (both seen under load in CI): then the option is clicked again, after `reopen`
 * when the list closed.
 */
export async function clickOptionUntil(
  page: Page,
  option: Locator,
  { reopen, chosen }: { reopen: () => Promise<void>; chosen: () => Promise<void> },
): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if ((await open.count()) === 0) await reopen();
    await option.click({ timeout: 3_000 });
    await chosen();
  }).toPass({ timeout: 20_000 });
}

/**
 * Opens the select labelled `label`, searches for `name` and picks it with the mouse, until
 * the list closes with the choice made ([`clickOptionUntil`]).
 */
export async function pickOption(page: Page, label: string, name: string): Promise<void> {
  const combobox = page.getByLabel(label, { exact: true });
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const search = async () => {
    await combobox.click();
    await combobox.fill(name.slice(0, 2));
  };
  await expect(combobox).toBeEnabled();
  await search();
  await clickOptionUntil(page, open.locator('.ant-select-item-option').filter({ hasText: name }).first(), {
    reopen: search,
    chosen: () => expect(open).toHaveCount(0, { timeout: 2_000 }),
  });
}
