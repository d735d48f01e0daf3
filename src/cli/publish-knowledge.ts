/**
 * `npm run publish-knowledge -- [DIR] [--out FILE] [--strict]`
 *
 * The one step between an editor's change and the live site. Checks and compiles a
 * knowledge folder (default `knowledge/`) like `npm run knowledge`, writes
 * `dist/knowledge.json` (and `dist/knowledge.es.json` when the folder has `es/`), and says in
 * plain words which of them to upload and which line of the snippet changes: every change to
 * the knowledge changes its Subresource Integrity hash, and a site whose snippet still has
 * the old `data-integrity` line refuses the new file. The old line is worked out from the
 * files the previous build left in the same place.
 *
 * When the knowledge has errors (with `--strict`, also warnings), prints them as
 * `path:line: message`, writes nothing and exits 1; a usage mistake exits 2.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_KNOWLEDGE_BYTES, tooLarge } from '../knowledge/load.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';
import { DEFAULT_KNOWLEDGE_DIR, type FolderCheck, checkKnowledgeDirLocales, knowledgeFileText, localeBundleFile } from './files.js';
import { knowledgeIntegrityLine, sri } from './snippet.js';

const USAGE = 'usage: npm run publish-knowledge -- [DIR] [--out FILE] [--strict]';

/** The pages a language's knowledge file serves, in the words of the report. */
const PAGES: Readonly<Record<string, string>> = Object.freeze({ en: 'English pages', es: 'Spanish pages' });

/** One knowledge file of the build, next to what the previous build left in its place. */
interface Published {
  locale: string;
  file: string;
  text: string;
  bundle: KnowledgeBundle;
  /** The hash of the file the previous build wrote here; undefined when there was none. */
  oldHash: string | undefined;
  newHash: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function summaryOf(bundle: KnowledgeBundle): string {
  const passages = bundle.entries.reduce((sum, entry) => sum + entry.passages.length, 0);
  const rules = bundle.urgent.reduce((sum, group) => sum + group.rules.length, 0);
  const entries = bundle.entries.length;
  return `${entries} ${entries === 1 ? 'entry' : 'entries'}, ${plural(passages, 'passage')}, ${plural(rules, 'urgent rule')}`;
}

/** What to upload and which snippet line to replace, in plain words. */
function publishReport(files: readonly Published[]): string {
  const pages = (locale: string) => PAGES[locale] ?? `pages in "${locale}"`;
  const upload = files.filter((f) => f.oldHash !== f.newHash);
  const same = files.filter((f) => f.oldHash === f.newHash);
  const lines: string[] = [];
  if (upload.length === 0) {
    lines.push(
      `The knowledge is the same as in the last build (${files.map((f) => f.file).join(', ')}), so its hash has not changed.`,
      'If you uploaded that build, there is nothing to do. The data-integrity line of the snippet stays:',
      ...files.map((f) => `  ${pages(f.locale)}: ${knowledgeIntegrityLine(f.newHash)}`),
    );
    return lines.join('\n');
  }
  lines.push(
    'The knowledge changed, and with it its hash. To publish the change:',
    '',
    `1. Upload ${upload.length === 1 ? 'this file' : 'these files'} to the folder of your site that holds pain-care-chat.js, in place of the old ${upload.length === 1 ? 'one' : 'ones'}:`,
    ...upload.map((f) => `     ${f.file}   (for ${pages(f.locale)})`),
    ...same.map((f) => `   ${f.file} is the same as in the last build: leave it.`),
    '',
    '2. If your snippet has a data-integrity line, replace it, or the chat refuses the new knowledge and answers no question from it.',
  );
  for (const f of upload) {
    lines.push('');
    if (f.oldHash === undefined) {
      lines.push(
        `   On ${pages(f.locale)} (there is no earlier ${f.file} to tell the old line from), replace the data-integrity="…" line, whatever it says, with:`,
        `     ${knowledgeIntegrityLine(f.newHash)}`,
      );
    } else {
      lines.push(`   On ${pages(f.locale)}, replace the line`, `     ${knowledgeIntegrityLine(f.oldHash)}`, '   with', `     ${knowledgeIntegrityLine(f.newHash)}`);
    }
  }
  lines.push(
    '',
    '   Nothing else in the snippet changes. (On a <pain-care-chat> element, the attribute is integrity="…", with the same hash.)',
    '   A snippet without a data-integrity line needs no change.',
  );
  return lines.join('\n');
}

function main(args: string[]): number {
  let dir: string;
  let out: string;
  let strict: boolean;
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string', default: 'dist/knowledge.json' }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length > 1) throw new Error(`give one knowledge folder, got ${positionals.length}: ${positionals.join(' ')}`);
    if (values.out === '') throw new Error('--out needs a file name');
    dir = positionals[0] ?? DEFAULT_KNOWLEDGE_DIR;
    out = values.out;
    strict = values.strict;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  // The same checks and the same all-or-nothing rule as `npm run knowledge`: every language
  // compiles, or nothing is written, so the files on a site always match each other.
  let checked: FolderCheck;
  try {
    checked = checkKnowledgeDirLocales(dir, strict);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const { results, warnings, counts, refusal } = checked;
  if (refusal) {
    console.error(`${counts}: ${refusal}, nothing written and nothing to publish; fix the problems above (file:line: what to fix) and run "npm run publish-knowledge" again`);
    return 1;
  }
  const files: Published[] = results.map(({ locale, result }) => {
    const file = localeBundleFile(out, locale);
    const text = knowledgeFileText(result.bundle!);
    return { locale, file, text, bundle: result.bundle!, oldHash: existsSync(file) ? sri(readFileSync(file)) : undefined, newHash: sri(text) };
  });
  const oversized = files.find((f) => Buffer.byteLength(f.text) > MAX_KNOWLEDGE_BYTES);
  if (oversized) {
    console.error(`${tooLarge(Buffer.byteLength(oversized.text), oversized.file).message}; nothing written and nothing to publish`);
    return 1;
  }
  for (const f of files) {
    mkdirSync(dirname(f.file), { recursive: true });
    writeFileSync(f.file, f.text);
  }
  console.log(`Built the knowledge of ${dir.replace(/\/+$/, '')}/${warnings ? ` (${plural(warnings, 'warning')} above)` : ''}:`);
  for (const f of files) console.log(`  ${f.file}: ${summaryOf(f.bundle)}`);
  console.log(`\n${publishReport(files)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
