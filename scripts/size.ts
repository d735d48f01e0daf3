/**
 * `npm run size`: what the browser downloads from dist/, gzip -9, against the budgets of
 * the performance issue. Prints a table and writes it into the README's Performance
 * section (between the `figures:size` markers, dated, with the machine; see
 * `scripts/figures.ts`); exits 1 when a budget is exceeded. Sizes are deterministic for a
 * given build, so `npm test` runs this check, and a run that measures the same bytes
 * leaves the README as it is.
 *
 * "On first open" is the chat's code and the words of the page's language (a chunk per
 * language), checked for an English and a Spanish page. What loads only once the visitor
 * starts a question is printed beside them: the typo search (fuse.js), and DOMPurify in
 * browsers without the HTML Sanitizer API.
 *
 * `tsx scripts/size.ts [--dist DIR] [--readme FILE]`: `--dist` measures another build;
 * `--readme` writes the table into FILE's figures block (`npm run size` writes README.md).
 * Without it nothing is written and only the budgets are checked, as `npm test` does.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { provenance, writeFigures } from './figures.js';

const { values: options } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, readme: { type: 'string' } } });
const DIST = options.dist;
const BUDGETS = { beforeIntent: 6 * 1024, onOpen: 35 * 1024 };

const gzip = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** `file` and every module it imports statically, transitively (dynamic imports excluded). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) closure(match[1]!, seen);
  return seen;
}

if (!existsSync(join(DIST, 'pain-care-chat.js'))) {
  console.error(`size: ${DIST}/ is not built; run "npm run build" first`);
  process.exit(1);
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzip(file), 0);
const beforeIntent = closure('pain-care-chat.js');
const code = closure('index.js', new Set(beforeIntent));
const knowledgeRaw = readFileSync(join(DIST, 'knowledge.json')).length;
/** The one chunk whose code contains `marker`, for the chunks only some pages load. */
function chunkWith(marker: string): string {
  const found = readdirSync(DIST).filter((file) => file.endsWith('.js') && readFileSync(join(DIST, file), 'utf8').includes(marker));
  if (found.length !== 1) throw new Error(`size: expected one chunk containing ${JSON.stringify(marker)}, found ${found.length}`);
  return found[0]!;
}
const english = chunkWith('Clear conversation');
const spanish = chunkWith('Borrar la conversación');
const purify = chunkWith('DOMPurify');
const typos = chunkWith('Pattern length exceeds max of');
// The urgent rules built into the code, for questions sent before (or without) the knowledge.
const urgent = chunkWith('bladder-bowel-control');
const onOpen = (words: string) => [...code, words];
const inAll = (...files: string[]) => `${kb(sum(onOpen(english)) + files.reduce((total, file) => total + gzip(file), 0))} in all`;
/** what, gzip bytes, budget, the files (printed only: their names change with every build), a note. */
const rows: [string, number, number | null, string, string][] = [
  ['before the visitor shows interest (the script tag)', sum(beforeIntent), BUDGETS.beforeIntent, [...beforeIntent].join(' + '), ''],
  ['on first open, English page', sum(onOpen(english)), BUDGETS.onOpen, onOpen(english).join(' + '), ''],
  ['on first open, Spanish page', sum(onOpen(spanish)), BUDGETS.onOpen, `the same with ${spanish} for ${english}`, ''],
  ['at the first question, also the typo search (fuse.js)', gzip(typos), null, typos, inAll(typos)],
  ['… and, without the HTML Sanitizer API, DOMPurify', gzip(purify), null, purify, inAll(typos, purify)],
  ['… and the built-in urgent rules', gzip(urgent), null, urgent, inAll(typos, urgent)],
  ['knowledge.json', gzip('knowledge.json'), null, 'knowledge.json', `${kb(knowledgeRaw)} raw`],
  ['knowledge.es.json', gzip('knowledge.es.json'), null, 'knowledge.es.json', `${kb(readFileSync(join(DIST, 'knowledge.es.json')).length)} raw`],
];
const exceeded = (bytes: number, budget: number | null) => budget !== null && bytes > budget;
const over = rows.some(([, bytes, budget]) => exceeded(bytes, budget));
const width = Math.max(...rows.map(([what]) => what.length)) + 2;
console.log(`${'what'.padEnd(width)}gzip -9    budget   files`);
for (const [what, bytes, budget, files, note] of rows) {
  console.log(`${what.padEnd(width)}${kb(bytes).padStart(8)}  ${(budget === null ? '—' : kb(budget)).padStart(8)}   ${files}${note ? ` (${note})` : ''}${exceeded(bytes, budget) ? '   OVER BUDGET' : ''}`);
}

const table = [
  '| what the browser downloads | gzip -9 | budget | |',
  '| --- | --- | --- | --- |',
  ...rows.map(([what, bytes, budget, , note]) => `| ${what} | ${kb(bytes)} | ${budget === null ? '—' : `${kb(budget)}${exceeded(bytes, budget) ? ' (**over**)' : ''}`} | ${note} |`),
].join('\n');
try {
  // Only when asked (`npm run size` asks for README.md): `npm test` checks the budgets and
  // leaves the checkout as it found it.
  if (options.readme !== undefined) {
    const written = writeFigures('size', provenance('size', 'from the files in dist/'), table, { file: options.readme, keepIfSame: true });
    console.log(written === 'written' ? `\nwrote these figures into ${options.readme}` : `\n${options.readme} already has these figures`);
  }
} catch (error) {
  console.error(`size: ${(error as Error).message}`);
  process.exit(1);
}
process.exit(over ? 1 : 0);
