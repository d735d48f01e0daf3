/**
 * The XSS corpus (`test/fixtures/xss-vectors.json`, 265 known vectors: HTML, SVG, MathML,
 * mutation XSS, encoded and broken markup, javascript:/data:/vbscript: URLs in every casing
 * and encoding, CSS injection, DOM clobbering) put everywhere a knowledge file, a webmaster
 * or a visitor can put text, in headless Chromium on the built `dist/`:
 *   (a) each field of a knowledge entry (body, title, source title and url, question,
 *       keyword), compiled (what the compiler refuses never ships) and loaded;
 *   (b) every attribute of the element and every `data-*` of the script tag;
 *   (c) the visitor's question, typed and through `ask()`;
 *   (d) a hand-edited knowledge.json that skips the compiler.
 * After each step: the trap the test installs (`__xss`) was never called, no dialog opened,
 * no href holds a URL outside http, https, tel, mailto and relative, no element outside the
 * chat's own and the sanitizer's allowlist is in the shadow root, no event-handler, style or
 * source attribute came in, and the page around the chat is unchanged.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileKnowledgeDir, knowledgeFileText, readKnowledgeDir } from '../../src/cli/files.js';
import { ATTRIBUTES } from '../../src/config/attributes.js';
import { compileKnowledge } from '../../src/knowledge/compile.js';
import type { KnowledgeBundle } from '../../src/knowledge/schema.js';
import { ALLOWED_TAGS } from '../../src/render/sanitize.js';
import { type Harness, startHarness, visit } from './harness.js';

interface Vector {
  id: string;
  category: string;
  vector: string;
}
const VECTORS = JSON.parse(readFileSync('test/fixtures/xss-vectors.json', 'utf8')) as Vector[];

/** The elements the chat draws itself, and those the sanitizer lets through from knowledge. */
const ALLOWED_IN_SHADOW = [...new Set(['div', 'button', 'svg', 'path', 'span', 'section', 'header', 'h2', 'h3', 'p', 'ul', 'li', 'form', 'label', 'input', 'article', 'a', ...ALLOWED_TAGS])];
/** The ids the chat's own template uses; content brings none (DOM clobbering). */
const OWN_IDS = ['pcc-panel', 'pcc-title', 'pcc-input'];

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>XSS</title></head><body><p id="page-text">The clinic page.</p>';

/** A knowledge entry with `vector` in every field a content editor writes. */
function entryWith(vector: string): string {
  const yaml = (text: string) => JSON.stringify(text);
  return [
    '---',
    'id: nerve-block',
    `title: ${yaml(`Nerve block ${vector}`)}`,
    'category: procedure',
    'questions:',
    `  - ${yaml(`What is a nerve block ${vector}`)}`,
    '  - How long does a nerve block last?',
    '  - Does a nerve block hurt?',
    '  - Who can get a nerve block?',
    'keywords:',
    `  - ${yaml(vector)}`,
    '  - numbing shot',
    'sources:',
    `  - title: ${yaml(vector)}`,
    // The checker takes only https: source addresses; the vector rides in one (the body's link takes it bare).
    `    url: ${yaml(`https://example.org/${vector}`)}`,
    '  - title: General patient education',
    'reviewed: 2026-11-01',
    '---',
    `A nerve block is a shot of numbing medicine near a nerve. ${vector}`,
    '',
    `## How long it lasts ${vector}`,
    '',
    `The numbing lasts hours. [More](${vector}) ${vector}`,
    '',
  ].join('\n');
}

let harness: Harness;
let hostileKnowledge: string;
const compiled: { id: string; bundle: KnowledgeBundle }[] = [];
let refusedByCompiler = 0;

beforeAll(async () => {
  // (a) Each vector in a copy of the small fixture knowledge, compiled as `npm run knowledge` would.
  const base = readKnowledgeDir('test/fixtures/knowledge-small').filter((file) => !file.path.endsWith('nerve-block.md'));
  for (const { id, vector } of VECTORS) {
    const result = compileKnowledge([...base, { path: 'test/fixtures/knowledge-small/procedure/nerve-block.md', text: entryWith(vector) }]);
    if (result.bundle) compiled.push({ id, bundle: result.bundle });
    else refusedByCompiler++;
  }
  // (d) A knowledge file edited by hand: every vector in every field, no compiler in between.
  const bundle = JSON.parse(knowledgeFileText(compileKnowledgeDir('test/fixtures/knowledge-small').bundle!)) as {
    entries: Record<string, unknown>[];
    urgent: { advice: Record<string, string> }[];
    index?: unknown;
  };
  const template = bundle.entries.find((entry) => entry.id === 'nerve-block')!;
  bundle.entries = VECTORS.map(({ vector }, i) => ({
    ...template,
    id: `hostile-${i}`,
    title: vector,
    questions: [vector, `question ${i}`, `another ${i}`],
    keywords: [vector],
    related: [],
    sources: [{ title: vector, url: vector }, { title: 'x', url: vector.slice(0, 80) }],
    passages: [
      { id: 'summary', heading: '', html: vector },
      { id: `part-${i}`, heading: vector, html: `<p>${vector}</p><a href="${vector}">link</a>` },
    ],
  }));
  delete bundle.index;
  bundle.urgent[0]!.advice = { en: VECTORS.map((v) => v.vector).join(' ').slice(0, 4000) };
  hostileKnowledge = JSON.stringify(bundle);

  harness = await startHarness([
    (req, res) => {
      const url = req.url ?? '';
      if (url === '/hostile-knowledge.json') {
        res.setHeader('Content-Type', 'application/json');
        res.end(hostileKnowledge);
        return true;
      }
      if (url === '/blank.html') {
        res.setHeader('Content-Type', 'text/html');
        res.end(`${HEAD}<main id="here"></main><script type="module" src="/index.js"></script></body></html>`);
        return true;
      }
      // /tags/<n>.html: 30 inline chats, each with every data-* of the script tag set to one vector.
      const tags = /^\/tags\/(\d+)\.html$/.exec(url);
      if (tags) {
        const start = Number(tags[1]) * 30;
        const scripts = VECTORS.slice(start, start + 30).map(({ vector }) => {
          const data = ATTRIBUTES.filter((name) => name !== 'mode').map((name) => `data-${name}="${escapeAttribute(vector)}"`).join(' ');
          return `<script type="module" src="/pain-care-chat.js" data-mode="inline" ${data}></script>`;
        });
        res.setHeader('Content-Type', 'text/html');
        res.end(`${HEAD}${scripts.join('\n')}</body></html>`);
        return true;
      }
      return false;
    },
  ]);
});

afterAll(async () => {
  await harness?.close();
});

/** Opens `path` with the trap installed and dialogs recorded. */
async function hostilePage(path: string, withoutSanitizerApi = false): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await visit(harness, path);
  // As in a browser without the HTML Sanitizer API: the chat then loads DOMPurify.
  if (withoutSanitizerApi) await page.addInitScript(() => void delete (Element.prototype as unknown as { setHTML?: unknown }).setHTML);
  await page.addInitScript(() => {
    (window as unknown as { __xssCalls: number }).__xssCalls = 0;
    (window as unknown as { __xss: () => void }).__xss = () => void (window as unknown as { __xssCalls: number }).__xssCalls++;
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.reload();
  return { page, errors };
}

/** What got through, as lines naming it (empty when nothing did). */
async function breaches(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ allowed, ownIds }) => {
      const found: string[] = [];
      if ((window as unknown as { __xssCalls: number }).__xssCalls !== 0) found.push(`the trap was called ${(window as unknown as { __xssCalls: number }).__xssCalls} times`);
      // The page around the chat: its own elements only.
      for (const element of document.body.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (!['p', 'main', 'script', 'pain-care-chat'].includes(tag)) found.push(`page: a <${tag}> appeared`);
      }
      const safe = (url: string) => {
        // eslint-disable-next-line no-control-regex
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''));
        return scheme === null || ['http', 'https', 'tel', 'mailto'].includes(scheme[1]!.toLowerCase());
      };
      for (const chat of document.querySelectorAll('pain-care-chat')) {
        const root = chat.shadowRoot;
        if (!root) continue;
        for (const element of root.querySelectorAll('*')) {
          const tag = element.tagName.toLowerCase();
          if (!allowed.includes(tag)) found.push(`shadow: <${tag}>`);
          for (const { name, value } of [...element.attributes]) {
            if (name.startsWith('on')) found.push(`shadow: <${tag} ${name}>`);
            // The chat's own question box is the one element with a name.
            if (name === 'name' && !(tag === 'input' && value === 'question')) found.push(`shadow: <${tag} name=${JSON.stringify(value.slice(0, 60))}>`);
            if (['src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'style'].includes(name)) found.push(`shadow: <${tag} ${name}=${JSON.stringify(value.slice(0, 60))}>`);
            if (name === 'href' && !safe(value)) found.push(`shadow: unsafe href ${JSON.stringify(value.slice(0, 60))}`);
            if (name === 'id' && !ownIds.includes(value)) found.push(`shadow: id=${JSON.stringify(value.slice(0, 60))}`);
          }
          if (tag === 'a' && element.getAttribute('target') === '_blank' && element.getAttribute('rel') !== 'noopener noreferrer') found.push('shadow: a new-tab link without rel="noopener noreferrer"');
        }
      }
      return found;
    },
    { allowed: ALLOWED_IN_SHADOW, ownIds: OWN_IDS },
  );
}

/** Adds an inline chat with `attributes` to the blank page, once the element is defined. */
async function addInlineChat(page: Page, attributes: Record<string, string>): Promise<void> {
  await page.waitForFunction(() => customElements.get('pain-care-chat') !== undefined);
  await page.evaluate((attributes) => {
    const chat = document.createElement('pain-care-chat');
    chat.setAttribute('mode', 'inline');
    for (const [name, value] of Object.entries(attributes)) chat.setAttribute(name, value);
    document.getElementById('here')!.append(chat);
  }, attributes);
}

/** Waits two frames, so what was asked for is drawn. */
const drawn = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

describe('the XSS corpus', () => {
  it('has at least 150 vectors in every category the issue names', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(VECTORS.map((v) => v.id)).size).toBe(VECTORS.length);
    for (const category of ['html', 'svg', 'mathml', 'mutation', 'encoded', 'url', 'markdown', 'css', 'dom-clobbering']) {
      expect(VECTORS.filter((v) => v.category === category).length, category).toBeGreaterThanOrEqual(5);
    }
  });

  it('(a) in every field of a compiled knowledge entry: what compiles shows nothing unsafe', async () => {
    // The compiler refuses raw HTML and unsafe links outright; the rest is loaded and shown.
    expect(compiled.length + refusedByCompiler).toBe(VECTORS.length);
    expect(compiled.length).toBeGreaterThan(20);
    const { page, errors } = await hostilePage('/blank.html');
    await addInlineChat(page, { phone: '555-0100' });
    for (const { id, bundle } of compiled) {
      await page.evaluate((bundle) => {
        const chat = document.querySelector('pain-care-chat') as HTMLElement & { bundle: unknown; showEntry(id: string, passage?: string): void; ask(q: string): void };
        chat.bundle = bundle;
      }, bundle);
      await page.evaluate(
        ({ passages, question }) => {
          const chat = document.querySelector('pain-care-chat') as HTMLElement & { showEntry(id: string, passage?: string): void; ask(q: string): void };
          for (const passage of passages) chat.showEntry('nerve-block', passage);
          chat.ask(question);
        },
        { passages: bundle.entries.find((e) => e.id === 'nerve-block')!.passages.map((p) => p.id), question: bundle.entries.find((e) => e.id === 'nerve-block')!.questions[0]! },
      );
      await drawn(page);
      expect(await breaches(page), id).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(b) in every attribute of the element and every data-* of the script tag', async () => {
    const { page, errors } = await hostilePage('/blank.html');
    await page.waitForFunction(() => customElements.get('pain-care-chat') !== undefined);
    for (const { id, vector } of VECTORS) {
      await page.evaluate(
        ({ vector, attributes }) => {
          const chat = document.createElement('pain-care-chat') as HTMLElement & { ask(q: string): void };
          for (const name of attributes) chat.setAttribute(name, vector);
          chat.setAttribute('mode', 'inline');
          document.getElementById('here')!.replaceChildren(chat);
          chat.ask('what is a nerve block');
        },
        { vector, attributes: [...ATTRIBUTES] },
      );
      await drawn(page);
      expect(await breaches(page), id).toEqual([]);
    }
    expect(errors.filter((e) => !/Failed to load resource|404/.test(e))).toEqual([]);
    await page.close();
    for (let batch = 0; batch * 30 < VECTORS.length; batch++) {
      const { page: tab, errors: tabErrors } = await hostilePage(`/tags/${batch}.html`);
      await tab.waitForFunction((count) => document.querySelectorAll('pain-care-chat').length === count, Math.min(30, VECTORS.length - batch * 30));
      await tab.waitForFunction(() => [...document.querySelectorAll('pain-care-chat')].every((chat) => chat.shadowRoot?.querySelector('.panel')));
      expect(await breaches(tab), `script tags ${batch * 30}–${batch * 30 + 29}`).toEqual([]);
      expect(tabErrors.filter((e) => !/Failed to load resource|404/.test(e))).toEqual([]);
      await tab.close();
    }
  });

  it('(c) as the visitor\'s question, typed and through ask()', async () => {
    const { page, errors } = await hostilePage('/blank.html');
    await addInlineChat(page, { 'booking-url': 'https://clinic.example/book' });
    const box = page.getByRole('textbox');
    for (const { id, vector } of VECTORS) {
      await box.fill(vector.replace(/\u0000/g, ''));
      await box.press('Enter');
      await page.evaluate((vector) => (document.querySelector('pain-care-chat') as HTMLElement & { ask(q: string): void }).ask(vector), vector);
      await drawn(page);
      expect(await breaches(page), id).toEqual([]);
    }
    // The visitor's words are shown as they typed them, as text.
    const last = VECTORS[VECTORS.length - 1]!.vector.trim();
    expect(await page.locator('pain-care-chat').evaluate((chat) => [...chat.shadowRoot!.querySelectorAll('.message')].pop()?.textContent)).toContain(last.slice(0, 20));
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['the browser\'s HTML Sanitizer API', 'DOMPurify'])('(d) in a hand-edited knowledge.json that skips the compiler, sanitized by %s', async (sanitizer) => {
    const { page, errors } = await hostilePage('/blank.html', sanitizer === 'DOMPurify');
    await addInlineChat(page, { knowledge: '/hostile-knowledge.json', 'booking-url': 'https://clinic.example/book' });
    const box = page.getByRole('textbox');
    // Urgent advice made of every vector.
    await box.fill('crushing chest pain and I cannot breathe');
    await box.press('Enter');
    await page.getByRole('alert').waitFor();
    for (let i = 0; i < VECTORS.length; i++) {
      await page.evaluate((i) => {
        const chat = document.querySelector('pain-care-chat') as HTMLElement & { showEntry(id: string, passage?: string): void };
        chat.showEntry(`hostile-${i}`);
        chat.showEntry(`hostile-${i}`, `part-${i}`);
      }, i);
      if (i % 5 === 4 || i === VECTORS.length - 1) {
        await drawn(page);
        expect(await breaches(page), `entries up to ${VECTORS[i]!.id}`).toEqual([]);
      }
    }
    await box.fill('question 7');
    await box.press('Enter');
    await drawn(page);
    expect(await breaches(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
