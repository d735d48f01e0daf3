/**
 * The built widget (`dist/`) in headless Chromium, on plain pages that paste the README's
 * snippet: what a visitor sees and can do.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, ask as askIn, launcherOf, questionBox, startHarness, visit as visitIn } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  const brokenKnowledge: Record<string, string> = {
    '/not-json.json': '<html>Not found</html>',
    '/old-format.json': JSON.stringify({ format: 0, entries: [] }),
    '/wrong-shape.json': JSON.stringify({ format: 1, entries: [{ id: 1 }] }),
    // Over the 20 MB the chat reads (MAX_KNOWLEDGE_BYTES): refused before it is parsed.
    '/huge.json': ' '.repeat(21 * 1024 * 1024),
  };
  harness = await startHarness([
    (req, res) => {
      const body = brokenKnowledge[req.url ?? ''];
      if (body === undefined) return false;
      res.setHeader('Content-Type', 'application/json');
      res.end(body);
      return true;
    },
    (req, res) => {
      if (req.url !== '/es.html') return false;
      res.setHeader('Content-Type', 'text/html');
      res.end(readFileSync('test/fixtures/pages/plain.html', 'utf8').replace('<html lang="en">', '<html lang="es">'));
      return true;
    },
    (req, res) => {
      // /broken/<file>: the plain page with data-knowledge pointing at /<file>.
      const match = /^\/broken\/([\w.-]+)$/.exec(req.url ?? '');
      if (!match) return false;
      res.setHeader('Content-Type', 'text/html');
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Broken</title></head><body>` +
          `<script type="module" src="/pain-care-chat.js" data-knowledge="/${match[1]}" data-booking-url="https://clinic.example/book" data-phone="(555) 010-2000"></script></body></html>`,
      );
      return true;
    },
  ]);
});

afterAll(async () => {
  await harness?.close();
});

const visit = (path: string) => visitIn(harness, path);
const ask = (page: Page, question: string) => askIn(page, question);

describe('<pain-care-chat> from dist/ in Chromium', () => {
  it('renders a closed launcher that says it opens the chat', async () => {
    const { page, errors } = await visit('/plain.html');
    const launcher = launcherOf(page);
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a dialog with focus in the question box, without scrolling the page', async () => {
    const { page } = await visit('/plain.html');
    await launcherOf(page).click();
    const dialog = page.getByRole('dialog', { name: 'Ask Test Clinic' });
    await dialog.waitFor();
    await expect(launcherOf(page).getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await questionBox(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.getByText(/General information, not medical advice\. In an emergency, call 911\./).isVisible()).toBe(true);
    await page.close();
  });

  it('answers a question with its title, a source, the reviewed date and a booking link', async () => {
    const { page, errors } = await visit('/plain.html');
    await launcherOf(page).click();
    await ask(page, 'how long does an epidural steroid injection last');
    const reply = page.getByRole('log').locator('article').last();
    await reply.waitFor();
    expect(await reply.getByRole('heading').textContent()).toContain('Epidural steroid injection');
    expect(await reply.textContent()).toMatch(/Sources:\s*\S+/);
    expect(await reply.textContent()).toMatch(/Last reviewed \d{4}-\d{2}-\d{2}/);
    const booking = reply.getByRole('link', { name: 'Book a consultation' });
    expect(await booking.getAttribute('href')).toBe('https://clinic.example/book');
    expect(await booking.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await reply.getByRole('link', { name: 'Call (555) 010-2000' }).getAttribute('href')).toBe('tel:5550102000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fires pcc-reply with the status and entry ids but never the question', async () => {
    const { page } = await visit('/plain.html');
    await page.evaluate(() => {
      (window as unknown as { details: unknown[] }).details = [];
      document.addEventListener('pcc-reply', (event) => (window as unknown as { details: unknown[] }).details.push((event as CustomEvent).detail));
    });
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    expect(await page.evaluate(() => (window as unknown as { details: unknown[] }).details)).toEqual([{ status: 'answer', entryIds: ['nerve-block'] }]);
    await page.close();
  });

  it('shows urgent advice as an alert with a call link and no booking prompt', async () => {
    const { page } = await visit('/plain.html');
    await launcherOf(page).click();
    await ask(page, "my legs went numb and I can't hold my bladder");
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Call 911 now');
    expect(await alert.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911');
    expect(await page.getByRole('link', { name: 'Book a consultation' }).count()).toBe(0);
    await page.close();
  });

  it('says plainly when it does not know, and offers to call or book', async () => {
    const { page } = await visit('/plain.html');
    await launcherOf(page).click();
    await ask(page, 'can you fix my car');
    await page.getByText("Sorry, I don't have an answer to that.").waitFor();
    expect(await page.getByRole('link', { name: 'Book a consultation' }).count()).toBe(1);
    await page.close();
  });

  it('asks "Did you mean" and answers the chosen entry', async () => {
    const { page } = await visit('/plain.html');
    await launcherOf(page).click();
    await ask(page, 'injection');
    await page.getByText('Did you mean one of these?').waitFor();
    await page.getByRole('button', { name: 'Epidural steroid injection (ESI)' }).click();
    await page.getByRole('log').locator('article').waitFor();
    expect(await page.getByRole('log').locator('article h3').textContent()).toContain('Epidural steroid injection');
    await page.close();
  });

  it('shows the visitor’s words as text, never as HTML', async () => {
    const { page } = await visit('/plain.html');
    await launcherOf(page).click();
    await page.evaluate(() => ((window as unknown as { hacked: boolean }).hacked = false));
    await ask(page, '<img src=x onerror="window.hacked=true"> what is a nerve block');
    await page.locator('pain-care-chat .message').waitFor();
    await page.locator('pain-care-chat .reply').last().waitFor();
    const images = await page.evaluate(() => document.querySelector('pain-care-chat')!.shadowRoot!.querySelectorAll('img').length);
    expect(images).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hacked: boolean }).hacked)).toBe(false);
    expect(await page.getByText('<img src=x onerror="window.hacked=true"> what is a nerve block').count()).toBe(1);
    await page.close();
  });

  it('is accessible by keyboard: Tab reaches the launcher, Enter opens and sends, Escape closes and focus returns to the launcher', async () => {
    const { page } = await visit('/plain.html');
    await launcherOf(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PAIN-CARE-CHAT');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type('what is a nerve block');
    await page.keyboard.press('Enter');
    await page.getByRole('log').locator('article').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    const focused = await page.evaluate(() => document.querySelector('pain-care-chat')!.shadowRoot!.activeElement?.className);
    expect(focused).toBe('launcher');
    await page.close();
  });

  it('clears the conversation', async () => {
    const { page } = await visit('/plain.html');
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    await page.getByRole('button', { name: 'Clear conversation' }).click();
    expect(await page.getByRole('log').locator('article').count()).toBe(0);
    await page.close();
  });

  it.each([
    ['missing.json', 'knowledge-unreachable', 'HTTP 404'],
    ['not-json.json', 'knowledge-not-json', 'is not JSON'],
    ['old-format.json', 'knowledge-format', 'has format 0'],
    ['wrong-shape.json', 'knowledge-invalid', 'entries[0].id must be text'],
    ['huge.json', 'knowledge-too-large', 'is 21.0 MB, over the 20.0 MB the chat reads'],
  ])('says it cannot answer when the knowledge is %s, still offering phone and booking, with no page error', async (file, code, why) => {
    const { page, errors, warnings } = await visit(`/broken/${file}`);
    await launcherOf(page).click();
    await page.getByText("Sorry, I can't answer questions right now.").waitFor();
    expect(await page.getByRole('link', { name: 'Book a consultation' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Call (555) 010-2000' }).count()).toBe(1);
    // The widget tries the knowledge again for the new question, then says it cannot answer.
    await ask(page, 'what is a nerve block');
    await page.getByText("Sorry, I can't answer questions right now.").nth(1).waitFor();
    expect(await page.getByText("Sorry, I can't answer questions right now.").count()).toBe(2);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    expect(warnings.filter((w) => w.startsWith(`pain-care-chat [${code}]`) && w.includes(why))).toHaveLength(1);
    await page.close();
  });

  it('keeps up with a visitor sending hundreds of questions at once: the last one answered, the conversation capped, the page still working', async () => {
    const { page, errors } = await visit('/plain.html');
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('link', { name: 'Book a consultation' }).first().waitFor();
    await page.evaluate(() => {
      const clicks = document.createElement('button');
      clicks.id = 'page-button';
      clicks.textContent = '0';
      clicks.addEventListener('click', () => (clicks.textContent = String(Number(clicks.textContent) + 1)));
      document.body.prepend(clicks);
      const chat = document.querySelector('pain-care-chat') as HTMLElement & { ask(q: string): void };
      for (let i = 0; i < 400; i++) chat.ask(i % 3 === 0 ? `how long does an epidural last ${i}` : i % 3 === 1 ? `is rfa painful ${i}` : `question number ${i} about my knee`);
      chat.ask('what is a nerve block, last one');
    });
    // The page's own button still works while the chat answers.
    await page.locator('#page-button').click();
    await page.locator('#page-button').click();
    expect(await page.locator('#page-button').textContent()).toBe('2');
    await page.getByText('what is a nerve block, last one').waitFor();
    const counts = await page.locator('pain-care-chat').evaluate((chat) => ({
      messages: chat.shadowRoot!.querySelectorAll('.message, .reply:not(.reply--greeting)').length,
      lastIsAnswer: [...chat.shadowRoot!.querySelectorAll('.reply')].pop()?.classList.contains('reply--answer'),
    }));
    // At most the 200 newest messages are kept (MAX_MESSAGES), and the last question got its answer.
    expect(counts.messages).toBeLessThanOrEqual(200);
    expect(counts.lastIsAnswer).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pasted twice and used inline, shows one floating chat and one inline chat, with no errors', async () => {
    const { page, errors } = await visit('/twice.html');
    await page.waitForFunction(() => customElements.get('pain-care-chat') !== undefined);
    await launcherOf(page).waitFor();
    expect(await page.locator('pain-care-chat').count()).toBe(2);
    expect(await launcherOf(page).count()).toBe(1);
    const inline = page.getByRole('region', { name: /Ask/ });
    await inline.getByRole('textbox', { name: 'Your question' }).fill('what is a nerve block');
    await inline.getByRole('textbox', { name: 'Your question' }).press('Enter');
    await inline.locator('article').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('requests only its own files and the knowledge, and sets no cookie or storage', async () => {
    const { page } = await visit('/plain.html');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await launcherOf(page).click();
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor();
    for (const path of requests) expect(path).toMatch(/^\/(pain-care-chat[\w.-]*\.js|index\.js|knowledge\.json)$/);
    expect(await page.evaluate(() => [document.cookie, localStorage.length])).toEqual(['', 0]);
    await page.close();
  });

  it('speaks Spanish on a Spanish page and English elsewhere, each page loading only its own words', async () => {
    const chunkWith = (marker: string) => `/${readdirSync('dist').find((file) => file.endsWith('.js') && readFileSync(`dist/${file}`, 'utf8').includes(marker))}`;
    const spanishChunk = chunkWith('Borrar la conversación');
    const englishChunk = chunkWith('Clear conversation');
    const seen = async (path: string) => {
      const { page, errors } = await visit(path);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.getByRole('button', { name: /chat/ }).click();
      await page.getByRole('dialog').waitFor();
      const box = await page.getByRole('textbox').getAttribute('placeholder');
      await page.close();
      return { box, spanish: requests.includes(spanishChunk), english: requests.includes(englishChunk), errors };
    };
    expect(await seen('/plain.html')).toEqual({ box: 'Type your question…', spanish: false, english: true, errors: [] });
    expect(await seen('/es.html')).toEqual({ box: 'Escriba su pregunta…', spanish: true, english: false, errors: [] });
  });

  it('answers a Spanish question on a Spanish page from the Spanish knowledge, and gives urgent advice in Spanish', async () => {
    const { page, errors } = await visit('/es.html');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.getByRole('button', { name: /chat/ }).click();
    const box = page.getByRole('textbox', { name: 'Su pregunta' });
    await box.fill('cuanto dura el alivio de la inyeccion epidural');
    await box.press('Enter');
    await page.getByRole('heading', { name: /^Inyección epidural de esteroides/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Reservar una consulta' }).count()).toBeGreaterThan(0);
    await box.fill('tengo fiebre y sale pus donde me pusieron la inyeccion');
    await box.press('Enter');
    await page.getByRole('alert').filter({ hasText: /Llame/ }).waitFor();
    expect(requests).toContain('/knowledge.es.json');
    expect(requests).not.toContain('/knowledge.json');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives urgent advice at once even while the typo search is stuck, and still answers other questions', async () => {
    const typoChunk = readdirSync('dist').find((file) => file.endsWith('.js') && readFileSync(`dist/${file}`, 'utf8').includes('Pattern length exceeds max of'))!;
    const { page, errors } = await visit('/plain.html');
    // The typo search's request never finishes (it is asked for only once the visitor starts a question).
    await page.route(`**/${typoChunk}`, () => new Promise(() => undefined));
    await launcherOf(page).click();
    await ask(page, "I can't breathe and my chest hurts");
    await page.getByRole('log').getByRole('alert').waitFor({ timeout: 1500 });
    await ask(page, 'what is a nerve block');
    await page.getByRole('log').locator('article').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the launcher and says why in the console when the words cannot load', async () => {
    const { page, errors, warnings } = await visit('/favicon.svg');
    await page.route(/\/pain-care-chat-[\w-]+\.js$/, async (route) => {
      const body = await (await route.fetch()).text();
      if (body.includes('Clear conversation')) await route.fulfill({ status: 404, body: 'gone' });
      else await route.continue();
    });
    await page.goto(`${harness.server.url}/plain.html`);
    await launcherOf(page).hover();
    await expect.poll(() => warnings.some((w) => w.includes('[strings-failed]'))).toBe(true);
    expect(await launcherOf(page).isVisible()).toBe(true);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });
});
