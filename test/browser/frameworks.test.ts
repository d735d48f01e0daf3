/**
 * The npm package in apps: a React 19 page and a Vue 3 page (test/fixtures/frameworks/)
 * that `import 'pain-care-chat'` and render `<pain-care-chat mode="inline" …>` with a
 * `pcc-reply` listener. The package is the tarball `npm pack` makes from the built dist/,
 * unpacked into a temp app's node_modules (React and Vue linked from this project's), and
 * each page is built with Vite's `build()`, then opened in Chromium, where a visitor asks.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import vue from '@vitejs/plugin-vue';
import { type InlineConfig, build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { type Harness, ask, questionBox, visit } from './harness.js';
import { serve } from './server.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/frameworks');

let app: string;
let harness: Harness;

/** Builds `test/fixtures/frameworks/<name>` as the temp app's page `/<name>/`, for production. */
async function buildPage(name: string, config: InlineConfig = {}): Promise<void> {
  cpSync(join(FIXTURES, name), join(app, name), { recursive: true });
  await build({
    configFile: false,
    envDir: false,
    root: join(app, name),
    base: `/${name}/`,
    logLevel: 'warn',
    build: { outDir: join(app, 'site', name), emptyOutDir: true, target: 'es2022' },
    ...config,
  });
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/index.js')) || !existsSync(join(ROOT, 'dist/knowledge.json'))) {
    throw new Error('dist/ is not built; run "npm run build" before the browser tests');
  }
  app = mkdtempSync(join(tmpdir(), 'pcc-frameworks-'));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], { cwd: ROOT });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  const installed = join(app, 'node_modules/pain-care-chat');
  mkdirSync(installed, { recursive: true });
  await run('tar', ['-xzf', join(app, filename), '-C', installed, '--strip-components=1']);
  // The frameworks, and the package's own dependencies (Lit, DOMPurify, fuse.js), as an install would put them beside it.
  const dependencies = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  for (const name of ['react', 'react-dom', 'vue', ...dependencies]) symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name), 'dir');

  // Vitest runs with NODE_ENV=test; an app's production build runs with production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildPage('react', { oxc: { jsx: { runtime: 'automatic', importSource: 'react' } } });
    await buildPage('vue', { plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'pain-care-chat' } } })] });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }

  // The pages, and the knowledge the package ships (`pain-care-chat/knowledge.json`) at /knowledge.json.
  const server = await serve([join(app, 'site'), join(installed, 'dist')]);
  const browser = await launchChromium();
  harness = {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}, 180_000);

afterAll(async () => {
  await harness?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

describe.each([
  { framework: 'React', path: '/react/index.html' },
  { framework: 'Vue', path: '/vue/index.html' },
])('<pain-care-chat> from the npm package in a $framework app', ({ framework, path }) => {
  it('answers a question, and the page hears pcc-reply with status "answer", with no errors', async () => {
    const asked = harness.server.requests.length;
    const { page, errors } = await visit(harness, path);
    const withErrors = (error: Error) => {
      throw new Error(`${error.message}\npage errors: ${JSON.stringify(errors)}`);
    };
    const chat = page.getByRole('region', { name: new RegExp(`${framework} Clinic`) });
    await chat.waitFor().catch(withErrors);
    expect(await chat.evaluate((node) => (node.getRootNode() as ShadowRoot).host?.localName)).toBe('pain-care-chat');
    await questionBox(page).waitFor();
    await ask(page, 'how long does an epidural last');
    const reply = page.getByRole('log').locator('article').last();
    await reply.waitFor().catch(withErrors);
    expect(await reply.getByRole('heading').first().textContent()).toMatch(/epidural/i);
    await expect.poll(() => page.locator('#replies').textContent()).not.toBe('[]');
    const replies = JSON.parse((await page.locator('#replies').textContent()) ?? '[]') as { status: string; entryIds: string[] }[];
    expect(replies).toHaveLength(1);
    expect(replies[0]!.status).toBe('answer');
    expect(replies[0]!.entryIds.length).toBeGreaterThan(0);
    expect(harness.server.requests.slice(asked)).toContain('/knowledge.json');
    expect(errors).toEqual([]);
    await page.close();
  });
});
