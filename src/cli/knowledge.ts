/**
 * `npm run knowledge -- [--check] [--strict] [DIR] [--out FILE]`
 *
 * Compiles a knowledge folder (default `knowledge/`) into `dist/knowledge.json`. Prints every
 * problem as `path:line: message`; exits 1 when any is an error (with `--strict`, also when
 * any is a warning). With `--check`, writes nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleForBrowser } from '../knowledge/compile.js';
import { DEFAULT_KNOWLEDGE_DIR, compileKnowledgeDir, formatProblem } from './files.js';

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

  let result;
  try {
    result = compileKnowledgeDir(dir);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  for (const problem of result.problems) console.error(formatProblem(problem));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (!result.bundle) {
    console.error(`${counts}: nothing written`);
    return 1;
  }
  if (strict && warnings > 0) {
    console.error(`${counts}: --strict treats warnings as errors; nothing written`);
    return 1;
  }
  const passages = result.bundle.entries.reduce((sum, entry) => sum + entry.passages.length, 0);
  const summary = `${result.bundle.entries.length} entries, ${passages} passages, ${result.bundle.urgent.reduce((s, g) => s + g.rules.length, 0)} urgent rules`;
  if (check) {
    console.log(`${dir}: ok (${summary}${warnings ? `, ${warnings} warnings` : ''})`);
    return 0;
  }
  const json = JSON.stringify(bundleForBrowser(result.bundle));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${out}: ${summary}; ${kb(Buffer.byteLength(json))} raw, ${kb(gzipSync(json, { level: 9 }).length)} gzip`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
