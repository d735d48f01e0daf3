/**
 * What the browser tests share: the built `dist/` served with the fixture pages, Debian's
 * Chromium, and the few steps a visitor takes (find the launcher, type, send).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { type Route, type TestServer, serve } from './server.js';

export const SCREENSHOTS = 'test/screenshots';

export interface Harness {
  browser: Browser;
  server: TestServer;
  close(): Promise<void>;
}

/** Serves `dist/` and `test/fixtures/pages/` (plus `routes`) and starts Chromium. */
export async function startHarness(routes: Route[] = [], headers: Record<string, string> = {}): Promise<Harness> {
  if (!existsSync('dist/pain-care-chat.js') || !existsSync('dist/knowledge.json')) {
    throw new Error('dist/ is not built; run "npm run build" before the browser tests');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serve(['dist', 'test/fixtures/pages'], routes, headers);
  const browser = await launchChromium();
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface Visit {
  page: Page;
  /** Page exceptions and console errors. */
  errors: string[];
  warnings: string[];
}

/** Opens `path` in a fresh context (no shared storage), recording errors and warnings. */
export async function visit(harness: Harness, path: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('close', () => void context.close().catch(() => undefined));
  await page.goto(`${harness.server.url}${path}`);
  return { page, errors, warnings };
}

export const launcherOf = (page: Page) => page.getByRole('button', { name: /^Questions\? Open .*chat$/ });
export const questionBox = (page: Page) => page.getByRole('textbox', { name: 'Your question' });

export async function ask(page: Page, question: string): Promise<void> {
  await questionBox(page).fill(question);
  await questionBox(page).press('Enter');
}
