/**
 * No hand-typed measurement in the README: sizes and speeds sit between the marker comments
 * that `npm run size` and `npm run bench` write (`scripts/figures.ts`), each dated, with the
 * Node version and the machine.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFigures, writeFigures } from '../../scripts/figures.js';

const readme = readFileSync('README.md', 'utf8');
const performance = readme.slice(readme.indexOf('\n## Performance\n'), readme.indexOf('\n## ', readme.indexOf('\n## Performance\n') + 1));
/** A measured figure: a number with a unit of size, time or ratio. */
const FIGURE = /\d[\d,]*(\.\d+)?\s?(KB|MB|GB|ms|s|×|%)(?![\w])/;
const PROVENANCE = /^Measured by `npm run (size|bench|eval:report)` on \d{4}-\d\d-\d\d with Node v\d+\.\d+\.\d+(, [^\n]*)?, on [^\n]+, \d+ cores?, \d+\.\d GiB memory, \w+ \w+\.$/m;

/** `text` without its figure blocks (markers included). */
const outsideBlocks = (text: string) => text.replace(/<!-- figures:(\w+) [^]*?<!-- \/figures:\1 -->/g, '');

describe('the README\'s performance figures', () => {
  it('are written by npm run size and npm run bench, each block dated, with the Node version and the machine', () => {
    for (const name of ['size', 'bench']) {
      const block = readFigures(performance, name);
      expect(block, `README's Performance section has no figures:${name} block`).toBeDefined();
      expect(block!.split('\n')[0]).toMatch(PROVENANCE);
    }
  });

  it('include the answer-quality figures written by npm run eval:report, dated, never-tuned apart from tuned', () => {
    const block = readFigures(readme, 'eval');
    expect(block, 'README has no figures:eval block').toBeDefined();
    expect(block!.split('\n')[0]).toMatch(PROVENANCE);
    expect(block!.indexOf('**Never tuned**')).toBeLessThan(block!.indexOf('**Tuned on**'));
  });

  it('quotes no measured figure outside the generated blocks (a budget is not a measurement)', () => {
    const sentences = outsideBlocks(performance).replace(/\s+/g, ' ').split(/(?<=[.:])\s/);
    const handTyped = sentences.filter((sentence) => FIGURE.test(sentence) && !/budget/.test(sentence));
    expect(handTyped).toEqual([]);
  });

  it('quotes no size anywhere that npm run size did not write', () => {
    const sizes = readFigures(readme, 'size')!;
    const quoted = [...outsideBlocks(readme).matchAll(/\d+(\.\d+)? KB/g)].map((m) => m[0]);
    expect(quoted.filter((figure) => !sizes.includes(figure))).toEqual([]);
  });
});

describe('scripts/figures', () => {
  describe('writeFigures', () => {
    const file = () => {
      const path = join(mkdtempSync(join(tmpdir(), 'pcc-figures-')), 'README.md');
      writeFileSync(path, '# x\n\nbefore\n<!-- figures:bench (written by "npm run bench"; do not edit by hand) -->\nold\n<!-- /figures:bench -->\nafter\n');
      return path;
    };

    it('replaces what lies between the markers, and nothing else', () => {
      const path = file();
      expect(writeFigures('bench', 'Measured today.', '| a | 1 ms |', { file: path })).toBe('written');
      expect(readFileSync(path, 'utf8')).toBe('# x\n\nbefore\n<!-- figures:bench (written by "npm run bench"; do not edit by hand) -->\nMeasured today.\n\n| a | 1 ms |\n<!-- /figures:bench -->\nafter\n');
    });

    it('leaves a block with the same figures as it is with keepIfSame, keeping the date they were measured', () => {
      const path = file();
      writeFigures('bench', 'Measured on day 1.', 'figures', { file: path });
      expect(writeFigures('bench', 'Measured on day 2.', 'figures', { file: path, keepIfSame: true })).toBe('unchanged');
      expect(readFileSync(path, 'utf8')).toContain('Measured on day 1.');
    });

    it('names the markers to add when the file has none', () => {
      const path = file();
      expect(() => writeFigures('size', 'x', 'y', { file: path })).toThrow(`${path} has no block for these figures; add the lines <!-- figures:size (written by "npm run size"; do not edit by hand) --> and <!-- /figures:size --> where they belong`);
    });
  });
});

describe('scripts/size.ts', () => {
  it('writes its table into the README, dated, with the Node version and the machine', () => {
    const dist = mkdtempSync(join(tmpdir(), 'pcc-size-'));
    const files: Record<string, string> = {
      'pain-care-chat.js': 'console.log("launcher")',
      'index.js': 'import"./core.js";',
      'core.js': 'export const core = 1;',
      'en.js': 'export default "Clear conversation";',
      'es.js': 'export default "Borrar la conversación";',
      'purify.js': 'export default "DOMPurify";',
      'typos.js': 'export default "Pattern length exceeds max of";',
      'urgent.js': 'export default "bladder-bowel-control";',
      'knowledge.json': `{"format":1,"text":"${'a'.repeat(3000)}"}`,
      'knowledge.es.json': '{"format":1}',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
    const readmeCopy = join(mkdtempSync(join(tmpdir(), 'pcc-size-')), 'README.md');
    copyFileSync('README.md', readmeCopy);
    const run = () => spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/size.ts', '--dist', dist, '--readme', readmeCopy], { encoding: 'utf8' });

    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`wrote these figures into ${readmeCopy}`);
    const block = readFigures(readFileSync(readmeCopy, 'utf8'), 'size')!;
    expect(block.split('\n')[0]).toMatch(PROVENANCE);
    expect(block).toContain('| knowledge.json | 0.1 KB | — | 3.0 KB raw |');
    expect(block).toContain('| before the visitor shows interest (the script tag) | 0.0 KB | 6.0 KB |');

    const again = run();
    expect(again.stdout).toContain(`${readmeCopy} already has these figures`);
  });

  it('says to build first when the folder is not built', () => {
    const dist = mkdtempSync(join(tmpdir(), 'pcc-size-'));
    const { status, stderr } = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/size.ts', '--dist', dist], { encoding: 'utf8' });
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(`size: ${dist}/ is not built; run "npm run build" first`);
  });
});
