/**
 * The knowledge studio in Debian's headless Chromium, started on a copy of the default
 * knowledge: edit, save and reload; a checker error shown and blocking the save; ask with
 * the explanation; the coverage table. Only the keyboard and labels are used to find things.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio } from '../../src/studio/server.js';
import { launchChromium } from './chromium.js';

let browser: Browser;
let studio: Awaited<ReturnType<typeof startStudio>>;
let dir: string;
const ESI = 'procedure/epidural-steroid-injection.md';

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'pcc-studio-')), 'knowledge');
  cpSync('knowledge', dir, { recursive: true });
  studio = await startStudio({ dir, port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  rmSync(dirname(dir), { recursive: true, force: true });
});

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

async function open(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${studio.url}${hash}`);
  await page.getByRole('navigation', { name: 'Studio' }).waitFor({ timeout: 60_000 });
  // The first check of all the knowledge (in a worker) takes a few seconds on a cold start.
  await expect.poll(() => page.getByText('Checking the knowledge…').count(), { timeout: 60_000 }).toBe(0);
  return { page, errors };
}

const onDisk = (path: string) => readFileSync(join(dir, path), 'utf8');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA violations axe-core finds on the page, as "rule: element" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

describe('the knowledge studio', () => {
  it('edits an entry, saves only what changed, and shows it again after a reload', async () => {
    const before = onDisk(ESI);
    const { page, errors } = await open();
    await page.getByRole('link', { name: 'Epidural steroid injection (ESI)' }).click();
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Epidural steroid injection (ESI shot)');
    await expect.poll(() => page.getByText('1 unsaved file').count()).toBe(1);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Saved ${ESI}` }).waitFor();
    const after = onDisk(ESI);
    expect(after).toBe(before.replace('title: Epidural steroid injection (ESI)\n', 'title: Epidural steroid injection (ESI shot)\n'));
    await page.reload();
    await page.getByRole('link', { name: 'Epidural steroid injection (ESI shot)' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Epidural steroid injection (ESI shot)');
    expect(await page.getByText('All changes saved').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a checker error with a link to the field, refuses to save, and keeps the edit through a reload', async () => {
    const before = onDisk('procedure/nerve-block.md');
    const { page } = await open('#/entry/procedure%2Fnerve-block.md');
    await page.getByLabel('Last reviewed').fill('');
    await page.getByLabel('Title', { exact: true }).fill('');
    const problem = page.getByRole('link', { name: /Error · procedure\/nerve-block\.md line \d+.*title/ });
    await problem.first().waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Not saved: there (is 1 error|are \d+ errors) to fix first/);
    expect(onDisk('procedure/nerve-block.md')).toBe(before);
    // The link puts the cursor in the field the error is about.
    await problem.first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-title');
    // Nothing typed is lost by a reload: it is a draft until saved.
    await page.reload();
    await page.getByLabel('Title', { exact: true }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    expect(await page.getByText('1 unsaved file').count()).toBe(1);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Nerve block');
    await page.close();
  });

  it('never overwrites a file that changed on disk after the editing started without asking', async () => {
    const path = 'procedure/trigger-point-injection.md';
    const { page } = await open(`#/entry/${encodeURIComponent(path)}`);
    await page.getByLabel('Title', { exact: true }).fill('Trigger point injections (edited in the studio)');
    await expect.poll(() => page.getByText('1 unsaved file').count()).toBe(1);
    // Someone else saves the same file meanwhile.
    const theirs = onDisk(path).replace('title: ', 'title: Their ');
    writeFileSync(join(dir, path), theirs);
    await page.reload();
    const notice = page.getByRole('alert').filter({ hasText: 'changed on disk after you started editing' });
    await notice.waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    expect(onDisk(path)).toBe(theirs);
    await page.getByRole('button', { name: /Keep my version/ }).click();
    // Ctrl+S saves, as the Save button does.
    await page.getByLabel('Title', { exact: true }).press('Control+s');
    await page.getByRole('status').filter({ hasText: `Saved ${path}` }).waitFor();
    expect(onDisk(path)).toContain('title: Trigger point injections (edited in the studio)\n');
    await page.close();
  });

  it('writes a file back with the line ends and byte-order mark it had', async () => {
    const path = 'about/book-consultation.md';
    const crlf = `\uFEFF${onDisk(path).replace(/\n/g, '\r\n')}`;
    writeFileSync(join(dir, path), crlf);
    const { page } = await open(`#/entry/${encodeURIComponent(path)}`);
    const title = page.getByLabel('Title', { exact: true });
    const before = await title.inputValue();
    expect(before.length).toBeGreaterThan(0);
    await title.fill(`${before} (edited)`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Saved ${path}` }).waitFor();
    expect(onDisk(path)).toBe(crlf.replace(`title: ${before}\r\n`, `title: ${before} (edited)\r\n`));
    await page.close();
  });

  it('answers a question as a visitor would see it, and says why', async () => {
    const { page, errors } = await open('#/ask');
    await page.getByLabel('Question', { exact: true }).fill('how long does an epidrual last');
    await page.keyboard.press('Enter');
    const reply = page.getByRole('region', { name: 'The reply a visitor gets' });
    await reply.getByRole('heading', { name: /Epidural steroid injection.*How long relief lasts/ }).waitFor();
    await reply.getByRole('link', { name: 'Book a consultation' }).waitFor();
    expect(await page.locator('#why-status').textContent()).toContain('answer from epidural-steroid-injection');
    expect(await page.locator('#why-urgent').textContent()).toContain('none fired');
    const first = page.locator('#why-matches tbody tr').first();
    expect(await first.textContent()).toContain('Epidural steroid injection');
    expect(Number(await first.locator('td').nth(2).textContent())).toBeGreaterThan(0.6);
    expect(await page.locator('#why-passages').textContent()).toContain('How long relief lasts (shown)');

    await page.getByLabel('Question', { exact: true }).fill('I cant feel my legs and I wet myself');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#why-urgent').textContent()).toContain('bladder-bowel-control');
    await reply.getByRole('alert').waitFor();
    expect(await reply.getByRole('link', { name: 'Book a consultation' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no axe-core violations on any screen, and its navigation works from the keyboard', async () => {
    const { page } = await open();
    for (const [hash, ready] of [
      ['', 'Welcome'],
      [`#/entry/${encodeURIComponent(ESI)}`, 'Title'],
      ['#/problems', 'Problems'],
      ['#/ask', 'Ask'],
      ['#/coverage', 'Coverage'],
      ['#/urgent', 'Urgent rules'],
      ['#/vocabulary', 'Vocabulary'],
      ['#/new', 'New entry'],
    ] as const) {
      await page.goto(`${studio.url}${hash}`);
      if (ready === 'Title') await page.getByLabel('Title', { exact: true }).waitFor();
      else await page.getByRole('heading', { name: ready, exact: true }).first().waitFor();
      await page.waitForTimeout(300);
      expect(await axeViolations(page), hash || 'welcome').toEqual([]);
    }
    // Tab from the top: the skip link first, then the studio's navigation.
    await page.goto(studio.url);
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
    await page.goto(`${studio.url}#/coverage`);
    await page.reload();
    await page.locator('#coverage-table').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The skip link leaves the screen as it is and puts focus on its content.
    expect(await page.evaluate(() => [location.hash, document.activeElement?.id])).toEqual(['#/coverage', 'main']);
    await page.goto(studio.url);
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ask', exact: true }).waitFor();
    await page.close();
  });

  it('tests and checks the urgent rules and vocabulary as they are edited', async () => {
    const { page } = await open('#/urgent');
    const phrase = page.getByLabel('Phrase', { exact: true });
    await phrase.fill('my husband took too many of his pain pills');
    await expect.poll(() => page.locator('#rule-test-result').textContent()).toContain('(poison)');
    await phrase.fill('how long does an epidural last');
    await expect.poll(() => page.locator('#rule-test-result').textContent()).toBe('No rule fires.');
    // A broken line is named at once, with a link that puts the cursor on it.
    const rules = page.getByLabel('urgent.yaml', { exact: true });
    const text = await rules.inputValue();
    // Typed as an editor would (filling the whole 80 KB file takes Chromium 15 s or more).
    await rules.focus();
    await rules.press('Control+Home');
    await rules.press('End');
    await page.keyboard.type('\n  broken: [');
    expect(await rules.inputValue()).toBe(text.replace('\n', '\n  broken: [\n'));
    const problem = page.getByRole('link', { name: /Error · urgent\.yaml line \d+/ }).first();
    await problem.waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    expect(onDisk('urgent.yaml')).toBe(text);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await rules.inputValue()).toBe(text);

    await page.goto(`${studio.url}#/vocabulary`);
    await page.getByLabel('Phrase', { exact: true }).fill('does the radio wave thing hurt');
    await expect.poll(() => page.locator('#rule-test-result').textContent()).toContain('radiofrequency ablation');
    await page.close();
  });

  it('renames an entry, updating every entry that lists it as related', async () => {
    const { page } = await open(`#/entry/${encodeURIComponent('procedure/occipital-nerve-block.md')}`);
    await page.getByRole('button', { name: 'Rename…' }).click();
    await page.getByLabel(/New id/).fill('occipital-block');
    await page.getByRole('button', { name: 'Rename and save' }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain(encodeURIComponent('procedure/occipital-block.md'));
    expect(existsSync(join(dir, 'procedure/occipital-nerve-block.md'))).toBe(false);
    expect(onDisk('procedure/occipital-block.md')).toContain('id: occipital-block\n');
    // The English entries; the Spanish ones (es/) have ids of their own and keep theirs.
    const all = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md') && !file.startsWith('es/'));
    expect(onDisk('es/procedure/occipital-nerve-block.md')).toContain('id: occipital-nerve-block\n');
    expect(all.filter((file) => onDisk(file).includes('occipital-nerve-block'))).toEqual([]);
    expect(all.filter((file) => /\n {2}- occipital-block\n/.test(onDisk(file))).sort()).toEqual(['condition/headache.md', 'procedure/nerve-block.md']);
    await page.close();
  });

  it('lists every example question in a coverage table that sorts and filters', async () => {
    const { page } = await open('#/coverage');
    const table = page.locator('#coverage-table');
    await table.waitFor();
    const total = (await page.evaluate(async () => {
      const response = await fetch('/api/knowledge');
      const { files } = (await response.json()) as { files: { path: string; text: string }[] };
      // Coverage runs the English knowledge's questions.
      return files.filter((f) => f.path.endsWith('.md') && !/readme/i.test(f.path) && !f.path.startsWith('es/')).map((f) => f.text);
    })).reduce((sum, text) => sum + (text.split('\nkeywords:')[0]!.split('questions:')[1]!.match(/\n\s*- /g) ?? []).length, 0);
    expect(await table.locator('tbody tr').count()).toBe(total);
    // Sort by score, lowest first.
    await table.getByRole('button', { name: 'Score' }).click();
    expect(await table.getByRole('columnheader', { name: 'Score' }).getAttribute('aria-sort')).toBe('ascending');
    const scores = (await table.locator('tbody tr td:nth-child(5)').allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    // Only the questions their own entry does not answer.
    await page.getByLabel('Show only questions not answered by their own entry').check();
    const results = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(results.length).toBeLessThan(total);
    expect(results.every((r) => r !== 'right')).toBe(true);
    // Real visitors' questions, pasted.
    await page.getByLabel('Questions, one a line').fill('how long does rfa last\nwhat is a nerve block');
    expect(await page.locator('#visitor-table tbody tr').count()).toBe(2);
    await page.close();
  });

  describe('saving while the checker works', () => {
    /**
     * Holds the checker's answers (its worker's messages) until `__releaseChecker()` is
     * called, or for ever: a slow check, or a worker that hangs.
     */
    async function holdChecker(page: Page): Promise<void> {
      await page.addInitScript(() => {
        const held: (() => void)[] = [];
        let holding = true;
        const RealWorker = window.Worker;
        window.Worker = class extends RealWorker {
          override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
            if (type !== 'message') return super.addEventListener(type, listener, options);
            const call = (event: Event) => (typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event));
            super.addEventListener('message', (event) => (holding ? held.push(() => call(event)) : call(event)), options);
          }
        };
        (window as unknown as { __releaseChecker: () => void }).__releaseChecker = () => {
          holding = false;
          for (const answer of held.splice(0)) answer();
        };
      });
    }

    const status = (page: Page) => page.locator('header .drafts').textContent();

    it('saves when the check under way finishes, saying what it waits for, and never drops Ctrl+S', async () => {
      const path = 'procedure/facet-joint-injection.md';
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await holdChecker(page);
      await page.goto(`${studio.url}#/entry/${encodeURIComponent(path)}`);
      const title = page.getByLabel('Title', { exact: true });
      await title.waitFor({ timeout: 60_000 });
      expect(await status(page)).toContain('Checking the knowledge…');
      await title.fill('Facet joint injections (saved while checking)');
      await expect.poll(() => status(page)).toContain('1 unsaved file');
      await title.press('Control+s');
      await expect.poll(() => status(page)).toContain(`Saving ${path}: waiting for the checker to finish checking the knowledge…`);
      // A second Ctrl+S while the first waits is queued, not ignored.
      await title.press('Control+s');
      await expect.poll(() => status(page)).toContain(`Saving ${path} when the save under way is done…`);
      expect(onDisk(path)).toContain('title: Facet joint injection\n');
      await page.evaluate(() => (window as unknown as { __releaseChecker: () => void }).__releaseChecker());
      await page.getByRole('status').filter({ hasText: `Saved ${path}.` }).waitFor();
      expect(onDisk(path)).toContain('title: Facet joint injections (saved while checking)\n');
      await expect.poll(() => status(page)).toBe('All changes saved');
      expect(await page.getByRole('alert').filter({ hasText: 'Not saved' }).count()).toBe(0);
      await page.close();
    });

    it('saves all the same when the checker does not answer, checking on the page and saying so', async () => {
      const path = 'procedure/spinal-cord-stimulation.md';
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await holdChecker(page);
      await page.goto(`${studio.url}#/entry/${encodeURIComponent(path)}`);
      const title = page.getByLabel('Title', { exact: true });
      await title.waitFor({ timeout: 60_000 });
      const before = await title.inputValue();
      await title.fill(`${before} (checker stuck)`);
      await title.press('Control+s');
      await expect.poll(() => status(page)).toContain(`Saving ${path}: waiting for the checker to finish checking the knowledge…`);
      // The checker never answers: after CHECKER_TIMEOUT_MS the page checks the files itself.
      await page.getByRole('status').filter({ hasText: `Saved ${path}.` }).waitFor({ timeout: 60_000 });
      expect(onDisk(path)).toContain(`title: ${before} (checker stuck)\n`);
      await page.getByRole('status').filter({ hasText: 'The checker did not answer within 20 seconds, so the studio checks on this page from now on' }).waitFor();
      // The checks go on, on the page: a broken entry is still refused.
      await title.fill('');
      await page.getByRole('link', { name: /Error · procedure\/spinal-cord-stimulation\.md line \d+.*title/ }).first().waitFor();
      await title.press('Control+s');
      await page.getByRole('alert').filter({ hasText: 'Not saved: there' }).waitFor();
      expect(onDisk(path)).toContain(`title: ${before} (checker stuck)\n`);
      await page.getByRole('button', { name: 'Discard changes' }).click();
      await page.close();
    }, 120_000);
  });
});
