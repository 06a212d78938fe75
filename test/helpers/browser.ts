// The browser tests' harness: the real app listening on 127.0.0.1 over the test services, Debian's
// Chromium driven by playwright-core with the flags this machine needs, fresh profiles per page,
// and staff sign-in through the console's login form.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import type { Services } from '../../src/services.ts';

export interface BrowserHarness {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  /** A fresh profile (no cookies, no cache); bypassCSP only for injecting axe. */
  newPage(opts?: { bypassCSP?: boolean }): Promise<Page>;
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
  const newPage = async (opts: { bypassCSP?: boolean } = {}) => {
    const context = await browser.newContext({ bypassCSP: opts.bypassCSP ?? false, locale: 'zh-CN' });
    contexts.push(context);
    return context.newPage();
  };
  return {
    app,
    base,
    browser,
    newPage,
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
