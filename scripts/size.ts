/**
 * `npm run size`: what the browser downloads from dist/, gzip -9, against the budgets of
 * the performance issue. Prints a table; exits 1 when a budget is exceeded. Sizes are
 * deterministic for a given build, so `npm test` runs this check.
 *
 * The budgets hold for the default page: English, in a browser with the HTML Sanitizer
 * API (Chromium, Firefox). The chunks loaded only elsewhere (Spanish words; DOMPurify
 * where the browser has no sanitizer of its own) are printed beside them.
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
const onOpen = closure('index.js', new Set(beforeIntent));
const knowledgeRaw = readFileSync(join(DIST, 'knowledge.json')).length;
/** The one chunk whose code contains `marker`, for the chunks only some pages load. */
function chunkWith(marker: string): string {
  const found = readdirSync(DIST).filter((file) => file.endsWith('.js') && readFileSync(join(DIST, file), 'utf8').includes(marker));
  if (found.length !== 1) throw new Error(`size: expected one chunk containing ${JSON.stringify(marker)}, found ${found.length}`);
  return found[0]!;
}
const spanish = chunkWith('Borrar la conversación');
const purify = chunkWith('DOMPurify');
const rows: [string, number, number | null, string][] = [
  ['before intent (script tag)', sum(beforeIntent), BUDGETS.beforeIntent, [...beforeIntent].join(' + ')],
  ['on first open, knowledge excluded', sum(onOpen), BUDGETS.onOpen, [...onOpen].join(' + ')],
  ['  on a Spanish page, also', gzip(spanish), null, `${spanish} (${kb(sum(onOpen) + gzip(spanish))} in all)`],
  ['  without the HTML Sanitizer API, also', gzip(purify), null, `${purify}: DOMPurify (${kb(sum(onOpen) + gzip(purify))} in all)`],
  ['knowledge.json', gzip('knowledge.json'), null, `${kb(knowledgeRaw)} raw`],
];
let over = false;
console.log('what                                     gzip -9    budget   files');
for (const [what, bytes, budget, files] of rows) {
  const exceeded = budget !== null && bytes > budget;
  over ||= exceeded;
  console.log(`${what.padEnd(41)}${kb(bytes).padStart(8)}  ${(budget === null ? '—' : kb(budget)).padStart(8)}   ${files}${exceeded ? '   OVER BUDGET' : ''}`);
}
process.exit(over ? 1 : 0);
