/**
 * `npm run knowledge -- [--check] [--strict] [DIR] [--out FILE]`
 *
 * Compiles a knowledge folder (default `knowledge/`) into `dist/knowledge.json`, and its
 * Spanish entries (`knowledge/es/`) into `dist/knowledge.es.json`. Prints every
 * problem as `path:line: message`; exits 1 when any is an error (with `--strict`, also when
 * any is a warning). With `--check`, writes nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MAX_KNOWLEDGE_BYTES, tooLarge } from '../knowledge/load.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';
import { DEFAULT_KNOWLEDGE_DIR, type FolderCheck, checkKnowledgeDirLocales, knowledgeFileText, localeBundleFile } from './files.js';

const USAGE = 'usage: npm run knowledge -- [--check] [--strict] [DIR] [--out FILE]';

function main(args: string[]): number {
  let check = false;
  let strict = false;
  let dir = DEFAULT_KNOWLEDGE_DIR;
  let out = 'dist/knowledge.json';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--check') check = true;
    else if (arg === '--strict') strict = true;
    else if (arg === '--out') out = args[++i] ?? '';
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('-')) {
      console.error(`unknown option ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    } else dir = arg;
  }
  if (out === '') {
    console.error(`--out needs a file name\n${USAGE}`);
    return 2;
  }

  // Every language of the folder (English, and es/ when it is there) is checked; nothing
  // is written unless all of them compile, so the files on a site always match.
  let checked: FolderCheck;
  try {
    checked = checkKnowledgeDirLocales(dir, strict);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const { results, warnings, counts, refusal } = checked;
  if (refusal) {
    console.error(`${counts}: ${refusal}; nothing written`);
    return 1;
  }
  const summaryOf = (bundle: KnowledgeBundle) => {
    const passages = bundle.entries.reduce((sum, entry) => sum + entry.passages.length, 0);
    return `${bundle.entries.length} entries, ${passages} passages, ${bundle.urgent.reduce((s, g) => s + g.rules.length, 0)} urgent rules`;
  };
  if (check) {
    const summary = results.map(({ locale, result }) => `${locale}: ${summaryOf(result.bundle!)}`).join('; ');
    console.log(`${dir}: ok (${summary}${warnings ? `, ${warnings} warnings` : ''})`);
    return 0;
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const texts = results.map(({ result }) => knowledgeFileText(result.bundle!));
  const oversized = texts.findIndex((text) => Buffer.byteLength(text) > MAX_KNOWLEDGE_BYTES);
  if (oversized >= 0) {
    console.error(`${tooLarge(Buffer.byteLength(texts[oversized]!), localeBundleFile(out, results[oversized]!.locale)).message}; nothing written`);
    return 1;
  }
  for (const [i, { locale, result }] of results.entries()) {
    const file = localeBundleFile(out, locale);
    const json = texts[i]!;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
    console.log(`${file}: ${summaryOf(result.bundle!)}; ${kb(Buffer.byteLength(json))} raw, ${kb(gzipSync(json, { level: 9 }).length)} gzip`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
