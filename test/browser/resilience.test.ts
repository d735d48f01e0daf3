/**
 * What a visitor meets when things go wrong around the chat, in Chromium with the built
 * `dist/`: the API used before the chat's code has loaded, a knowledge file that is
 * missing, broken, refused, offline or hanging (emergencies are still answered), one
 * instruction per urgent reply, a crisis line that takes texts, the chat's code failing to
 * load (the phone and booking link, then a retry), a sandboxed frame without forms, and
 * landmarks that do not compete with the page's own.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, ask, launcherOf, questionBox, startHarness } from './harness.js';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const EMERGENCY = "my husband took too many of his pain pills and won't wake up";

/** A plain page with the README's snippet; `data` adds attributes to the script tag, `after` more of the page after it. */
const pageWith = (data = '', after = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Clinic</title></head><body>` +
  `<header><h1>Harbor Spine &amp; Pain</h1></header><main><p>Welcome.</p></main>` +
  `<script type="module" src="/pain-care-chat.js" data-clinic-name="Test Clinic" data-booking-url="https://clinic.example/book" data-phone="(555) 010-2000" ${data}></script>${after}</body></html>`;

const PAGES: Record<string, string> = {
  '/api-early.html': pageWith(
    '',
    `<button id="ask-rfa" type="button">Ask about RFA</button><output id="defined"></output>` +
      `<script type="module">
        const chat = document.querySelector('pain-care-chat');
        document.querySelector('#defined').value = String(customElements.get('pain-care-chat') !== undefined) + ' ' + String(chat.isOpen);
        chat.strings = { panelTitle: 'Ask {clinic} early' };
        document.querySelector('#ask-rfa').addEventListener('click', () => chat.ask('How long does RFA last?'));
      </script>`,
  ),
  '/missing.html': pageWith('data-knowledge="/no-such-knowledge.json"'),
  '/corrupt.html': pageWith('data-knowledge="/corrupt-knowledge.json"'),
  '/refused.html': pageWith('data-integrity="sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"'),
  '/plain-snippet.html': pageWith(),
  '/sandboxed.html':
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Frame</title></head><body>` +
    `<iframe title="Clinic" sandbox="allow-scripts allow-same-origin" src="/plain-snippet.html" style="width:900px;height:760px"></iframe></body></html>`,
};

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness([
    (req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      if (path === '/corrupt-knowledge.json') {
        res.setHeader('Content-Type', 'application/json');
        res.end('{"format": 3, "entries": [');
        return true;
      }
      const html = PAGES[path];
      if (html === undefined) return false;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html);
      return true;
    },
  ]);
});

afterAll(async () => {
  await harness?.close();
});

/** Opens `path` with `routes` in place first (to make requests fail or hang), recording errors. */
async function open(path: string, routes: Record<string, (route: Route) => unknown> = {}): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('close', () => void context.close().catch(() => undefined));
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  await page.goto(`${harness.server.url}${path}`);
  return { page, errors, warnings };
}

const urgentReply = (page: Page) => page.getByRole('dialog').getByRole('alert');

describe('the API before the chat\'s code has loaded', () => {
  it('answers a page button\'s ask() with no hover first, and keeps properties set meanwhile', async () => {
    const { page, errors } = await open('/api-early.html');
    // The page's script ran before the chat's code was asked for: nothing defined, closed.
    await expect(page.locator('#defined').textContent()).resolves.toBe('false false');
    await page.locator('#ask-rfa').click();
    const dialog = page.getByRole('dialog', { name: 'Ask Test Clinic early' });
    await dialog.getByRole('heading', { name: /Radiofrequency ablation/ }).waitFor();
    await expect(dialog.locator('.message').first().textContent()).resolves.toContain('How long does RFA last?');
    expect(await page.evaluate(() => document.querySelector('pain-care-chat')!.isOpen)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('emergencies without the knowledge file', () => {
  const cases: [string, string, Record<string, (route: Route) => unknown>][] = [
    ['missing (404)', '/missing.html', {}],
    ['corrupt', '/corrupt.html', {}],
    ['refused by its integrity hash', '/refused.html', {}],
    ['offline', '/plain-snippet.html', { '**/knowledge.json': (route) => route.abort('internetdisconnected') }],
    ['hanging', '/plain-snippet.html', { '**/knowledge.json': () => undefined }],
  ];
  it.each(cases)('gives emergency advice when the knowledge file is %s', async (_, path, routes) => {
    const { page } = await open(path, routes);
    await launcherOf(page).click();
    await ask(page, EMERGENCY);
    const alert = urgentReply(page);
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Call 911 now/);
    await expect(alert.getByRole('link', { name: 'Call 911' }).getAttribute('href')).resolves.toBe('tel:911');
    await page.close();
  });

  it('tells the console, for a refused file, which line of the snippet to replace', async () => {
    const { page, warnings } = await open('/refused.html');
    await launcherOf(page).click();
    await ask(page, 'how long does rfa last');
    await page.getByRole('dialog').getByText("Sorry, I can't answer questions right now").first().waitFor();
    expect(warnings.join('\n')).toMatch(/The hash changes with every change to the knowledge: in the script tag, replace the line data-integrity="sha384-A+" with the one "npm run publish-knowledge" prints/);
    await page.close();
  });
});

describe('urgent replies', () => {
  it('give one instruction when several levels fire: the most urgent speaks alone', async () => {
    const { page } = await open('/plain-snippet.html');
    await launcherOf(page).click();
    await ask(page, 'got the shot yesterday, worst headache of my life when I sit up');
    const alert = urgentReply(page);
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Call 911 now/);
    await expect(alert.textContent()).resolves.not.toMatch(/today/);
    expect(await alert.getByRole('link').count()).toBe(1);
    await page.close();
  });

  it('offer the crisis line by call and by text', async () => {
    const { page } = await open('/plain-snippet.html');
    await launcherOf(page).click();
    await ask(page, 'honestly i just want to end my life');
    const alert = urgentReply(page);
    await alert.waitFor();
    await expect(alert.getByRole('link', { name: 'Call 988' }).getAttribute('href')).resolves.toBe('tel:988');
    await expect(alert.getByRole('link', { name: 'Text 988' }).getAttribute('href')).resolves.toBe('sms:988');
    await page.close();
  });
});

describe('when the chat\'s code cannot load', () => {
  it('offers the phone and booking link, and loads the chat once the network is back', async () => {
    let offline = true;
    const { page, errors } = await open('/plain-snippet.html', {
      '**/index.js': (route) => (offline ? route.abort('internetdisconnected') : route.continue()),
    });
    await launcherOf(page).click();
    const card = page.getByRole('alert');
    await card.getByText('The chat could not load.').waitFor();
    await expect(card.getByRole('link', { name: 'Call (555) 010-2000' }).getAttribute('href')).resolves.toBe('tel:5550102000');
    await expect(card.getByRole('link', { name: 'Book a consultation' }).getAttribute('href')).resolves.toBe('https://clinic.example/book');
    offline = false;
    await launcherOf(page).click();
    await questionBox(page).waitFor();
    await ask(page, 'how long does rfa last');
    await page.getByRole('dialog').getByRole('heading', { name: /Radiofrequency ablation/ }).waitFor();
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch dynamically imported module/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('in a sandboxed frame without allow-forms', () => {
  it('sends with Enter and with the Send button', async () => {
    const { page, errors } = await open('/sandboxed.html');
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: /^Questions\? Open .*chat$/ }).click();
    const box = frame.getByRole('textbox', { name: 'Your question' });
    await box.fill('how long does rfa last');
    await box.press('Enter');
    await frame.getByRole('heading', { name: /Radiofrequency ablation/ }).first().waitFor();
    await box.fill('what is a nerve block');
    await frame.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => frame.locator('pain-care-chat .message').count()).toBe(2);
    expect(errors.filter((e) => /Blocked form submission/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('landmarks', () => {
  it('adds no second banner to a page that has its own header', async () => {
    const { page } = await open('/plain-snippet.html');
    await launcherOf(page).click();
    await questionBox(page).waitFor();
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-no-duplicate-banner', 'landmark-unique', 'landmark-banner-is-top-level'] } });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
