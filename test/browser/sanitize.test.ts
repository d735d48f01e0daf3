/**
 * The sanitizer in Chromium, on a hand-edited knowledge file that skips the compiler: the
 * browser's own (HTML Sanitizer API) where it has one, and DOMPurify, loaded on demand,
 * where it does not (simulated by removing `Element.prototype.setHTML` before the page
 * loads). Either way no script runs, nothing loads, and only the allowlist reaches the page.
 */
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from '../../src/render/sanitize.js';
import { isSafeUrl } from '../../src/render/url-policy.js';
import { type Harness, ask, launcherOf, startHarness, visit } from './harness.js';

/** Each vector calls the trap the test installs if it ever runs. */
const VECTORS = [
  `<p>Safe <strong>bold</strong> <a href="https://example.org/more">outside</a> <a href="/local">inside</a></p>`,
  `<img src="/tracker.png" onerror="__pccTrap('img')">`,
  `<script>__pccTrap('script')</script>`,
  `<svg><script>__pccTrap('svg')</script><animate onbegin="__pccTrap('animate')" attributeName="x" dur="1s"></animate></svg>`,
  `<a href="javascript:__pccTrap('js')">js</a>`,
  `<a href="JaVaScRiPt:__pccTrap('js-case')">js2</a>`,
  `<a href="&#106;avascript:__pccTrap('js-entity')">js3</a>`,
  `<a href="java&#x09;script:__pccTrap('js-tab')">js4</a>`,
  `<a href=" vbscript:__pccTrap('vb')">vb</a>`,
  `<a href="data:text/html,<script>__pccTrap('data')</script>">data</a>`,
  `<p onclick="__pccTrap('click')" style="background:url(/css-request.png)" id="cookie" name="getElementById">clobber</p>`,
  `<iframe srcdoc="<script>parent.__pccTrap('iframe')</script>"></iframe>`,
  `<form action="javascript:__pccTrap('form')"><button>go</button></form>`,
  `<noscript><p title="</noscript><img src=/mxss.png onerror=__pccTrap('mxss-noscript')>"></noscript>`,
  `<math><mtext><table><mglyph><style><img src=/mxss2.png onerror=__pccTrap('mxss-math')></style></mglyph></table></mtext></math>`,
  `<details open ontoggle="__pccTrap('toggle')">d</details>`,
  `<object data="/object.swf"></object><embed src="/embed.swf">`,
  `<base href="https://evil.example/">`,
  `<input autofocus onfocus="__pccTrap('focus')">`,
  `<video><source src="/v.mp4" onerror="__pccTrap('video')"></video>`,
  `<style>@import '/import.css'; *{background:url(/style-request.png)}</style>`,
  `<table><tr><td title="cell" onmouseover="__pccTrap('td')">cell</td></tr></table>`,
  `<!-- comment --><a href="/x" target="_self" rel="opener" style="x" onclick="__pccTrap('a')">attrs</a>`,
].join('');

/** Requests a sanitizer failure would cause. */
const FORBIDDEN_REQUESTS = ['/tracker.png', '/css-request.png', '/mxss.png', '/mxss2.png', '/object.swf', '/embed.swf', '/v.mp4', '/import.css', '/style-request.png'];

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html dompurify 'allow-duplicates'";

const page = (knowledge: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>Sanitizer</title></head><body>` +
  `<script type="module" src="/pain-care-chat.js" data-knowledge="${knowledge}" data-booking-url="https://clinic.example/book" data-phone="(555) 010-2000"></script></body></html>`;

let harness: Harness;
let purifyChunk: string;

beforeAll(async () => {
  const bundle = JSON.parse(await readFile('dist/knowledge.json', 'utf8')) as { entries: { passages: { html: string }[] }[] };
  for (const entry of bundle.entries) for (const passage of entry.passages) passage.html = VECTORS + passage.html;
  const hostile = JSON.stringify(bundle);
  const chunks = (await readdir('dist')).filter((file) => file.endsWith('.js'));
  const withPurify: string[] = [];
  for (const file of chunks) if ((await readFile(`dist/${file}`, 'utf8')).includes('DOMPurify')) withPurify.push(file);
  expect(withPurify, 'DOMPurify is in exactly one chunk of its own').toHaveLength(1);
  purifyChunk = `/${withPurify[0]}`;
  harness = await startHarness([
    (req, res) => {
      const routes: Record<string, [string, string, Record<string, string>?]> = {
        '/hostile.json': ['application/json', hostile],
        '/hostile.html': ['text/html', page('/hostile.json')],
        '/strict-default.html': ['text/html', page('/knowledge.json'), { 'Content-Security-Policy': STRICT_CSP }],
      };
      const route = routes[req.url ?? ''];
      if (!route) return false;
      const [type, body, headers = {}] = route;
      res.setHeader('Content-Type', type);
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.end(body);
      return true;
    },
  ]);
});

afterAll(async () => {
  await harness?.close();
});

/** Removes the HTML Sanitizer API before the page's scripts run, as in a browser without it. */
async function withoutNativeSanitizer(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (Element.prototype as unknown as { setHTML?: unknown }).setHTML;
  });
}

async function openHostile(native: boolean) {
  const visited = await visit(harness, '/favicon.svg');
  const { page } = visited;
  if (!native) await withoutNativeSanitizer(page);
  await page.addInitScript(() => {
    const calls: string[] = [];
    Object.assign(window, { __pccTrapCalls: calls, __pccTrap: (what: string) => calls.push(what) });
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${harness.server.url}/hostile.html`);
  await launcherOf(page).click();
  await ask(page, 'what is a nerve block');
  const snippet = page.getByRole('log').locator('article .reply__snippet').last();
  await snippet.locator('strong').first().waitFor();
  return { ...visited, requests, snippet };
}

describe('render/sanitize in Chromium', () => {
  for (const native of [true, false]) {
    const which = native ? "the browser's own sanitizer" : 'DOMPurify (no HTML Sanitizer API)';
    it(`keeps hostile knowledge HTML from running or loading anything, with ${which}`, async () => {
      const { page, requests, snippet } = await openHostile(native);
      // Give handlers, media and style sheets a moment to fire if anything got through.
      await snippet.hover();
      await snippet.click({ position: { x: 2, y: 2 } });
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pccTrapCalls: string[] }).__pccTrapCalls)).toEqual([]);
      for (const path of FORBIDDEN_REQUESTS) expect(requests).not.toContain(path);
      expect(requests.includes(purifyChunk)).toBe(!native);

      const found = await snippet.evaluate((root) =>
        [...root.querySelectorAll('*')].map((el) => ({ tag: el.localName, ns: el.namespaceURI, attributes: [...el.attributes].map((a) => [a.name, a.value]) })),
      );
      const allowedAttributes = [...ALLOWED_ATTRIBUTES, 'target', 'rel'];
      for (const element of found) {
        expect(ALLOWED_TAGS, `<${element.tag}> in an answer`).toContain(element.tag);
        expect(element.ns).toBe('http://www.w3.org/1999/xhtml');
        for (const [name, value] of element.attributes) {
          expect(allowedAttributes, `${name} on <${element.tag}>`).toContain(name);
          if (name === 'href') expect(isSafeUrl(value!), value).toBe(true);
        }
      }
      // What the Markdown meant survives: emphasis, and links that open safely.
      expect(await snippet.locator('strong').first().textContent()).toBe('bold');
      const outside = snippet.getByRole('link', { name: 'outside' });
      expect(await outside.getAttribute('href')).toBe('https://example.org/more');
      expect(await outside.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await outside.getAttribute('target')).toBe('_blank');
      expect(await snippet.getByRole('link', { name: 'inside' }).getAttribute('href')).toBe('/local');
      expect(await snippet.getByText('js2').evaluate((el) => el.hasAttribute('href'))).toBe(false);
      await page.close();
    });
  }

  it('loads DOMPurify and the typo search only once the visitor starts a question, not on open', async () => {
    const typoChunk = `/${(await readdir('dist')).find((file) => file.endsWith('.js') && readFileSync(`dist/${file}`, 'utf8').includes('Pattern length exceeds max of'))}`;
    const { page, errors } = await visit(harness, '/favicon.svg');
    await withoutNativeSanitizer(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${harness.server.url}/strict-default.html`);
    await launcherOf(page).click();
    const input = page.getByRole('textbox', { name: 'Your question' });
    await input.waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests, 'opened, nothing typed').not.toContain(purifyChunk);
    expect(requests, 'opened, nothing typed').not.toContain(typoChunk);
    await input.pressSequentially('w');
    await expect.poll(() => requests.includes(purifyChunk) && requests.includes(typoChunk)).toBe(true);
    // A question with a typo is still understood.
    await input.pressSequentially('hat is an epidrual steroid injection');
    await input.press('Enter');
    await expect.poll(() => page.getByRole('log').locator('article .reply__title').last().textContent()).toContain('Epidural steroid injection');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers under the strict Content Security Policy with DOMPurify too, with no violation', async () => {
    const { page, errors } = await visit(harness, '/favicon.svg');
    await withoutNativeSanitizer(page);
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { violations });
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(`${harness.server.url}/strict-default.html`);
    await launcherOf(page).click();
    await ask(page, 'how long does radiofrequency ablation last');
    const reply = page.getByRole('log').locator('article').last();
    await reply.waitFor();
    await expect.poll(() => reply.locator('.reply__snippet p').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
