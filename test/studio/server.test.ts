import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySave, listFiles, resolveInside, startStudio } from '../../src/studio/server.js';

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
});
