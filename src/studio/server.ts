/**
 * The knowledge studio's server (`npm run studio -- [DIR] [--port N]`): a Vite dev server on
 * this computer only (127.0.0.1) that serves the studio and reads and writes the knowledge
 * files under DIR. All checking and matching happen in the studio page, with the same core
 * the widget and the CLI use; this server only moves files.
 *
 * It refuses requests that did not come from the studio page itself (another website open in
 * the same browser cannot read or change the files), paths outside DIR, and files that are not
 * `.md` or `.yaml`. A save names the text it expects each file to have on disk; when a file
 * was changed meanwhile by someone else, nothing is written and the studio says so.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, createServer } from 'vite';
import { KNOWLEDGE_FILE, readKnowledgeDir } from '../cli/files.js';
import type { KnowledgeFile } from '../knowledge/compile.js';

const STUDIO_ROOT = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = resolve(STUDIO_ROOT, '../..');
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

const readOrNull = (full: string): string | null => {
  try {
    return readFileSync(full, 'utf8');
  } catch {
    return null;
  }
};

/** Applies a save: every change or none (checked first), each file written whole (a temporary file, then renamed). */
export function applySave(dir: string, request: unknown): SaveResult {
  const body = request as Partial<SaveRequest> | null;
  if (!body || !Array.isArray(body.changes) || typeof body.expect !== 'object' || body.expect === null) {
    return { ok: false, status: 400, error: 'a save needs "changes" and "expect"' };
  }
  const planned: { full: string; change: Change }[] = [];
  const conflicts: string[] = [];
  for (const change of body.changes) {
    const full = resolveInside(dir, change?.path);
    if (typeof full !== 'string') return { ok: false, status: 400, error: full.error };
    if (!('delete' in change) && typeof (change as { text?: unknown }).text !== 'string') return { ok: false, status: 400, error: `no text for ${change.path}` };
    const expected = body.expect[change.path];
    if (expected === undefined) return { ok: false, status: 400, error: `the save does not say what ${change.path} held before` };
    if (readOrNull(full) !== expected) conflicts.push(change.path);
    planned.push({ full, change });
  }
  if (conflicts.length > 0) {
    return { ok: false, status: 409, error: `changed on disk since the studio read it: ${conflicts.join(', ')}; reload to see the new version (your edits stay as a draft)`, conflicts };
  }
  // Every new text is written to a temporary file first; only then are they all put in
  // place and the deleted files removed, so a failure part way leaves the old files whole.
  const temporaries: { temporary: string; full: string }[] = [];
  try {
    for (const { full, change } of planned) {
      if ('delete' in change) continue;
      mkdirSync(dirname(full), { recursive: true });
      const temporary = `${full}.${process.pid}.tmp`;
      writeFileSync(temporary, change.text);
      temporaries.push({ temporary, full });
    }
  } catch (error) {
    for (const { temporary } of temporaries) rmSync(temporary, { force: true });
    return { ok: false, status: 500, error: `could not write: ${(error as Error).message}; nothing was changed` };
  }
  for (const { temporary, full } of temporaries) renameSync(temporary, full);
  for (const { full, change } of planned) if ('delete' in change) rmSync(full, { force: true });
  return { ok: true };
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

/** Starts the studio; resolves to its address and a way to stop it. */
export async function startStudio(options: StudioOptions = {}): Promise<{ url: string; dir: string; close: () => Promise<void> }> {
  const given = options.dir ?? 'knowledge';
  const dir = resolve(given);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`cannot open the knowledge folder ${JSON.stringify(given)}: it is not a folder; check the path`);
  const server = await createServer({
    configFile: false,
    root: STUDIO_ROOT,
    publicDir: false,
    logLevel: 'warn',
    clearScreen: false,
    appType: 'spa',
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // No cross-origin reads either: other local pages must not read the files.
    server: { host: '127.0.0.1', port: options.port ?? 5174, strictPort: false, cors: false, fs: { allow: [REPO_ROOT] } },
    plugins: [studioApi(dir, given)],
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 5174;
  return { url: `http://127.0.0.1:${port}/`, dir, close: () => server.close() };
}
