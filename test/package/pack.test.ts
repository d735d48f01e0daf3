/**
 * The npm package as `npm publish` would ship it. A copy of the project (its working tree,
 * without dist/, .git or node_modules, which is linked) is built with its own
 * `npm run build` in a temp dir, so this runs with the unit tests, leaves dist/ alone and
 * never checks a stale build; then `npm pack --dry-run --json` lists what the tarball holds.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTRIBUTES } from '../../src/config/attributes.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
/** Not copied: built output, the repository, installed packages, and what tests and tools leave behind. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'scratch', '.vite', 'test/screenshots']);
/** The environment of a build outside Vitest (its NODE_ENV=test would give Lit's development build). */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));

interface PackageJson {
  main?: string;
  module?: string;
  types?: string;
  customElements?: string;
  exports?: unknown;
  files?: string[];
  dependencies?: Record<string, string>;
}

let dir: string;
let files: string[];
let pkg: PackageJson;
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
/** `./dist/index.js` → `dist/index.js`, as `npm pack` lists paths. */
const packed = (target: string) => posix.normalize(target).replace(/^\.\//, '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcc-pack-'));
  cpSync(ROOT, dir, { recursive: true, filter: (source) => !SKIP.has(relative(ROOT, source).split(sep).join('/')) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await run('npm', ['run', 'build'], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
  const [result] = JSON.parse(stdout) as { files: { path: string }[] }[];
  files = result!.files.map((file) => file.path).sort();
  pkg = JSON.parse(read('package.json')) as PackageJson;
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every file path a package.json field or `exports` entry points at. */
function targetsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targetsOf);
  return [];
}

/** The tarball `npm pack` makes of the built copy (made once). */
let tarball: Promise<string> | undefined;
const packTarball = () =>
  (tarball ??= run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: dir, env }).then(
    ({ stdout }) => join(dir, (JSON.parse(stdout) as [{ filename: string }])[0].filename),
  ));

/**
 * Installs the tarball in `consumer`/node_modules and type-checks a small app that uses the
 * element, its events and their details with `tsc --strict`, with each module resolution
 * (NodeNext, Bundler); returns what tsc printed each time ('' when it found nothing wrong).
 */
async function typecheckApp(consumer: string, resolutions: readonly ('nodenext' | 'bundler')[] = ['nodenext', 'bundler']): Promise<string[]> {
  const installed = join(consumer, 'node_modules/pain-care-chat');
  mkdirSync(installed, { recursive: true });
  await run('tar', ['-xzf', await packTarball(), '-C', installed, '--strip-components=1']);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(consumer, 'app.ts'),
    [
      `import { PainCareChat, type ReplyEventDetail } from 'pain-care-chat';`,
      `const chat: PainCareChat = document.createElement('pain-care-chat');`,
      `chat.clinicName = 'Typed Clinic';`,
      `chat.addEventListener('pcc-reply', (event) => {`,
      `  const detail: ReplyEventDetail = event.detail;`,
      `  const status: string = detail.status;`,
      `  console.log(status, detail.entryIds.length, chat instanceof PainCareChat);`,
      `});`,
      `chat.ask('how long does an epidural last');`,
      `// @ts-expect-error: not a method of the element`,
      `chat.notAMethod();`,
      '',
    ].join('\n'),
  );
  const compilerOptions = { noEmit: true, strict: true, target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], types: [] };
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app.ts'] }));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const printed: string[] = [];
  for (const resolution of resolutions) {
    const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
    const result = await run(process.execPath, [tsc, '-p', '.', '--module', module, '--moduleResolution', resolution], { cwd: consumer, env }).catch(
      (error: { stdout: string }) => error,
    );
    printed.push(result.stdout);
  }
  return printed;
}

describe('npm pack', () => {
  it('ships the script tag, the ES module, its types, the knowledge, the manifest, README and package.json', () => {
    for (const file of ['dist/pain-care-chat.js', 'dist/index.js', 'dist/npm/index.js', 'dist/types/index.d.ts', 'dist/knowledge.json', 'README.md', 'package.json']) {
      expect(files, file).toContain(file);
    }
    expect(pkg.customElements).toMatch(/(^|\/)custom-elements\.json$/);
    expect(files).toContain(packed(pkg.customElements!));
    for (const license of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) {
      if (existsSync(join(ROOT, license))) expect(files).toContain(license);
    }
  });

  it('ships every file that main, module, types, customElements and exports name', () => {
    const named = [pkg.main, pkg.module, pkg.types, pkg.customElements, ...targetsOf(pkg.exports)].filter((target): target is string => target !== undefined);
    expect(named.length).toBeGreaterThan(5);
    for (const target of named) expect(files, target).toContain(packed(target));
  });

  it('exports "." as types and an ES module import, and keeps ./knowledge.json', () => {
    const exports = pkg.exports as Record<string, unknown>;
    expect(Object.keys(exports['.'] as object)[0]).toBe('types'); // TypeScript reads the first matching condition
    expect(exports['.']).toEqual({ types: './dist/types/index.d.ts', import: './dist/npm/index.js' });
    expect(exports['./knowledge.json']).toBe('./dist/knowledge.json');
  });

  it('ships no tests, sources, demo, scripts, knowledge markdown or tool configuration', () => {
    const unwanted = files.filter(
      (file) =>
        /(^|\/)(test|tests|__tests__)\//.test(file) ||
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
        file.startsWith('src/') ||
        (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) ||
        /^(demo|scripts|knowledge|docs|\.ci)\//.test(file) ||
        (file.endsWith('.md') && file !== 'README.md') ||
        /(^|\/)(tsconfig[\w.]*\.json|vite\.config\.\w+|vitest\.config\.\w+|package-lock\.json|\.gitignore)$/.test(file),
    );
    expect(unwanted).toEqual([]);
    // Beyond those: only the built files and npm's own.
    expect(files.filter((file) => !file.startsWith('dist/') && !/^(README\.md|LICENSE(\.\w+)?|package\.json)$/.test(file))).toEqual([]);
  });

  it('ships no source map that names a private absolute path, and no file that names the build folder', () => {
    for (const file of files.filter((name) => name.endsWith('.map'))) {
      const { sources = [] } = JSON.parse(read(file)) as { sources?: string[] };
      expect(sources.filter((source) => /^(\/|file:|[a-z]:\\)|\/(work|home|tmp|root|Users)\//i.test(source)), file).toEqual([]);
    }
    for (const file of files.filter((name) => /\.(js|map|json|d\.ts)$/.test(name))) {
      const text = read(file);
      expect(text.includes(dir) || text.includes(ROOT), `${file} names ${dir} or ${ROOT}`).toBe(false);
    }
  });

  it('ships every chunk and declaration that the shipped modules import', () => {
    const missing: string[] = [];
    for (const file of files.filter((name) => /\.(js|d\.ts)$/.test(name))) {
      for (const match of read(file).matchAll(/(?:\bfrom|\bimport\(?)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
        const target = posix.join(posix.dirname(file), match[1]!);
        const candidates = file.endsWith('.d.ts') ? [target.replace(/\.js$/, '.d.ts'), target] : [target];
        if (!candidates.some((candidate) => files.includes(candidate))) missing.push(`${file} → ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes <pain-care-chat> in its Custom Elements Manifest: every attribute, event, part, CSS property and method', () => {
    const manifest = JSON.parse(read(pkg.customElements!)) as {
      schemaVersion: string;
      modules: { path: string; exports: { kind: string; name: string }[]; declarations: Record<string, unknown>[] }[];
    };
    expect(manifest.schemaVersion).toMatch(/^\d+\.\d+\.\d+$/);
    for (const module of manifest.modules) expect(files, module.path).toContain(module.path);
    const [module] = manifest.modules;
    expect(module!.exports).toContainEqual(expect.objectContaining({ kind: 'custom-element-definition', name: 'pain-care-chat' }));
    const element = module!.declarations.find((declaration) => declaration.tagName === 'pain-care-chat') as {
      name: string;
      attributes: { name: string; fieldName?: string }[];
      events: { name: string; type?: { text: string } }[];
      cssParts: { name: string }[];
      cssProperties: { name: string }[];
      members: { kind: string; name: string; privacy?: string }[];
    };
    expect(element.name).toBe('PainCareChat');
    expect(element.attributes.map((attribute) => attribute.name).sort()).toEqual([...ATTRIBUTES].sort());
    expect(element.attributes).toContainEqual(expect.objectContaining({ name: 'clinic-name', fieldName: 'clinicName' }));
    expect(element.attributes).toContainEqual(expect.objectContaining({ name: 'booking-url', fieldName: 'bookingUrl' }));
    expect(element.attributes).toContainEqual(expect.objectContaining({ name: 'open', fieldName: 'isOpen' }));
    expect(element.events.map((event) => event.name).sort()).toEqual(['pcc-booking-click', 'pcc-close', 'pcc-open', 'pcc-reply']);
    expect(element.events.find((event) => event.name === 'pcc-reply')?.type?.text).toBe('CustomEvent<ReplyEventDetail>');
    expect(element.cssParts.map((part) => part.name)).toEqual(expect.arrayContaining(['launcher', 'panel', 'input', 'booking-link']));
    expect(element.cssProperties.map((property) => property.name)).toContain('--pcc-accent');
    const methods = element.members.filter((member) => member.kind === 'method').map((member) => member.name);
    expect(methods).toEqual(expect.arrayContaining(['open', 'close', 'ask', 'showEntry', 'clear']));
    expect(element.members.filter((member) => member.privacy === 'private' || member.privacy === 'protected')).toEqual([]);
  });

  it('gives a TypeScript app the types of `import "pain-care-chat"`, with NodeNext and Bundler resolution', async () => {
    // In the copy, so everything in this project's node_modules resolves, as in a flat npm install.
    expect(await typecheckApp(join(dir, 'consumer'))).toEqual(['', '']);
  }, 60_000);

  it('gives the types with only the dependencies the package declares installed beside it (as pnpm does)', async () => {
    const consumer = mkdtempSync(join(tmpdir(), 'pcc-consumer-'));
    try {
      mkdirSync(join(consumer, 'node_modules'));
      for (const name of Object.keys(pkg.dependencies ?? {})) symlinkSync(join(ROOT, 'node_modules', name), join(consumer, 'node_modules', name), 'dir');
      const printed = await typecheckApp(consumer, ['nodenext']);
      expect(printed).toEqual(['']);
    } finally {
      rmSync(consumer, { recursive: true, force: true });
    }
  }, 60_000);

  it('the built ES module entry imports in plain Node (server-side rendering)', async () => {
    const code = `try { const m = await import(process.argv[1]); console.log(JSON.stringify({ exports: Object.keys(m), window: typeof window, document: typeof document })); } catch (error) { console.log(JSON.stringify({ error: String(error) })); }`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code, pathToFileURL(join(dir, 'dist/npm/index.js')).href], { cwd: dir, env });
    const result = JSON.parse(stdout) as { exports?: string[]; error?: string; window?: string; document?: string };
    expect(result).toEqual({ exports: ['PainCareChat'], window: 'undefined', document: 'undefined' });
  });
});
