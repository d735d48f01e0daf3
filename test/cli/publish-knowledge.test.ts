import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeIntegrityLine, sri } from '../../src/cli/snippet.js';

const tsx = join('node_modules', '.bin', 'tsx');
const publish = (args: string[]) => {
  const result = spawnSync(tsx, ['src/cli/publish-knowledge.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const temp = () => mkdtempSync(join(tmpdir(), 'pcc-publish-'));
const hashOf = (file: string) => sri(readFileSync(file));

/** A copy of a knowledge folder that a test may edit. */
function copyOf(dir: string): string {
  const copy = join(temp(), 'knowledge');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** Adds a sentence to an entry, as an editor would. */
function edit(file: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nAsk us about it when you book.\n`);
}

describe('cli', () => {
  describe('publish-knowledge', () => {
    it('prints the checker\'s path:line problems, writes nothing and exits 1 when the knowledge is broken', () => {
      const out = temp();
      const { code, stdout, stderr } = publish(['test/fixtures/knowledge-broken', '--out', join(out, 'knowledge.json')]);
      expect(code).toBe(1);
      expect(stderr).toContain('test/fixtures/knowledge-broken/procedure/bad-entry.md:9: "reviewed" must be a date like 2026-11-01, got "last week"');
      expect(stderr).toContain('the knowledge is broken, nothing written and nothing to publish');
      expect(stdout).not.toContain('data-integrity');
      expect(readdirSync(out)).toEqual([]);
    });

    it('writes the knowledge and gives the new data-integrity line when there is no earlier build', () => {
      const out = join(temp(), 'dist', 'knowledge.json');
      const { code, stdout } = publish(['test/fixtures/knowledge-small', '--out', out]);
      expect(code).toBe(0);
      expect(stdout).toContain(`1. Upload this file to the folder of your site that holds pain-care-chat.js, in place of the old one:\n     ${out}   (for English pages)`);
      expect(stdout).toContain(`there is no earlier ${out} to tell the old line from), replace the data-integrity="…" line, whatever it says, with:\n     ${knowledgeIntegrityLine(hashOf(out))}`);
      expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe(1);
    });

    it('names the old and the new data-integrity line after an editor\'s change', () => {
      const dir = copyOf('test/fixtures/knowledge-small');
      const out = join(temp(), 'knowledge.json');
      expect(publish([dir, '--out', out]).code).toBe(0);
      const before = hashOf(out);
      edit(join(dir, 'procedure', 'nerve-block.md'));
      const { code, stdout } = publish([dir, '--out', out]);
      expect(code).toBe(0);
      const after = hashOf(out);
      expect(after).not.toBe(before);
      expect(stdout).toContain('The knowledge changed, and with it its hash.');
      expect(stdout).toContain(`On English pages, replace the line\n     ${knowledgeIntegrityLine(before)}\n   with\n     ${knowledgeIntegrityLine(after)}`);
    });

    it('says there is nothing to upload when the knowledge has not changed since the last build', () => {
      const out = join(temp(), 'knowledge.json');
      publish(['test/fixtures/knowledge-small', '--out', out]);
      const { code, stdout } = publish(['test/fixtures/knowledge-small', '--out', out]);
      expect(code).toBe(0);
      expect(stdout).toContain('so its hash has not changed.\nIf you uploaded that build, there is nothing to do.');
      expect(stdout).not.toContain('Upload');
      expect(stdout).toContain(`English pages: ${knowledgeIntegrityLine(hashOf(out))}`);
    });

    it('lists only the language files that changed, with the line for each language\'s pages', () => {
      const dir = copyOf('knowledge');
      const out = join(temp(), 'knowledge.json');
      expect(publish([dir, '--out', out]).code).toBe(0);
      const spanish = join(out, '..', 'knowledge.es.json');
      expect(existsSync(spanish)).toBe(true);
      edit(join(dir, 'procedure', 'nerve-block.md'));
      const { code, stdout } = publish([dir, '--out', out]);
      expect(code).toBe(0);
      expect(stdout).toContain(`in place of the old one:\n     ${out}   (for English pages)\n   ${spanish} is the same as in the last build: leave it.`);
      expect(stdout).toContain(`On English pages, replace the line\n     data-integrity="sha384-`);
      expect(stdout).not.toContain('On Spanish pages');
    });

    it('refuses an unknown option with the usage and exit code 2', () => {
      const { code, stderr } = publish(['--bogus']);
      expect(code).toBe(2);
      expect(stderr).toContain('usage: npm run publish-knowledge -- [DIR] [--out FILE] [--strict]');
    });
  });
});
