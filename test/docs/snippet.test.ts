/**
 * The snippet a webmaster pastes is written once (`src/cli/snippet.ts`): the README shows it,
 * and `npm run build` / `npm run sri` print it with the hashes, so what the README tells a
 * webmaster to fill in is what they get. Both guides say how to publish a change.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeIntegrityLine, snippet, sri } from '../../src/cli/snippet.js';

const readme = readFileSync('README.md', 'utf8');

/** The text of `heading` (a `## ` or `### ` line) up to the next heading of the same level or above. */
function section(heading: string, within = readme): string {
  const start = within.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const level = heading.indexOf(' ');
  const next = within.slice(start + heading.length + 2).search(new RegExp(`\\n#{1,${level}} `));
  return within.slice(start + 1, next < 0 ? undefined : start + heading.length + 2 + next);
}

const htmlBlocks = (text: string) => [...text.matchAll(/```html\n([^]*?)\n```/g)].map((m) => m[1]!);

describe('snippet', () => {
  describe('snippet', () => {
    it('is the snippet the README\'s "The snippet" section shows', () => {
      expect(htmlBlocks(section('### The snippet'))[0]).toBe(snippet());
    });

    it('with hashes, is the snippet the README shows under "Integrity"', () => {
      expect(htmlBlocks(section('### The snippet'))).toContain(snippet({ script: 'sha384-…', knowledge: 'sha384-…' }));
    });
  });

  describe('scripts/sri.ts', () => {
    it('prints the README\'s snippet, with the clinic\'s attributes to fill in and the hashes of the built files', () => {
      const dist = mkdtempSync(join(tmpdir(), 'pcc-sri-'));
      writeFileSync(join(dist, 'pain-care-chat.js'), 'console.log("chat");');
      writeFileSync(join(dist, 'knowledge.json'), '{"format":1}');
      writeFileSync(join(dist, 'knowledge.es.json'), '{"format":1,"locale":"es"}');
      const { status, stdout } = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/sri.ts', dist], { encoding: 'utf8' });
      expect(status).toBe(0);
      const hashes = { script: sri('console.log("chat");'), knowledge: sri('{"format":1}') };
      expect(stdout).toContain(snippet(hashes));
      for (const name of ['data-clinic-name', 'data-booking-url', 'data-phone']) expect(stdout).toContain(`  ${name}="`);
      expect(stdout).toContain(knowledgeIntegrityLine(sri('{"format":1,"locale":"es"}')));
      expect(stdout).toContain('npm run publish-knowledge');
    });

    it('says to build first when the folder is not built', () => {
      const empty = mkdtempSync(join(tmpdir(), 'pcc-sri-'));
      mkdirSync(join(empty, 'x'));
      const { status, stderr } = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/sri.ts', empty], { encoding: 'utf8' });
      expect(status).toBe(1);
      expect(stderr.trim()).toBe(`sri: ${empty}/ is not built; run "npm run build" first`);
    });
  });
});

describe('the README\'s "Publishing a change" sections', () => {
  for (const guide of ['## For webmasters', '## For content editors']) {
    it(`are in ${guide.slice(3)}, and say the hash changes, what to upload, which line to replace and the command`, () => {
      const text = section('### Publishing a change', section(guide)).replace(/\s+/g, ' ');
      expect(text).toMatch(/Every change to the knowledge[^.]*changes/);
      expect(text).toContain('npm run publish-knowledge');
      expect(text).toContain('dist/knowledge.json');
      expect(text).toContain('data-integrity');
    });
  }
});
