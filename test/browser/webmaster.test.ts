/**
 * What a webmaster sets, in headless Chromium on the built `dist/`: the accent and theme,
 * contrast that stays AA for any accent, the demo page of three brands, the strings table
 * overridden, right-to-left strings, and `share-questions` on `pcc-reply`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SCREENSHOTS, startHarness, visit } from './harness.js';
import { serve } from './server.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness([
    (req, res) => {
      // /blank.html: a page with the loader and no chat, where each test adds its own.
      if (req.url !== '/blank.html') return false;
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Blank</title>' +
        '<script type="module" src="/index.js"></script></head><body><main id="here"></main></body></html>');
      return true;
    },
  ]);
});

afterAll(async () => {
  await harness?.close();
});

/** Adds `<pain-care-chat mode="inline" …>` with `attributes` to the blank page and waits for its answer box. */
async function inlineChat(page: Page, attributes: Record<string, string>): Promise<void> {
  await page.waitForFunction(() => customElements.get('pain-care-chat') !== undefined);
  await page.evaluate((attributes) => {
    const chat = document.createElement('pain-care-chat');
    chat.setAttribute('mode', 'inline');
    chat.setAttribute('booking-url', 'https://clinic.example/book');
    chat.setAttribute('phone', '(555) 010-2000');
    for (const [name, value] of Object.entries(attributes)) chat.setAttribute(name, value);
    document.getElementById('here')!.replaceChildren(chat);
  }, attributes);
  await page.getByRole('textbox').waitFor();
}

/**
 * Text and background colour pairs that carry meaning in the chat, as rendered (each colour
 * drawn on a canvas and read back, so relative colours, clipping and all are as the eye sees
 * them), with their WCAG contrast ratio.
 */
async function contrasts(page: Page): Promise<{ what: string; ratio: number }[]> {
  return page.evaluate(() => {
    const root = document.querySelector('pain-care-chat')!.shadowRoot!;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgb = (color: string): [number, number, number] => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!];
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(rgb(a)), luminance(rgb(b))];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    /** The colour painted behind `element`: its own background or its nearest ancestor's. */
    const background = (element: Element): string => {
      for (let at: Element | null = element; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
        const color = getComputedStyle(at).backgroundColor;
        if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
      }
      return '#ffffff';
    };
    const pairs: [string, string][] = [
      ['.panel__title', 'header title'],
      ['.panel__send', 'send button'],
      ['.message', 'visitor message'],
      ['.chip', 'suggestion chip'],
      ['.reply__sources', 'sources'],
      ['.reply__snippet a', 'link in an answer'],
      ['.reply__booking .button', 'booking button'],
      ['.button--secondary', 'call button'],
      ['.panel__disclaimer', 'disclaimer'],
      ['.reply__title', 'answer title'],
    ];
    return pairs.flatMap(([selector, what]) => {
      const element = root.querySelector(selector);
      if (!element) return [{ what: `${what} (missing)`, ratio: 0 }];
      return [{ what, ratio: ratio(getComputedStyle(element).color, background(element)) }];
    });
  });
}

/** `property` of `selector` in each chat's shadow root, as the screen paints it: "rgb(r, g, b)". */
function painted(page: Page, selector: string, property: 'color' | 'backgroundColor'): Promise<string[]> {
  return page.locator('pain-care-chat').evaluateAll(
    (chats, [selector, property]) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      return chats.map((chat) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = getComputedStyle(chat.shadowRoot!.querySelector(selector!)!)[property as 'color'];
        context.fillRect(0, 0, 1, 1);
        const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
        return `rgb(${r}, ${g}, ${b})`;
      });
    },
    [selector, property],
  );
}

/** An accent for every 10 of lightness and 30° of hue, at a strong chroma, plus the greys and pure colours that catch rules out. */
function accents(): string[] {
  const list = ['#ffffff', '#000000', '#777777', '#767676', '#808080', '#ffff00', '#00ff00', '#00ffff', '#ff00ff', '#ff0000', '#0000ff', '#f7c948', '#1f5f8b'];
  for (let l = 5; l <= 95; l += 10) for (let h = 0; h < 360; h += 30) list.push(`lch(${l} 70 ${h})`);
  return list;
}

describe('theming for webmasters', () => {
  it('keeps every text AA (4.5:1) on its background for any accent, light and dark', async () => {
    const failures: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await visit(harness, '/blank.html', { colorScheme: scheme });
      await inlineChat(page, {});
      // An answer, so its title, sources, booking and call buttons are there too.
      await page.getByRole('textbox').fill('how long does an epidural last');
      await page.getByRole('textbox').press('Enter');
      await page.getByRole('link', { name: 'Book a consultation' }).waitFor();
      const chat = page.locator('pain-care-chat');
      for (const accent of accents()) {
        await chat.evaluate((element, accent) => element.setAttribute('accent', accent), accent);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        for (const { what, ratio } of await contrasts(page)) {
          // Not every answer has a link in its text.
          if (what === 'link in an answer (missing)') continue;
          if (ratio < 4.5) failures.push(`${scheme} ${accent}: ${what} ${ratio.toFixed(2)}:1`);
        }
      }
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(failures).toEqual([]);
  });

  it('follows the system light or dark setting unless the theme attribute fixes it', async () => {
    const backgroundOf = (page: Page) => page.locator('pain-care-chat').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.panel')!).backgroundColor);
    const { page } = await visit(harness, '/blank.html', { colorScheme: 'dark' });
    await inlineChat(page, {});
    expect(await backgroundOf(page)).toBe('rgb(21, 25, 30)');
    await page.locator('pain-care-chat').evaluate((el) => el.setAttribute('theme', 'light'));
    expect(await backgroundOf(page)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('pain-care-chat').evaluate((el) => el.setAttribute('theme', 'dark'));
    expect(await backgroundOf(page)).toBe('rgb(21, 25, 30)');
    await page.locator('pain-care-chat').evaluate((el) => el.removeAttribute('theme'));
    expect(await backgroundOf(page)).toBe('rgb(255, 255, 255)');
    await page.close();
  });

  it('takes the accent attribute over the page\'s --pcc-accent, and warns about a colour it cannot read', async () => {
    const { page, warnings, errors } = await visit(harness, '/blank.html');
    await page.addStyleTag({ content: 'pain-care-chat { --pcc-accent: rgb(200, 0, 0) !important; }' });
    await inlineChat(page, { accent: 'rgb(0, 90, 60)' });
    const header = async () => (await painted(page, '.panel__header', 'backgroundColor'))[0];
    expect(await header()).toBe('rgb(0, 90, 60)');
    await page.locator('pain-care-chat').evaluate((el) => el.setAttribute('accent', 'not-a-colour'));
    await expect.poll(header).toBe('rgb(200, 0, 0)');
    await page.locator('pain-care-chat').evaluate((el) => el.setAttribute('accent', 'red; } :host { display: none'));
    await expect.poll(header).toBe('rgb(200, 0, 0)');
    expect(warnings.some((w) => w.includes('"accent"'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sizes and places the floating launcher from --pcc-launcher-size and the offsets', async () => {
    const { page } = await visit(harness, '/plain.html');
    await page.addStyleTag({ content: 'pain-care-chat { --pcc-launcher-size: 64px; --pcc-offset-x: 40px; --pcc-offset-y: 30px; }' });
    const launcher = page.getByRole('button', { name: /Open .*chat/ });
    await launcher.waitFor();
    const box = (await launcher.boundingBox())!;
    expect(Math.round(box.height)).toBe(64);
    expect(Math.round(1280 - box.x - box.width)).toBe(40);
    expect(Math.round(800 - box.y - box.height)).toBe(30);
    await page.close();
  });

  it('shows three clinic brands on demo/theming.html, each readable, with no errors', async () => {
    const demo = await serve(['dist', 'demo']);
    try {
      const context = await harness.browser.newContext({ viewport: { width: 1320, height: 1000 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${demo.url}/theming.html`);
      const boxes = page.getByRole('textbox');
      await expect.poll(() => boxes.count()).toBe(3);
      const headers = await painted(page, '.panel__header', 'backgroundColor');
      const titles = await painted(page, '.panel__title', 'color');
      const languages = await page.locator('pain-care-chat').evaluateAll((chats) => chats.map((chat) => chat.shadowRoot!.querySelector('.root')!.getAttribute('lang')));
      // Navy with white text; yellow with black text; the Spanish, dark one in green with black text.
      expect([headers, titles, languages]).toEqual([
        ['rgb(29, 59, 110)', 'rgb(247, 201, 72)', 'rgb(63, 166, 106)'],
        ['rgb(255, 255, 255)', 'rgb(0, 0, 0)', 'rgb(0, 0, 0)'],
        ['en', 'en', 'es'],
      ]);
      await page.screenshot({ path: `${SCREENSHOTS}/theming.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await demo.close();
    }
  });
});

describe('words and events for webmasters', () => {
  it('uses the webmaster\'s strings, from JSON in the attribute or an object property, and names a wrong key in the console', async () => {
    const { page, warnings } = await visit(harness, '/blank.html');
    await inlineChat(page, {
      'clinic-name': 'Harbor',
      strings: JSON.stringify({ panelTitle: 'Questions for {clinic}', inputLabel: 'Ask here', starters: ['What is a nerve block?'], nope: 'x' }),
    });
    await page.getByRole('heading', { name: 'Questions for Harbor' }).waitFor();
    await page.getByRole('textbox', { name: 'Ask here' }).waitFor();
    expect(await page.getByRole('button', { name: 'What is a nerve block?' }).count()).toBe(1);
    expect(warnings.some((w) => w.includes('"strings" has no text named "nope"'))).toBe(true);
    await page.locator('pain-care-chat').evaluate((el) => {
      (el as unknown as { strings: unknown }).strings = { send: 'Go', book: 'Make an appointment' };
    });
    await page.getByRole('button', { name: 'Go', exact: true }).waitFor();
    await page.close();
  });

  it('lays out right to left with strings that say so', async () => {
    const { page } = await visit(harness, '/blank.html');
    await inlineChat(page, { strings: JSON.stringify({ dir: 'rtl' }) });
    await page.getByRole('textbox').fill('what is a nerve block');
    await page.getByRole('textbox').press('Enter');
    await page.getByRole('link', { name: 'Book a consultation' }).waitFor();
    const layout = await page.locator('pain-care-chat').evaluate((el) => {
      const root = el.shadowRoot!;
      const panel = root.querySelector('.panel')!.getBoundingClientRect();
      const message = root.querySelector('.message')!.getBoundingClientRect();
      const send = root.querySelector('.panel__send')!.getBoundingClientRect();
      const input = root.querySelector('.panel__input')!.getBoundingClientRect();
      return { dir: getComputedStyle(root.querySelector('.panel')!).direction, messageAtLeft: message.left - panel.left < panel.right - message.right, sendLeftOfInput: send.right <= input.left };
    });
    // The visitor's message sits at the start of the line (the left, in right-to-left), and Send comes after the box.
    expect(layout).toEqual({ dir: 'rtl', messageAtLeft: true, sendLeftOfInput: true });
    await page.screenshot({ path: `${SCREENSHOTS}/rtl-strings.png` });
    await page.close();
  });

  it('answers a request only staff can handle with the phone and the patient portal, not an article', async () => {
    const { page } = await visit(harness, '/blank.html');
    await inlineChat(page, { 'portal-url': 'https://portal.clinic.example/' });
    await page.getByRole('textbox').fill('can you refill my oxycodone');
    await page.getByRole('textbox').press('Enter');
    const reply = page.locator('pain-care-chat .reply--fallback').last();
    await reply.waitFor();
    await expect.poll(() => reply.textContent()).toMatch(/Our staff take care of this/);
    expect(await reply.getByRole('link').evaluateAll((links) => links.map((a) => [a.textContent?.trim(), a.getAttribute('href')]))).toEqual([
      ['Call (555) 010-2000', 'tel:5550102000'],
      ['Patient portal', 'https://portal.clinic.example/'],
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'needs-clinic.png') });
    await page.close();
  });

  it('puts the question in pcc-reply only with share-questions', async () => {
    const { page } = await visit(harness, '/blank.html');
    for (const share of [false, true]) {
      await inlineChat(page, share ? { 'share-questions': '' } : {});
      await page.evaluate(() => {
        (window as unknown as { details: unknown[] }).details = [];
        document.addEventListener('pcc-reply', (event) => (window as unknown as { details: unknown[] }).details.push((event as CustomEvent).detail));
      });
      await page.getByRole('textbox').fill('what is a nerve block');
      await page.getByRole('textbox').press('Enter');
      await expect.poll(() => page.evaluate(() => (window as unknown as { details: unknown[] }).details.length)).toBeGreaterThan(0);
      const [detail] = await page.evaluate(() => (window as unknown as { details: unknown[] }).details);
      expect(detail).toEqual(share ? { status: 'answer', entryIds: ['nerve-block'], question: 'what is a nerve block' } : { status: 'answer', entryIds: ['nerve-block'] });
    }
    await page.close();
  });
});

describe('the standalone build', () => {
  it('is one file with a clinic\'s own knowledge built in: nothing else is downloaded', async () => {
    // The small fixture knowledge (one procedure and booking) stands for a clinic's own folder.
    const output = execFileSync('npx', ['tsx', 'scripts/build-standalone.ts', '--knowledge', 'test/fixtures/knowledge-small'], { encoding: 'utf8' });
    expect(output).toContain('dist/standalone/pain-care-chat.js: the chat with the knowledge of test/fixtures/knowledge-small built in');
    const page = mkdtempSync(join(tmpdir(), 'pcc-standalone-'));
    writeFileSync(join(page, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>One file</title></head><body>' +
      '<script type="module" src="/pain-care-chat.js" data-mode="inline" data-phone="(555) 010-2000"></script></body></html>');
    const server = await serve(['dist/standalone', page]);
    try {
      const context = await harness.browser.newContext();
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${server.url}/`);
      await tab.getByRole('textbox').fill('what is a nerve block');
      await tab.getByRole('textbox').press('Enter');
      await tab.getByRole('heading', { name: /Nerve block/ }).waitFor();
      // The fixture's entry, not the default knowledge's (reviewed 2026-11-20).
      await tab.getByText('Last reviewed 2026-11-01').waitFor();
      expect(server.requests.filter((path) => path !== '/favicon.ico')).toEqual(['/', '/pain-care-chat.js']);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('refuses to build knowledge with errors, naming the file and line', () => {
    let failure = '';
    try {
      execFileSync('npx', ['tsx', 'scripts/build-standalone.ts', '--knowledge', 'test/fixtures/knowledge-broken'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = String((error as { stderr: string }).stderr);
    }
    expect(failure).toMatch(/test\/fixtures\/knowledge-broken\/[\w/.-]+:\d+: /);
    expect(failure).toContain('nothing built');
  });
});
