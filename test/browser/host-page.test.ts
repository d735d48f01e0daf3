/**
 * The built widget on pages it does not control: hostile CSS, a strict Content Security
 * Policy, keyboard only, screen-reader semantics (axe-core), a phone with its on-screen
 * keyboard, privacy, two copies and a late script, slow knowledge, and reduced motion,
 * forced colours, 200% zoom and right-to-left pages. Screenshots go to test/screenshots/.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SCREENSHOTS, ask, launcherOf, questionBox, startHarness, visit } from './harness.js';

/** The policy the README tells webmasters to send, with a report endpoint for the test. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html dompurify 'allow-duplicates'";

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let harness: Harness;
const cspReports: string[] = [];

beforeAll(async () => {
  harness = await startHarness([
    async (req, res) => {
      if (req.url !== '/strict.html') return false;
      res.setHeader('Content-Security-Policy', `${STRICT_CSP}; report-uri /csp-report`);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(await readFile('test/fixtures/pages/strict.html'));
      return true;
    },
    (req, res) => {
      if (req.url !== '/csp-report') return false;
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        cspReports.push(body);
        res.statusCode = 204;
        res.end();
      });
      return true;
    },
    async (req, res) => {
      // The hostile page without the widget, to compare the page's own styles.
      if (req.url !== '/hostile-without.html') return false;
      const page = await readFile('test/fixtures/pages/hostile.html', 'utf8');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(page.replace(/<script[^>]*pain-care-chat[^>]*><\/script>/, ''));
      return true;
    },
    async (req, res) => {
      // Knowledge that takes 5 seconds to arrive, and a page that uses it.
      if (req.url === '/slow-knowledge.json') {
        await new Promise((done) => setTimeout(done, 5000));
        res.setHeader('Content-Type', 'application/json');
        res.end(await readFile('dist/knowledge.json'));
        return true;
      }
      if (req.url !== '/slow.html') return false;
      const page = await readFile('test/fixtures/pages/plain.html', 'utf8');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(page.replace('data-clinic-name', 'data-knowledge="/slow-knowledge.json" data-clinic-name'));
      return true;
    },
  ]);
});

afterAll(async () => {
  await harness?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });

/** Fraction of pixels that differ by more than a little between two PNGs of the same size. */
function pixelDifference(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    const delta = Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!);
    if (delta > 24) differing++;
  }
  return differing / (x.width * x.height);
}

/** Computed styles of the page's own elements that a leaking widget could change. */
async function pageStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const properties = ['display', 'position', 'font-family', 'font-size', 'color', 'background-color', 'margin-top', 'padding-top', 'line-height', 'z-index', 'overflow', 'box-sizing'];
    const out: Record<string, Record<string, string>> = {};
    for (const selector of ['html', 'body', '#header', '#title', '#para', '#block', '#cookie', '#accept']) {
      const element = document.querySelector(selector)!;
      const style = getComputedStyle(element);
      out[selector] = Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)]));
    }
    return out;
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return violations;
}

describe('on a hostile host page', () => {
  it('looks and works as on a plain page, above the cookie banner, and leaves the page’s styles alone', async () => {
    const plain = await visit(harness, '/plain.html');
    const hostile = await visit(harness, '/hostile.html');
    const without = await visit(harness, '/hostile-without.html');
    for (const { page } of [plain, hostile]) {
      await launcherOf(page).click();
      await ask(page, 'what is a nerve block');
      await page.getByRole('log').locator('article').waitFor();
      await page.locator('pain-care-chat').evaluate((el) => (el.shadowRoot!.querySelector('.panel__log') as HTMLElement).scrollTo(0, 0));
    }
    await shot(plain.page, 'host-plain-open');
    await shot(hostile.page, 'host-hostile-open');

    // The panel renders the same, pixel for pixel (within anti-aliasing).
    const panelOf = (page: Page) => page.getByRole('dialog').screenshot();
    expect(pixelDifference(await panelOf(plain.page), await panelOf(hostile.page))).toBeLessThan(0.01);

    // It sits where it should and is on top: the point at the launcher's centre belongs to the widget.
    const topmost = (page: Page) =>
      page.evaluate(() => {
        const host = document.querySelector('pain-care-chat')!;
        const launcher = host.shadowRoot!.querySelector('.launcher')!.getBoundingClientRect();
        const x = launcher.left + launcher.width / 2;
        const y = launcher.top + launcher.height / 2;
        return { box: [Math.round(launcher.left), Math.round(launcher.top), Math.round(launcher.width)], onTop: document.elementFromPoint(x, y) === host };
      });
    const [plainBox, hostileBox] = [await topmost(plain.page), await topmost(hostile.page)];
    expect(hostileBox).toEqual(plainBox);
    expect(hostileBox.onTop).toBe(true);

    // The page's own elements are untouched, open chat or not.
    expect(await pageStyles(hostile.page)).toEqual(await pageStyles(without.page));
    expect(hostile.errors).toEqual([]);
    for (const { page } of [plain, hostile, without]) await page.close();
  });
});

describe('under a strict Content Security Policy', () => {
  it('answers, warns and clarifies with no violation reported', async () => {
    cspReports.length = 0;
    const { page, errors } = await visit(harness, '/strict.html');
    await page.evaluate(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await launcherOf(page).click();
    await ask(page, 'how long does radiofrequency ablation last');
    await page.getByRole('log').locator('article').waitFor();
    await ask(page, 'my legs went numb and I cannot hold my bladder');
    await page.getByRole('alert').waitFor();
    await ask(page, 'injection');
    await page.getByText('Did you mean one of these?').waitFor();
    await shot(page, 'csp-strict');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(cspReports).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('by keyboard only', () => {
  it('reaches the launcher, opens without scrolling the page, sends, reaches the reply’s links and returns focus on Escape', async () => {
    const { page } = await visit(harness, '/long.html');
    await launcherOf(page).waitFor();
    // The page's own link first, then the chat's launcher.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PAIN-CARE-CHAT');
    await page.evaluate(() => window.scrollTo(0, 1200));
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await questionBox(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page.keyboard.type('how long does radiofrequency ablation last');
    await page.keyboard.press('Enter');
    await page.getByRole('log').locator('article').waitFor();
    // Focus stays in the question box; Shift+Tab walks back through the reply.
    expect(await questionBox(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const reached: string[] = [];
    const seenAll = () => reached.includes('Book a consultation') && reached.includes('Call (555) 010-2000') && reached.some((label) => label.endsWith('?'));
    for (let i = 0; i < 12 && !seenAll(); i++) {
      await page.keyboard.press('Shift+Tab');
      reached.push(await page.evaluate(() => document.querySelector('pain-care-chat')!.shadowRoot!.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached).toContain('Book a consultation');
    expect(reached).toContain('Call (555) 010-2000');
    expect(reached.some((label) => label.endsWith('?'))).toBe(true);
    await shot(page, 'keyboard-focus');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('pain-care-chat')!.shadowRoot!.activeElement?.className)).toBe('launcher');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page.close();
  });
});

describe('for screen readers', () => {
  it('has no axe-core violations closed, open, and after an answer, an urgent reply and a fallback', async () => {
    const { page } = await visit(harness, '/plain.html');
    await launcherOf(page).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await launcherOf(page).click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ask(page, 'my husband is not breathing');
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ask(page, 'can you fix my car');
    await page.getByText("Sorry, I don't have an answer to that.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('announces only new replies: the log adds nodes and never re-renders what was already said', async () => {
    const { page } = await visit(harness, '/plain.html');
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    const log = page.getByRole('log');
    expect(await log.getAttribute('aria-atomic')).toBeNull();
    expect(await log.getAttribute('aria-live')).not.toBe('off');
    await log.evaluate((element) => {
      const state = window as unknown as { removed: number; added: number; first: Element | null };
      state.removed = 0;
      state.added = 0;
      state.first = element.querySelector('article');
      new MutationObserver((records) => {
        for (const record of records) {
          state.removed += [...record.removedNodes].filter((n) => n.nodeType === 1).length;
          state.added += [...record.addedNodes].filter((n) => n.nodeType === 1).length;
        }
      }).observe(element, { childList: true });
    });
    await ask(page, 'how long does radiofrequency ablation last');
    await log.locator('article').nth(1).waitFor();
    const state = await log.evaluate((element) => {
      const s = window as unknown as { removed: number; added: number; first: Element | null };
      return { removed: s.removed, added: s.added, same: element.querySelector('article') === s.first };
    });
    expect(state.same).toBe(true);
    expect(state.removed).toBeLessThanOrEqual(1); // at most the "Getting answers ready…" status
    expect(state.added).toBe(2); // the question and its reply
    await page.close();
  });
});

describe('on a phone', () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

  it('fills the screen, keeps the question box above the on-screen keyboard, uses 16px text and large targets, and holds the page still', async () => {
    const { page, errors } = await visit(harness, '/long.html', phone);
    await launcherOf(page).tap();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect([box.x, box.y, box.width, box.height].map(Math.round)).toEqual([0, 0, 390, 844]);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await ask(page, 'what happens on the day of my procedure');
    await page.getByRole('log').locator('article').waitFor();
    await shot(page, 'phone-open');

    // The on-screen keyboard takes the bottom of the screen: the visual viewport shrinks.
    await page.setViewportSize({ width: 390, height: 480 });
    await page.waitForFunction(() => window.visualViewport!.height === 480);
    await page.waitForTimeout(100);
    const input = (await questionBox(page).boundingBox())!;
    expect(input.y + input.height).toBeLessThanOrEqual(480);
    expect(input.y).toBeGreaterThan(0);
    await shot(page, 'phone-keyboard');

    expect(await questionBox(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    const small = await page.evaluate(() =>
      [...document.querySelector('pain-care-chat')!.shadowRoot!.querySelectorAll<HTMLElement>('button, a.button, input')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ label: el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName, rect: el.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width < 24 || rect.height < 24)
        .map(({ label }) => label),
    );
    expect(small).toEqual([]);

    // The page behind does not scroll, whatever the visitor swipes.
    await page.mouse.move(200, 30);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByRole('button', { name: 'Close chat' }).tap();
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('privacy', () => {
  it('requests only its own files and the knowledge, sets no cookie or localStorage, and keeps the conversation in sessionStorage until cleared', async () => {
    const requests: string[] = [];
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${harness.server.url}/plain.html`);
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    for (const path of requests) expect(path).toMatch(/^\/(plain\.html|pain-care-chat[\w.-]*\.js|index\.js|knowledge\.json)$/);
    expect(await page.evaluate(() => [document.cookie, localStorage.length])).toEqual(['', 0]);
    const kept = await page.evaluate(() => Object.entries(sessionStorage));
    expect(kept).toHaveLength(1);
    expect(kept[0]![0]).toMatch(/^pain-care-chat:/);
    expect(JSON.parse(kept[0]![1])).toEqual([{ ask: 'what is a nerve block' }]);

    // The next page of the same tab shows the conversation again.
    await page.reload();
    await launcherOf(page).click();
    await page.getByRole('log').locator('article').waitFor();
    expect(await page.getByText('what is a nerve block').count()).toBe(1);

    await page.getByRole('button', { name: 'Clear conversation' }).click();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.getByRole('log').locator('article').count()).toBe(0);
    await context.close();
  });
});

describe('two copies, inline and late', () => {
  it('adds one floating chat when the snippet arrives twice after load, beside a working inline chat, with no console errors', async () => {
    const { page, errors } = await visit(harness, '/late.html');
    await page.waitForFunction(() => document.body.dataset.snippetAdded === 'yes');
    await launcherOf(page).waitFor();
    expect(await page.locator('pain-care-chat').count()).toBe(2);
    expect(await launcherOf(page).count()).toBe(1);
    const inline = page.getByRole('region', { name: 'Ask Inline Clinic' });
    await inline.getByRole('textbox', { name: 'Your question' }).fill('what is a nerve block');
    await inline.getByRole('textbox', { name: 'Your question' }).press('Enter');
    await inline.locator('article').waitFor();
    await launcherOf(page).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Your question' }).fill('what is a facet joint injection');
    await page.getByRole('dialog').getByRole('textbox', { name: 'Your question' }).press('Enter');
    await page.getByRole('dialog').locator('article').waitFor();
    await shot(page, 'late-two-copies');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('when the knowledge is slow', () => {
  it('tells the visitor after a few seconds, with the phone and booking link, then answers when it arrives', async () => {
    const { page, errors } = await visit(harness, '/slow.html');
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    const slow = page.getByText('This is taking longer than usual.');
    await slow.waitFor({ timeout: 4500 });
    expect(await page.getByRole('link', { name: 'Book a consultation' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Call (555) 010-2000' }).count()).toBe(1);
    await shot(page, 'slow-knowledge');
    await page.getByRole('log').locator('article').waitFor({ timeout: 10_000 });
    expect(await slow.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('preferences and layouts', () => {
  it('turns off motion for visitors who ask for less', async () => {
    const { page } = await visit(harness, '/plain.html', { reducedMotion: 'reduce' });
    const transition = await launcherOf(page).evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(transition).toBe('0s');
    await page.close();
  });

  it('keeps every control outlined in forced colours (Windows high contrast)', async () => {
    const { page } = await visit(harness, '/plain.html', { forcedColors: 'active' });
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    await shot(page, 'forced-colors');
    const unbordered = await page.evaluate(() =>
      [...document.querySelector('pain-care-chat')!.shadowRoot!.querySelectorAll<HTMLElement>('.launcher, .button, .panel__send, .chip, .panel__input, .panel__clear, .panel__close')]
        .filter((el) => el.offsetParent !== null && getComputedStyle(el).borderTopStyle === 'none')
        .map((el) => el.className),
    );
    expect(unbordered).toEqual([]);
    await page.close();
  });

  it('is usable at 200% zoom: the panel fills the window and the question box is in view', async () => {
    const { page } = await visit(harness, '/plain.html', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    await shot(page, 'zoom-200');
    const dialog = (await page.getByRole('dialog').boundingBox())!;
    expect(Math.round(dialog.height)).toBe(400);
    const input = (await questionBox(page).boundingBox())!;
    expect(input.y + input.height).toBeLessThanOrEqual(400);
    await page.close();
  });

  it('mirrors on a right-to-left page and still answers', async () => {
    const { page, errors } = await visit(harness, '/rtl.html');
    const launcher = (await launcherOf(page).boundingBox())!;
    expect(launcher.x).toBeLessThan(100);
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    await shot(page, 'rtl');
    const panel = (await page.getByRole('dialog').boundingBox())!;
    expect(panel.x).toBeLessThan(100);
    // The chat's English stays left-to-right inside the mirrored page.
    expect(await page.getByRole('dialog').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('cost to the page before the visitor shows interest', () => {
  /** Budget (gzip -9) for the widget's JavaScript until the visitor points at, focuses or taps the launcher. */
  const BEFORE_INTENT_BYTES = 6 * 1024;

  it('loads only the small loader, no knowledge, until the launcher is hovered; then the code and the knowledge at once, and a click opens the chat', async () => {
    const requests: string[] = [];
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${harness.server.url}/plain.html`);
    await launcherOf(page).waitFor();
    await page.waitForTimeout(500);
    const before = requests.filter((path) => path.endsWith('.js') || path.endsWith('.json'));
    expect(before.some((path) => path.endsWith('knowledge.json'))).toBe(false);
    expect(before).not.toContain('/index.js');
    let bytes = 0;
    for (const path of before) bytes += gzipSync(await readFile(`dist${path}`), { level: 9 }).length;
    expect(bytes).toBeLessThanOrEqual(BEFORE_INTENT_BYTES);
    expect(await page.evaluate(() => customElements.get('pain-care-chat'))).toBeUndefined();

    // The chat's code arrives slowly: the knowledge is asked for at the same time, not after.
    let releaseCode = () => {};
    const codeHeld = new Promise<void>((resolve) => (releaseCode = resolve));
    await page.route('**/index.js', async (route) => {
      await codeHeld;
      await route.continue();
    });
    await launcherOf(page).hover();
    await expect.poll(() => requests.some((path) => path.endsWith('knowledge.json')) && requests.includes('/index.js')).toBe(true);
    expect(await page.evaluate(() => customElements.get('pain-care-chat'))).toBeUndefined();
    releaseCode();
    await page.waitForFunction(() => customElements.get('pain-care-chat') !== undefined);
    await launcherOf(page).click();
    await page.getByRole('dialog').waitFor();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    // The chat took the response already on its way instead of asking again.
    expect(requests.filter((path) => path.endsWith('knowledge.json'))).toHaveLength(1);
    await context.close();
  });

  it('opens at once when the very first thing the visitor does is click (code not yet loaded)', async () => {
    const { page, errors } = await visit(harness, '/plain.html');
    await launcherOf(page).dispatchEvent('click');
    await page.getByRole('dialog').waitFor();
    expect(await questionBox(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a long conversation', () => {
  it('keeps at most 200 messages on screen after 1,000 questions, and still answers', async () => {
    const { page, errors } = await visit(harness, '/plain.html');
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    await page.evaluate(() => {
      const chat = document.querySelector('pain-care-chat') as HTMLElement & { ask(q: string): void };
      const questions = ['how long does rfa last', 'what is a nerve block', 'does medicare pay', 'hello', 'injection'];
      for (let i = 0; i < 1000; i++) chat.ask(questions[i % questions.length]!);
    });
    await ask(page, 'what is spinal cord stimulation');
    await page.getByRole('log').getByRole('heading', { name: /Spinal cord stimulation/ }).last().waitFor();
    const shown = await page.evaluate(() => document.querySelector('pain-care-chat')!.shadowRoot!.querySelectorAll('.message, .reply:not(.reply--greeting)').length);
    expect(shown).toBeLessThanOrEqual(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
