import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STUDIO_LOCK, applySave, listFiles, resolveInside, startStudio } from '../../src/studio/server.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pcc-studio-unit-'));
  mkdirSync(join(dir, 'procedure'));
  writeFileSync(join(dir, 'procedure', 'a.md'), 'A\n');
  writeFileSync(join(dir, 'urgent.yaml'), 'groups: []\n');
  writeFileSync(join(dir, 'notes.txt'), 'not knowledge\n');
  return dir;
}

describe('studio/server', () => {
  it('lists only the knowledge files, with paths relative to the folder', () => {
    expect(listFiles(folder())).toEqual([
      { path: 'procedure/a.md', text: 'A\n' },
      { path: 'urgent.yaml', text: 'groups: []\n' },
    ]);
  });

  it('refuses paths outside the folder and files that are not knowledge', () => {
    const dir = folder();
    for (const path of ['../x.md', '/etc/passwd.md', 'procedure/../../x.md', 'a\\b.md', '.git/config.md', 'procedure//a.md', 'notes.txt', '', 42]) {
      expect(resolveInside(dir, path), String(path)).toHaveProperty('error');
    }
    expect(resolveInside(dir, 'procedure/b.md')).toBe(join(dir, 'procedure', 'b.md'));
  });

  it('follows no link: linked files are not listed and cannot be written through', () => {
    const dir = folder();
    const outside = mkdtempSync(join(tmpdir(), 'pcc-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'S\n');
    symlinkSync(outside, join(dir, 'linked'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'procedure', 'link.md'));
    expect(listFiles(dir).map((f) => f.path)).toEqual(['procedure/a.md', 'urgent.yaml']);
    expect(resolveInside(dir, 'linked/secret.md')).toHaveProperty('error');
    expect(resolveInside(dir, 'procedure/link.md')).toHaveProperty('error');
    expect(applySave(dir, { changes: [{ path: 'linked/secret.md', text: 'x' }], expect: { 'linked/secret.md': 'S\n' } })).toMatchObject({ ok: false, status: 400 });
    expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe('S\n');
  });

  it('writes every change or none, and nothing when a file changed on disk meanwhile', () => {
    const dir = folder();
    const conflict = applySave(dir, { changes: [{ path: 'procedure/b.md', text: 'B\n' }, { path: 'procedure/a.md', text: 'A2\n' }], expect: { 'procedure/b.md': null, 'procedure/a.md': 'not what is there\n' } });
    expect(conflict).toMatchObject({ ok: false, status: 409, conflicts: ['procedure/a.md'] });
    expect(existsSync(join(dir, 'procedure', 'b.md'))).toBe(false);
    expect(applySave(dir, { changes: [{ path: '../evil.md', text: 'x' }], expect: { '../evil.md': null } })).toMatchObject({ ok: false, status: 400 });
    expect(applySave(dir, { changes: [{ path: 'procedure/a.md', text: 'A2\n' }], expect: {} })).toMatchObject({ ok: false, status: 400 });
    const saved = applySave(dir, { changes: [{ path: 'procedure/b.md', text: 'B\n' }, { path: 'procedure/a.md', delete: true }], expect: { 'procedure/b.md': null, 'procedure/a.md': 'A\n' } });
    expect(saved).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'procedure', 'b.md'), 'utf8')).toBe('B\n');
    expect(existsSync(join(dir, 'procedure', 'a.md'))).toBe(false);
  });

  it('answers only the studio page: other hosts and cross-site writes are refused', async () => {
    const dir = folder();
    const studio = await startStudio({ dir, port: 0 });
    try {
      const port = new URL(studio.url).port;
      const api = `http://127.0.0.1:${port}/api`;
      expect((await fetch(`${api}/knowledge`)).status).toBe(200);
      // A page on another name that resolves here (DNS rebinding) sends its own Host.
      const rebound = await new Promise<number>((resolve, reject) =>
        request({ host: '127.0.0.1', port, path: '/api/knowledge', headers: { Host: `evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0))
          .on('error', reject)
          .end(),
      );
      expect(rebound).toBe(403);
      const body = JSON.stringify({ changes: [{ path: 'procedure/c.md', text: 'C\n' }], expect: { 'procedure/c.md': null } });
      const crossSite = await fetch(`${api}/save`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body });
      expect(crossSite.status).toBe(403);
      const form = await fetch(`${api}/save`, { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: `http://127.0.0.1:${port}` }, body });
      expect(form.status).toBe(403);
      expect(existsSync(join(dir, 'procedure', 'c.md'))).toBe(false);
      const ok = await fetch(`${api}/save`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` }, body });
      expect(ok.status).toBe(200);
      expect(readFileSync(join(dir, 'procedure', 'c.md'), 'utf8')).toBe('C\n');
    } finally {
      await studio.close();
    }
  });

  describe('applySave', () => {
    /** Every file and folder under `dir`, hidden ones included, as paths relative to it. */
    const everything = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

    it('puts every file back and leaves no temporary file when a save fails halfway', () => {
      const dir = folder();
      writeFileSync(join(dir, 'procedure', 'c.md'), 'C\n');
      // A folder where the save expects a file: the last rename fails, after the others are done.
      mkdirSync(join(dir, 'procedure', 'blocked.md'));
      const before = everything(dir);
      const result = applySave(dir, {
        changes: [
          { path: 'procedure/c.md', delete: true },
          { path: 'procedure/a.md', text: 'A2\n' },
          { path: 'condition/new.md', text: 'N\n' },
          { path: 'procedure/blocked.md', text: 'B\n' },
        ],
        expect: { 'procedure/c.md': 'C\n', 'procedure/a.md': 'A\n', 'condition/new.md': null, 'procedure/blocked.md': null },
      });
      expect(result).toMatchObject({ ok: false, status: 500 });
      expect((result as { error: string }).error).toMatch(/^could not save procedure\/blocked\.md: .*; nothing was changed; check that the folder can be written to and save again/);
      expect(readFileSync(join(dir, 'procedure', 'a.md'), 'utf8')).toBe('A\n');
      expect(readFileSync(join(dir, 'procedure', 'c.md'), 'utf8')).toBe('C\n');
      expect(everything(dir)).toEqual(before);
    });

    it('writes through no link planted where a temporary file could be expected', () => {
      const dir = folder();
      const outside = mkdtempSync(join(tmpdir(), 'pcc-outside-'));
      writeFileSync(join(outside, 'target.md'), 'T\n');
      // Names another local user could guess: the file's name with a process id.
      for (let pid = Math.max(1, process.pid - 50); pid <= process.pid + 50; pid++) {
        symlinkSync(join(outside, 'target.md'), join(dir, 'procedure', `a.md.${pid}.tmp`));
      }
      expect(applySave(dir, { changes: [{ path: 'procedure/a.md', text: 'A2\n' }], expect: { 'procedure/a.md': 'A\n' } })).toEqual({ ok: true });
      expect(readFileSync(join(outside, 'target.md'), 'utf8')).toBe('T\n');
      expect(lstatSync(join(dir, 'procedure', 'a.md')).isFile()).toBe(true);
      expect(readFileSync(join(dir, 'procedure', 'a.md'), 'utf8')).toBe('A2\n');
      // And a save leaves nothing of its own behind.
      expect(everything(join(dir, 'procedure')).filter((name) => !name.endsWith('.tmp'))).toEqual(['a.md']);
    });
  });

  describe('startStudio', () => {
    it('refuses a second studio on the same folder, saying where the first one is and what to do', async () => {
      const dir = folder();
      const first = await startStudio({ dir, port: 0 });
      try {
        const lock = join(dir, STUDIO_LOCK);
        await expect(startStudio({ dir, port: 0 })).rejects.toThrow(
          `the knowledge folder ${JSON.stringify(dir)} is already open in another studio (at ${first.url}, process ${process.pid}); ` +
            `use that one, or stop it (Ctrl+C where it runs) and start again. Two studios on one folder would lose each other's saves. ` +
            `If no studio is running, delete ${lock}`,
        );
        // Also when the folder is named another way.
        await expect(startStudio({ dir: join(dir, 'procedure', '..'), port: 0 })).rejects.toThrow('is already open in another studio');
        expect((await fetch(`${first.url}api/knowledge`)).status).toBe(200);
      } finally {
        await first.close();
      }
      expect(existsSync(join(dir, STUDIO_LOCK))).toBe(false);
      const again = await startStudio({ dir, port: 0 });
      await again.close();
    });

    it('refuses a second studio started from the command line, and frees the folder on Ctrl+C', async () => {
      const dir = folder();
      const cli = (): ChildProcess => spawn(process.execPath, ['--import', 'tsx', 'src/cli/studio.ts', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const output = (child: ChildProcess, until: RegExp) =>
        new Promise<string>((done, fail) => {
          let text = '';
          const read = (chunk: Buffer) => {
            text += chunk.toString();
            if (until.test(text)) done(text);
          };
          child.stdout!.on('data', read);
          child.stderr!.on('data', read);
          child.on('exit', () => done(text));
          child.on('error', fail);
        });
      const first = cli();
      let second: ChildProcess | undefined;
      try {
        const started = await output(first, /http:\/\/127\.0\.0\.1:\d+\//);
        const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(started)![0];
        second = cli();
        const refused = await output(second, /\n$/);
        expect(refused).not.toContain('Knowledge studio for');
        await new Promise((done) => (second!.exitCode === null ? second!.on('exit', done) : done(null)));
        expect(second.exitCode).toBe(1);
        expect(refused).toContain(`studio: the knowledge folder ${JSON.stringify(dir)} is already open in another studio (at ${url}, process ${first.pid}); use that one`);
        await expect(startStudio({ dir, port: 0 })).rejects.toThrow(`(at ${url}, process ${first.pid})`);
      } finally {
        if (second?.exitCode === null) second.kill();
        const exited = new Promise((done) => (first.exitCode === null ? first.on('exit', done) : done(null)));
        first.kill('SIGINT');
        await exited;
      }
      expect(existsSync(join(dir, STUDIO_LOCK))).toBe(false);
    });

    it('takes over a lock left by a studio that is no longer running', async () => {
      const dir = folder();
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(join(dir, STUDIO_LOCK), JSON.stringify({ pid: gone, host: hostname(), url: 'http://127.0.0.1:5174/' }));
      const studio = await startStudio({ dir, port: 0 });
      try {
        expect(JSON.parse(readFileSync(join(dir, STUDIO_LOCK), 'utf8'))).toEqual({ pid: process.pid, host: hostname(), url: studio.url });
      } finally {
        await studio.close();
      }
      expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    });

    it('serves no file outside the studio code: the repository and the knowledge are refused (403)', async () => {
      const dir = folder();
      const studio = await startStudio({ dir, port: 0 });
      try {
        const repo = resolve('.');
        const status = async (path: string) => (await fetch(`${studio.url.slice(0, -1)}${path}`)).status;
        for (const path of [`/@fs${repo}/package.json`, `/@fs${repo}/package.json?raw`, `/@fs${repo}/package.json?import`, `/@fs${repo}/vite.config.ts`, `/@fs${repo}/knowledge/urgent.yaml?raw`, `/@fs${dir}/urgent.yaml?raw`, `/@fs${dir}/${STUDIO_LOCK}`, '/@fs/etc/passwd']) {
          expect(await status(path), path).toBe(403);
        }
        // What the studio page needs still loads.
        expect(await status('/main.tsx')).toBe(200);
        expect(await status(`/@fs${repo}/src/answer/typo-search.ts`)).toBe(200);
        expect(await status(`/@fs${repo}/node_modules/preact/package.json?import`)).toBe(200);
      } finally {
        await studio.close();
      }
    });
  });
});
