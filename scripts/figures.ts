/**
 * Figures in the docs are written by the command that measures them, never typed: `npm run
 * size` and `npm run bench` replace what lies between their marker comments in the README's
 * Performance section,
 *
 *     <!-- figures:size (written by "npm run size"; do not edit by hand) -->
 *     …
 *     <!-- /figures:size -->
 *
 * and head it with the date, the Node version and the machine. `test/docs/figures.test.ts`
 * checks that the README quotes no figure outside these blocks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';

/** The file that holds the blocks. */
export const FIGURES_FILE = 'README.md';

/** The commands that write figures, by block name. */
export const FIGURE_COMMANDS: Readonly<Record<string, string>> = Object.freeze({ size: 'npm run size', bench: 'npm run bench', eval: 'npm run eval:report' });

const startMarker = (name: string) => `<!-- figures:${name} (written by "${FIGURE_COMMANDS[name] ?? name}"; do not edit by hand) -->`;
const endMarker = (name: string) => `<!-- /figures:${name} -->`;

/** The machine, as the figures' heading names it: CPU model, cores, memory, system. */
export function machine(): string {
  const cores = cpus();
  const model = (cores[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  return `${model}, ${cores.length} core${cores.length === 1 ? '' : 's'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${platform()} ${arch()}`;
}

/** The heading line of a block: which command measured, when, with which Node, on which machine (and `extra`, such as the browser). */
export function provenance(name: string, extra = '', date = new Date()): string {
  return `Measured by \`${FIGURE_COMMANDS[name] ?? name}\` on ${date.toISOString().slice(0, 10)} with Node ${process.version}${extra ? `, ${extra}` : ''}, on ${machine()}.`;
}

/** The text between the block's markers in `text` (without the markers), or undefined when it has none. */
export function readFigures(text: string, name: string): string | undefined {
  const start = text.indexOf(startMarker(name));
  const end = text.indexOf(endMarker(name));
  if (start < 0 || end < start) return undefined;
  return text.slice(start + startMarker(name).length, end).replace(/^\n|\n$/g, '');
}

/**
 * Replaces block `name` of `file` with `heading` and `body`. With `keepIfSame`, a block whose
 * body is already `body` is left as it is (so a run that measures the same bytes does not
 * touch the file, and its date stays the date these figures were first measured).
 * Throws, naming the markers to add, when `file` has no such block.
 */
export function writeFigures(name: string, heading: string, body: string, options: { file?: string; keepIfSame?: boolean } = {}): 'written' | 'unchanged' {
  const { file = FIGURES_FILE, keepIfSame = false } = options;
  const text = readFileSync(file, 'utf8');
  const current = readFigures(text, name);
  if (current === undefined) throw new Error(`${file} has no block for these figures; add the lines ${startMarker(name)} and ${endMarker(name)} where they belong`);
  if (keepIfSame && current.endsWith(`\n\n${body}`)) return 'unchanged';
  const start = text.indexOf(startMarker(name)) + startMarker(name).length;
  writeFileSync(file, `${text.slice(0, start)}\n${heading}\n\n${body}\n${text.slice(text.indexOf(endMarker(name)))}`);
  return 'written';
}
