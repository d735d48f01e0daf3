/**
 * A tiny static server for browser tests and screenshots: serves files from a list of
 * folders (first match wins) and extra routes, on a free localhost port.
 */
import { readFile, stat } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface TestServer {
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `folders` (first match wins) and `routes` (tried first) on 127.0.0.1. */
export async function serve(folders: string[], routes: Route[] = [], headers: Record<string, string> = {}): Promise<TestServer> {
  const roots = folders.map((folder) => resolve(folder));
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    requests.push(path);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    for (const route of routes) if (await route(req, res)) return;
    // A document without an icon of its own (the SVG some tests start from) makes Chromium
    // ask for /favicon.ico; its 404 would show as a console error in whichever test is running.
    const relative = normalize(path === '/' ? '/index.html' : path === '/favicon.ico' ? '/favicon.svg' : path).replace(/^([/\\])+/, '');
    for (const root of roots) {
      const file = join(root, relative);
      if (!file.startsWith(root)) break;
      try {
        if (!(await stat(file)).isFile()) continue;
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(await readFile(file));
        return;
      } catch {
        // try the next folder
      }
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
