import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join('node_modules', '.bin', 'tsx');
const run = (script: string, args: string[], input?: string) => {
  const result = spawnSync(tsx, [`src/cli/${script}.ts`, ...args], { input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('cli', () => {
  describe('knowledge', () => {
    it('prints path:line errors and exits 1 for broken knowledge', () => {
      const { code, stderr } = run('knowledge', ['--check', 'test/fixtures/knowledge-broken']);
      expect(code).toBe(1);
      expect(stderr).toContain('test/fixtures/knowledge-broken/procedure/bad-entry.md:9: "reviewed" must be a date like 2026-11-01, got "last week"');
      expect(stderr).toContain('test/fixtures/knowledge-broken/procedure/bad-entry.md:11: raw HTML is not allowed in an entry (found "<script>"); use Markdown instead');
    });

    it('writes a bundle with --out and reports its size', () => {
      const out = join(mkdtempSync(join(tmpdir(), 'pcc-')), 'k.json');
      const { code, stdout } = run('knowledge', ['test/fixtures/knowledge-small', '--out', out]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/2 entries, 4 passages, 3 urgent rules; [\d.]+ KB raw, [\d.]+ KB gzip/);
      expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe(1);
    });

    it('says when the folder does not exist', () => {
      const { code, stderr } = run('knowledge', ['--check', 'no/such/dir']);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe('cannot read the knowledge folder "no/such/dir": ENOENT; check the path');
    });
  });

  describe('ask', () => {
    it('prints an answer as a visitor would read it', () => {
      const { code, stdout } = run('ask', ['what is a nerve block']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Nerve block/);
      expect(stdout).toContain('Sources: ');
      expect(stdout).toContain('Book a consultation');
    });

    it('prints one JSON line per question with --jsonl, in exactly the documented shape', () => {
      const out = join(mkdtempSync(join(tmpdir(), 'pcc-')), 'k.json');
      run('knowledge', ['test/fixtures/knowledge-small', '--out', out]);
      const { code, stdout } = run('ask', ['--knowledge', out, '--jsonl'], 'how long does a nerve block last\n\nI have chest pain\nwhat is the capital of France\n');
      expect(code).toBe(0);
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(lines.map((l) => [l.q, l.status])).toEqual([
        ['how long does a nerve block last', 'answer'],
        ['I have chest pain', 'urgent'],
        ['what is the capital of France', 'fallback'],
      ]);
      for (const line of lines) {
        expect(Object.keys(line)).toEqual(['q', 'status', 'matches']);
        for (const match of line.matches) {
          expect(Object.keys(match)).toEqual(['id', 'score']);
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(1);
        }
      }
      expect(lines[0].matches[0].id).toBe('nerve-block');
      expect(lines[1].matches).toEqual([]);
    });

    it('explains the match with --why', () => {
      const { stdout } = run('ask', ['--why', 'how long does rfa last']);
      expect(stdout).toContain('vocabulary: "rfa" → radiofrequency ablation');
      expect(stdout).toContain('urgent rules fired: none');
    });

    it('says why when the knowledge file is missing', () => {
      const { code, stderr } = run('ask', ['--knowledge', 'nope.json', 'hi']);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe('cannot read "nope.json": ENOENT; check the path or run "npm run knowledge" first');
    });
  });
});
