/**
 * `npm run size`: what the browser downloads from dist/, gzip -9, against the budgets of
 * the performance issue. Prints a table; exits 1 when a budget is exceeded. Sizes are
 * deterministic for a given build, so `npm test` runs this check.
 *
 * "On first open" is the chat's code and the words of the page's language (a chunk per
 * language), checked for an English and a Spanish page. What loads only once the visitor
 * starts a question is printed beside them: the typo search (fuse.js), and DOMPurify in
 * browsers without the HTML Sanitizer API.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
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
  console.error('size: dist/ is not built; run "npm run build" first');
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
const onOpen = (words: string) => [...code, words];
const rows: [string, number, number | null, string][] = [
  ['before intent (script tag)', sum(beforeIntent), BUDGETS.beforeIntent, [...beforeIntent].join(' + ')],
  ['on first open, English page', sum(onOpen(english)), BUDGETS.onOpen, onOpen(english).join(' + ')],
  ['on first open, Spanish page', sum(onOpen(spanish)), BUDGETS.onOpen, `the same with ${spanish} for ${english}`],
  ['at first question, also', gzip(typos), null, `${typos}: fuse.js, the typo search (${kb(sum(onOpen(english)) + gzip(typos))} in all)`],
  ['  without the HTML Sanitizer API, also', gzip(purify), null, `${purify}: DOMPurify (${kb(sum(onOpen(english)) + gzip(typos) + gzip(purify))} in all)`],
  ['knowledge.json', gzip('knowledge.json'), null, `${kb(knowledgeRaw)} raw`],
  ['knowledge.es.json', gzip('knowledge.es.json'), null, `${kb(readFileSync(join(DIST, 'knowledge.es.json')).length)} raw`],
];
let over = false;
console.log(`${'what'.padEnd(43)}gzip -9    budget   files`);
for (const [what, bytes, budget, files] of rows) {
  const exceeded = budget !== null && bytes > budget;
  over ||= exceeded;
  console.log(`${what.padEnd(43)}${kb(bytes).padStart(8)}  ${(budget === null ? '—' : kb(budget)).padStart(8)}   ${files}${exceeded ? '   OVER BUDGET' : ''}`);
}
process.exit(over ? 1 : 0);
