/**
 * Security in headless Chromium on the built `dist/`: the knowledge file checked against
 * its Subresource Integrity hash, the script tag under SRI, and a hostile booking URL.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launcherOf, questionBox, startHarness, visit } from './harness.js';

let harness: Harness;
const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

/** The plain page's snippet with `attributes` added to the script tag. */
function snippet(attributes: string): string {
  return readFileSync('test/fixtures/pages/plain.html', 'utf8').replace('<script type="module"', `<script type="module" ${attributes}`);
}

beforeAll(async () => {
  harness = await startHarness([
    (req, res) => {
      const pages: Record<string, () => string> = {
        '/sri-good.html': () => snippet(`integrity="${sri('dist/pain-care-chat.js')}" crossorigin="anonymous" data-integrity="${sri('dist/knowledge.json')}"`),
        '/sri-wrong.html': () => snippet(`data-integrity="${sri('dist/knowledge.es.json')}"`),
        '/sri-malformed.html': () => snippet('data-integrity="md5-abc"'),
        '/bad-booking.html': () => snippet('').replace('data-booking-url="https://clinic.example/book"', 'data-booking-url=" JaVa&#x09;ScRiPt:__xss()"'),
      };
      const page = pages[req.url ?? ''];
      if (!page) return false;
      res.setHeader('Content-Type', 'text/html');
      res.end(page());
      return true;
    },
  ]);
});

afterAll(async () => {
  await harness?.close();
});

describe('knowledge integrity', () => {
  it('answers when the script and the knowledge match the hashes the build printed', async () => {
    const { page, errors } = await visit(harness, '/sri-good.html');
    await launcherOf(page).click();
    await questionBox(page).fill('what is a nerve block');
    await questionBox(page).press('Enter');
    await page.getByRole('link', { name: 'Book a consultation' }).first().waitFor();
    expect(await page.getByRole('heading', { name: /Nerve block/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [page, why] of [
    ['/sri-wrong.html', 'does not match the "integrity" hash the page gives'],
    ['/sri-malformed.html', 'is not Subresource Integrity metadata'],
  ] as const) {
    it(`refuses a knowledge file that does not match the integrity hash (${page}), and still offers the phone and booking link`, async () => {
      const { page: tab, warnings } = await visit(harness, page);
      await launcherOf(tab).click();
      await questionBox(tab).fill('what is a nerve block');
      await questionBox(tab).press('Enter');
      await tab.getByText("Sorry, I can't answer questions right now.").first().waitFor();
      expect(await tab.getByRole('link', { name: 'Book a consultation' }).count()).toBeGreaterThan(0);
      expect(await tab.getByRole('heading', { name: /Nerve block/ }).count()).toBe(0);
      expect(warnings.some((w) => w.startsWith('pain-care-chat [knowledge-integrity]') && w.includes(why))).toBe(true);
      await tab.close();
    });
  }
});

describe('the URL policy', () => {
  it('refuses a javascript: booking URL, leaving the phone, with a console warning', async () => {
    const { page, warnings, errors } = await visit(harness, '/bad-booking.html');
    await launcherOf(page).click();
    await questionBox(page).fill('what is a nerve block');
    await questionBox(page).press('Enter');
    await page.getByRole('link', { name: 'Call (555) 010-2000' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Book a consultation' }).count()).toBe(0);
    expect(warnings.some((w) => w.startsWith('pain-care-chat [bad-url]') && w.includes('"booking-url"'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
