/**
 * The knowledge studio's server (`npm run studio -- [DIR] [--port N]`): a Vite dev server on
 * this computer only (127.0.0.1) that serves the studio and reads and writes the knowledge
 * files under DIR. All checking and matching happen in the studio page, with the same core
 * the widget and the CLI use; this server only moves files.
 *
 * It refuses requests that did not come from the studio page itself (another website open in
 * the same browser cannot read or change the files), paths outside DIR, and files that are not
 * `.md` or `.yaml`. A save names the text it expects each file to have on disk; when a file
 * was changed meanwhile by someone else, nothing is written and the studio says so; a save of
 * several files writes all of them or none. One studio at a time may have a folder open
 * ({@link STUDIO_LOCK}).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, createServer } from 'vite';
import { builtinUrgentRules } from '../cli/urgent-rules-plugin.js';
import { KNOWLEDGE_FILE, readKnowledgeDir } from '../cli/files.js';
import type { KnowledgeFile } from '../knowledge/compile.js';

const STUDIO_ROOT = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = resolve(STUDIO_ROOT, '../..');
/** The code the studio page runs: the studio's own and the core it shares with the widget. */
const STUDIO_SOURCES = join(REPO_ROOT, 'src');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const MAX_BODY = 5 * 1024 * 1024;

/** A knowledge file as the studio gets it: `path` relative to the folder, with `/` between folders. */
export type StudioFile = KnowledgeFile;

/** Every knowledge file under `dir` (Markdown and YAML), sorted by path, relative to `dir`; links are not followed. */
export function listFiles(dir: string): StudioFile[] {
  return readKnowledgeDir(dir, { from: dir, followLinks: false });
}

/** The absolute path of `path` inside `dir`, or an error message saying why it is not allowed. */
export function resolveInside(dir: string, path: unknown): string | { error: string } {
  if (typeof path !== 'string' || path === '') return { error: 'a file path is missing' };
  if (isAbsolute(path) || path.includes('\\') || path.split('/').some((part) => part === '..' || part === '' || part.startsWith('.'))) {
    return { error: `${JSON.stringify(path)} is not a path inside the knowledge folder` };
  }
  if (!KNOWLEDGE_FILE.test(path)) return { error: `${JSON.stringify(path)} is not a .md or .yaml file` };
  const full = resolve(dir, path);
  if (relative(dir, full).startsWith('..')) return { error: `${JSON.stringify(path)} is outside the knowledge folder` };
  // No link on the way may lead elsewhere: each part that exists must be a plain folder or file.
  let at = dir;
  for (const part of path.split('/')) {
    at = join(at, part);
    const kind = lstatSync(at, { throwIfNoEntry: false });
    if (!kind) break;
    if (kind.isSymbolicLink()) return { error: `${JSON.stringify(path)} goes through a link; the studio edits only plain files in the folder` };
  }
  return full;
}

export type Change = { path: string; text: string } | { path: string; delete: true };

export interface SaveRequest {
  changes: Change[];
  /** For each path the save touches: the text the studio last read (or `null`: the file must not exist yet). */
  expect: Record<string, string | null>;
}

export type SaveResult = { ok: true } | { ok: false; status: number; error: string; conflicts?: string[] };

/** What a file holds now, as bytes (to put it back exactly), or `null` when there is no such file. */
const readOrNull = (full: string): Buffer | null => {
  try {
    return readFileSync(full);
  } catch {
    return null;
  }
};

/**
 * A new hidden file beside `full`, created exclusively (`wx`: never an existing file, never
 * through a link) under a random name, holding `content`. The name cannot be guessed, so
 * nobody can plant a link there beforehand to make the save write elsewhere; it starts with a
 * dot, so the studio's listing and the compiler never pick it up.
 */
function writeTemporary(full: string, content: string | Buffer, mode?: number): string {
  const temporary = join(dirname(full), `.${basename(full)}.${randomBytes(12).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', mode ?? 0o666);
  try {
    writeFileSync(fd, content);
    // On disk before it replaces the old file: a crash right after never leaves an empty file.
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/** A step of a save once it is done, and how to undo it. */
type Done = { kind: 'written'; full: string; before: Buffer | null; mode?: number } | { kind: 'deleted'; full: string; aside: string };

/**
 * Applies a save: every change or none. Nothing is written when a file changed on disk
 * meanwhile (409). Each new text goes to a temporary file first; only when all are written
 * are they renamed into place (each rename replaces a file whole) and the deleted files moved
 * aside. When any step fails, the steps already done are undone (each file gets back exactly
 * what it held) and every temporary file is removed, so the folder is as it was.
 */
export function applySave(dir: string, request: unknown): SaveResult {
  const body = request as Partial<SaveRequest> | null;
  if (!body || !Array.isArray(body.changes) || typeof body.expect !== 'object' || body.expect === null) {
    return { ok: false, status: 400, error: 'a save needs "changes" and "expect"' };
  }
  const planned: { full: string; change: Change; before: Buffer | null }[] = [];
  const conflicts: string[] = [];
  for (const change of body.changes) {
    const full = resolveInside(dir, change?.path);
    if (typeof full !== 'string') return { ok: false, status: 400, error: full.error };
    if (!('delete' in change) && typeof (change as { text?: unknown }).text !== 'string') return { ok: false, status: 400, error: `no text for ${change.path}` };
    if (planned.some((p) => p.change.path === change.path)) return { ok: false, status: 400, error: `${JSON.stringify(change.path)} is changed twice in one save; send one change a file` };
    const expected = body.expect[change.path];
    if (expected === undefined) return { ok: false, status: 400, error: `the save does not say what ${change.path} held before` };
    const before = readOrNull(full);
    if ((before === null ? null : before.toString('utf8')) !== expected) conflicts.push(change.path);
    planned.push({ full, change, before });
  }
  if (conflicts.length > 0) {
    return { ok: false, status: 409, error: `changed on disk since the studio read it: ${conflicts.join(', ')}; reload to see the new version (your edits stay as a draft)`, conflicts };
  }
  const madeFolders: { deepest: string; top: string }[] = [];
  const modes = new Map<string, number>();
  const temporaries = new Map<string, string>();
  const done: Done[] = [];
  let failedOn = '';
  try {
    for (const { full, change, before } of planned) {
      if ('delete' in change) continue;
      failedOn = change.path;
      const made = mkdirSync(dirname(full), { recursive: true });
      if (made) madeFolders.push({ deepest: dirname(full), top: made });
      // A file keeps its permissions when it is saved.
      if (before !== null) modes.set(full, statSync(full).mode & 0o7777);
      temporaries.set(full, writeTemporary(full, change.text, modes.get(full)));
    }
    for (const { full, change, before } of planned) {
      failedOn = change.path;
      if ('delete' in change) {
        if (before === null) continue;
        // Moved aside rather than removed, so that a later failure can bring it back.
        const aside = join(dirname(full), `.${basename(full)}.${randomBytes(12).toString('hex')}.deleted`);
        renameSync(full, aside);
        done.push({ kind: 'deleted', full, aside });
      } else {
        renameSync(temporaries.get(full)!, full);
        temporaries.delete(full);
        done.push({ kind: 'written', full, before, mode: modes.get(full) });
      }
    }
  } catch (error) {
    const notRestored = undo(done.reverse());
    for (const temporary of temporaries.values()) rmSync(temporary, { force: true });
    for (const folders of madeFolders.reverse()) removeEmptyFolders(folders);
    const reason = `could not save ${failedOn}: ${(error as Error).message}`;
    if (notRestored.length > 0) {
      return { ok: false, status: 500, error: `${reason}; and could not put back ${notRestored.join(', ')}, which may now hold the new text; check those files (your edits stay as a draft)` };
    }
    return { ok: false, status: 500, error: `${reason}; nothing was changed; check that the folder can be written to and save again (your edits stay as a draft)` };
  }
  for (const step of done) if (step.kind === 'deleted') rmSync(step.aside, { force: true });
  return { ok: true };
}

/** Undoes the steps of a failed save, newest first; returns the files it could not put back. */
function undo(steps: Done[]): string[] {
  const failed: string[] = [];
  for (const step of steps) {
    try {
      if (step.kind === 'deleted') renameSync(step.aside, step.full);
      else if (step.before === null) rmSync(step.full, { force: true });
      else renameSync(writeTemporary(step.full, step.before, step.mode), step.full);
    } catch {
      failed.push(step.full);
    }
  }
  return failed;
}

/** Removes the folders a failed save made, from `deepest` up to `top`, as long as they are empty. */
function removeEmptyFolders({ deepest, top }: { deepest: string; top: string }): void {
  for (let at = deepest; ; at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
    if (at === top) return;
  }
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('the request is too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** The studio's file API, for the files under `dir`. */
function studioApi(dir: string, label: string): Plugin {
  return {
    name: 'pain-care-chat-studio-api',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://studio.invalid');
        if (!url.pathname.startsWith('/api/')) return next();
        // Only the studio page may call: same host (no DNS rebinding), and for writes the
        // same origin and a JSON body (which another site's form or image cannot send).
        const host = req.headers.host ?? '';
        const address = server.httpServer?.address();
        const port = typeof address === 'object' && address ? address.port : -1;
        if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, { error: 'not the studio' });
        try {
          if (req.method === 'GET' && url.pathname === '/api/knowledge') return send(res, 200, { folder: label, root: dir, files: listFiles(dir) });
          if (req.method === 'POST' && url.pathname === '/api/save') {
            const origin = req.headers.origin;
            if (origin !== `http://${host}` || !(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 403, { error: 'not the studio' });
            const result = applySave(dir, await readJson(req));
            return result.ok ? send(res, 200, result) : send(res, result.status, result);
          }
          return send(res, 404, { error: 'no such request' });
        } catch (error) {
          return send(res, 500, { error: (error as Error).message });
        }
      });
    },
  };
}

export interface StudioOptions {
  /** The knowledge folder; default `knowledge`. */
  dir?: string;
  port?: number;
}

/**
 * The file that says a studio has a knowledge folder open: in the folder itself (so it holds
 * however the folder is reached: another path, a link, another user), hidden (the studio and
 * the compiler leave out hidden files), holding the studio's process id and address. Two
 * studios on one folder would each check a save against what it read, not against what the
 * other just wrote, and one editor's changes would be lost; so a second studio refuses to start.
 */
export const STUDIO_LOCK = '.studio.lock';

interface LockRecord {
  pid: number;
  host: string;
  url?: string;
}

function readLock(file: string): LockRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockRecord>;
    return typeof record.pid === 'number' && typeof record.host === 'string' ? (record as LockRecord) : null;
  } catch {
    return null;
  }
}

/** True when the studio that wrote `record` may still be running (on another computer: it cannot be told, so yes). */
function holderRuns(record: LockRecord): boolean {
  if (record.host !== hostname()) return true;
  try {
    process.kill(record.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function refusal(given: string, lock: string, record: LockRecord): Error {
  const where = record.url ? `at ${record.url}` : 'still starting';
  const who = record.host === hostname() ? `process ${record.pid}` : `process ${record.pid} on ${record.host}`;
  return new Error(
    `the knowledge folder ${JSON.stringify(given)} is already open in another studio (${where}, ${who}); ` +
      `use that one, or stop it (Ctrl+C where it runs) and start again. Two studios on one folder would lose each other's saves. ` +
      `If no studio is running, delete ${lock}`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the folder's lock, or throws {@link refusal} when another studio holds it. A lock left
 * by a studio that is no longer running (it crashed, or the computer restarted) is taken over.
 */
async function takeLock(given: string, lock: string): Promise<(url: string) => void> {
  const mine: LockRecord = { pid: process.pid, host: hostname() };
  for (let attempt = 0; ; attempt++) {
    try {
      // Created exclusively: of two studios starting at once, exactly one gets it.
      writeFileSync(lock, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw error;
    }
    const holder = readLock(lock);
    if (holder === null) {
      // Being written by a studio starting this very moment, or left half written long ago.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < 2000) {
        await sleep(100);
        continue;
      }
    } else if (holderRuns(holder)) {
      throw refusal(given, lock, holder);
    }
    // A stale lock. It is moved aside under a name of our own first, so that of two studios
    // taking it over at once only one removes it (the other finds it gone and tries again).
    const aside = `${lock}.${randomBytes(12).toString('hex')}.stale`;
    try {
      renameSync(lock, aside);
    } catch {
      continue;
    }
    const moved = readLock(aside);
    if (moved && holder && (moved.pid !== holder.pid || moved.host !== holder.host) && holderRuns(moved)) {
      // A studio took the stale lock over between our look and our move: give it back.
      try {
        renameSync(aside, lock);
      } catch {
        rmSync(aside, { force: true });
      }
      throw refusal(given, lock, moved);
    }
    rmSync(aside, { force: true });
  }
  return (url: string) => {
    // Replaced whole, so that a studio reading it never sees half of it.
    const temporary = `${lock}.${randomBytes(12).toString('hex')}.tmp`;
    writeFileSync(temporary, JSON.stringify({ ...mine, url }), { flag: 'wx' });
    renameSync(temporary, lock);
  };
}

/** Removes the folder's lock when it is still ours. */
function releaseLock(lock: string): void {
  const record = readLock(lock);
  if (record && record.pid === process.pid && record.host === hostname()) rmSync(lock, { force: true });
}

/** Starts the studio; resolves to its address and a way to stop it. Refuses a folder another studio has open. */
export async function startStudio(options: StudioOptions = {}): Promise<{ url: string; dir: string; close: () => Promise<void> }> {
  const given = options.dir ?? 'knowledge';
  const dir = resolve(given);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`cannot open the knowledge folder ${JSON.stringify(given)}: it is not a folder; check the path`);
  const lock = join(dir, STUDIO_LOCK);
  const announce = await takeLock(given, lock);
  // Also when the process ends without close() (process.exit); Ctrl+C is handled by the CLI.
  const onExit = () => releaseLock(lock);
  process.on('exit', onExit);
  try {
    const server = await createServer({
      configFile: false,
      root: STUDIO_ROOT,
      publicDir: false,
      logLevel: 'warn',
      clearScreen: false,
      appType: 'spa',
      esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      server: {
        host: '127.0.0.1',
        port: options.port ?? 5174,
        strictPort: false,
        // No cross-origin reads either: other local pages must not read the files.
        cors: false,
        // Only what the studio page loads: its own code and the packages it imports. The
        // knowledge is read through the API above, never as a file; the rest of the
        // repository (package.json, scripts, .git, other folders) is refused (403).
        fs: { strict: true, allow: [STUDIO_SOURCES, NODE_MODULES], deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.git/**', `**/${STUDIO_LOCK}*`] },
      },
      // The chat's code (the previews) reads its built-in urgent rules from a module the build
      // makes; the studio serves it the same way as the build and `npm start` do.
      plugins: [studioApi(dir, given), builtinUrgentRules()],
    });
    await server.listen();
    const address = server.httpServer?.address();
    const port = typeof address === 'object' && address ? address.port : options.port ?? 5174;
    const url = `http://127.0.0.1:${port}/`;
    announce(url);
    return {
      url,
      dir,
      close: async () => {
        await server.close();
        releaseLock(lock);
        process.off('exit', onExit);
      },
    };
  } catch (error) {
    releaseLock(lock);
    process.off('exit', onExit);
    throw error;
  }
}
