/**
 * Server-side rendering: importing the ES module entry (src/index.ts) in plain Node, where
 * there is no `window` or `document`, must not throw, must not create them, and must not
 * register the element. It runs in a child process, so nothing of Vitest's is in the way
 * and a module that reads `window.x` at import time fails with where it did so.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

/** Imports argv[1] and prints what it exported and what it left on globalThis, or the error. */
const PROBE = `
const browserGlobals = ['window', 'document', 'HTMLElement', 'customElements', 'localStorage', 'sessionStorage', 'matchMedia', 'CSS'];
const before = Object.fromEntries(browserGlobals.map((name) => [name, typeof globalThis[name]]));
try {
  const entry = await import(process.argv[1]);
  console.log(JSON.stringify({
    exports: Object.keys(entry),
    before,
    after: Object.fromEntries(browserGlobals.map((name) => [name, typeof globalThis[name]])),
    // Lit's Node build brings a stand-in customElements registry; the entry must not use it.
    defined: typeof customElements !== 'undefined' && customElements.get('pain-care-chat') !== undefined,
  }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error && error.stack || error) }));
}
`;

interface Probe {
  error?: string;
  exports: string[];
  before: Record<string, string>;
  after: Record<string, string>;
  defined: boolean;
}

async function importInNode(entry: string): Promise<Probe> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE, pathToFileURL(resolve(ROOT, entry)).href], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Probe;
}

describe('importing the ES module entry during server-side rendering', () => {
  it('src/index.ts imports in plain Node without a window or document, and registers nothing', async () => {
    const probe = await importInNode('src/index.ts');
    expect(probe.error).toBeUndefined();
    expect(probe.exports).toContain('PainCareChat');
    expect(probe.before.window).toBe('undefined');
    expect(probe.before.document).toBe('undefined');
    expect(probe.after.window).toBe('undefined');
    expect(probe.after.document).toBe('undefined');
    expect(probe.after.localStorage).toBe('undefined');
    expect(probe.defined).toBe(false);
  });
});
