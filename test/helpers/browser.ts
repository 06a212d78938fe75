// The browser tests' harness: the real app listening on 127.0.0.1 over the test services, Debian's
// Chromium driven by playwright-core with the flags this machine needs, fresh profiles per page,
// and staff sign-in through the console's login form; useBrowserFixture sets it all up for a test file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import type { Services } from '../../src/services.ts';
import { createFixture, type Fixture, type FixtureUserKey } from '../factories.ts';
import { createTestServices, type TestServices } from './test-services.ts';

export interface BrowserHarness {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  /** A fresh profile (no cookies, no cache); bypassCSP only for injecting axe. */
  newPage(opts?: { bypassCSP?: boolean }): Promise<Page>;
  /** A fresh context (zh-CN unless told otherwise) closed with the harness. */
  newContext(opts?: BrowserContextOptions): Promise<BrowserContext>;
  /** A fresh profile signed in to the console. */
  signIn(username: string, password: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserHarness(services: Services): Promise<BrowserHarness> {
  const app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  const newContext = async (opts: BrowserContextOptions = {}) => {
    const context = await browser.newContext({ locale: 'zh-CN', ...opts });
    contexts.push(context);
    return context;
  };
  const newPage = async (opts: { bypassCSP?: boolean } = {}) => (await newContext({ bypassCSP: opts.bypassCSP ?? false })).newPage();
  return {
    app,
    base,
    browser,
    newPage,
    newContext,
    async signIn(username, password) {
      const page = await newPage();
      await page.goto(`${base}/console/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/console/login')), page.getByRole('button', { name: '登录' }).click()]);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await app.close();
    },
  };
}

/** What useBrowserFixture gives the browser tests: the services, the fixture and the harness. */
export interface BrowserFixture extends Omit<BrowserHarness, 'signIn' | 'close'> {
  services: TestServices;
  fx: Fixture;
  /** A fresh profile signed in to the console as a fixture user. */
  signIn(user: FixtureUserKey): Promise<Page>;
  /** One signed-in page per fixture user, kept for the whole file (a journey's desks). */
  staff(user: FixtureUserKey): Promise<Page>;
}

/**
 * Registers before/after hooks: fresh test services and the two-agency fixture, `setup` for the
 * file's data, then the app listening and Chromium; all closed after the tests. Read the fields
 * inside tests and hooks only.
 */
export function useBrowserFixture(opts: { setup?: (s: { services: TestServices; fx: Fixture }) => Promise<void> } = {}): BrowserFixture {
  let services: TestServices | undefined;
  let fx: Fixture | undefined;
  let harness: BrowserHarness | undefined;
  const desks = new Map<FixtureUserKey, Page>();
  const ready = () => {
    if (!services || !fx || !harness) throw new Error('the browser fixture is read before its before() hook has run');
    return { services, fx, harness };
  };
  const signIn = (user: FixtureUserKey) => {
    const r = ready();
    return r.harness.signIn(r.fx.users[user].username, r.fx.password);
  };
  before(async () => {
    services = await createTestServices();
    fx = await createFixture(services);
    await opts.setup?.({ services, fx });
    harness = await startBrowserHarness(services);
  });
  after(async () => {
    await harness?.close();
    await services?.cleanup();
  });
  return {
    get services() { return ready().services; },
    get fx() { return ready().fx; },
    get app() { return ready().harness.app; },
    get base() { return ready().harness.base; },
    get browser() { return ready().harness.browser; },
    newPage: (o) => ready().harness.newPage(o),
    newContext: (o) => ready().harness.newContext(o),
    signIn,
    async staff(user) {
      const known = desks.get(user);
      if (known) return known;
      const page = await signIn(user);
      desks.set(user, page);
      return page;
    },
  };
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeResult {
  passes: unknown[];
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] }[];
}

/**
 * Runs axe-core's WCAG 2.1 AA rules on the page as loaded (the page's context needs bypassCSP to
 * take the script): how many rules passed, and each violation with its nodes shortened.
 */
export async function axeScan(page: Page): Promise<{ passes: number; violations: { id: string; impact: string; help: string; nodes: string[] }[] }> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`) })),
    };
  }, WCAG_TAGS);
}
