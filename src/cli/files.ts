/**
 * Reads a knowledge folder from disk for the compiler. Node only: used by the CLI and
 * the build, never shipped to the browser.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadTypoSearch } from '../answer/typo-search.js';
import { type CompileResult, type KnowledgeFile, bundleForBrowser, compileKnowledge, compileLocales, formatProblem, knowledgeFilesFor } from '../knowledge/compile.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';

// Every Node entry point (the CLI, the build, the benchmark) reads knowledge through this
// module, so the matcher's typo search is loaded here, once, before anything matches.
await loadTypoSearch();

/** The default knowledge folder, relative to the working directory. */
export const DEFAULT_KNOWLEDGE_DIR = 'knowledge';

/** The files a knowledge folder holds: Markdown and YAML. */
export const KNOWLEDGE_FILE = /\.(md|ya?ml)$/i;

/**
 * Every `.md`, `.yaml` and `.yml` file under `dir`, sorted, with paths relative to `from`
 * (default: the working directory) and `/` between folders. With `followLinks: false` (the
 * studio, which writes files), symbolic links and hidden files are left out: a link could
 * lead outside the folder, or round in a loop.
 */
export function readKnowledgeDir(dir: string, options: { from?: string; followLinks?: boolean } = {}): KnowledgeFile[] {
  const { from = process.cwd(), followLinks = true } = options;
  const files: KnowledgeFile[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const kind = followLinks ? statSync(path) : lstatSync(path);
      if (!followLinks && (kind.isSymbolicLink() || name.startsWith('.'))) continue;
      if (kind.isDirectory()) visit(path);
      else if (kind.isFile() && KNOWLEDGE_FILE.test(name)) files.push({ path: relative(from, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  visit(dir);
  return files;
}

/** Every knowledge file of `dir` (see {@link readKnowledgeDir}), with a readable error when the folder cannot be read. */
function readFolder(dir: string): KnowledgeFile[] {
  try {
    return readKnowledgeDir(dir);
  } catch (error) {
    throw new Error(`cannot read the knowledge folder ${JSON.stringify(dir)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check the path`);
  }
}

/** The folder's path as its files' paths start, for {@link knowledgeFilesFor}. */
const rootOf = (dir: string) => relative(process.cwd(), dir).split(sep).join('/');

/**
 * Compiles one language of a knowledge folder (English, or a locale folder such as
 * `knowledge/es/`), throwing a readable error when the folder cannot be read.
 */
export function compileKnowledgeDir(dir: string, locale = 'en'): CompileResult {
  return compileKnowledge(knowledgeFilesFor(readFolder(dir), locale, rootOf(dir)), { locale });
}

/** Every language of a knowledge folder (`en`, and `es` when it has `es/`), each compiled on its own; the folder is read once. */
export function compileKnowledgeDirLocales(dir: string): { locale: string; result: CompileResult }[] {
  return compileLocales(readFolder(dir), rootOf(dir));
}

/** The file a language's bundle is written to, beside `out` (the English one): `knowledge.json` → `knowledge.es.json`. */
export function localeBundleFile(out: string, locale: string): string {
  return locale === 'en' ? out : out.replace(/(\.json)?$/, `.${locale}.json`);
}

export { formatProblem };

/**
 * The text of a knowledge file as the browser downloads it: the bundle for the browser,
 * with `hash`, the SHA-256 of everything else in it (`sha256-` and base64, as SRI writes
 * hashes), so two files with the same knowledge have the same hash and any change shows.
 */
export function knowledgeFileText(bundle: KnowledgeBundle): string {
  const content = JSON.stringify(bundleForBrowser(bundle));
  const hash = `sha256-${createHash('sha256').update(content).digest('base64')}`;
  return `{"hash":${JSON.stringify(hash)},${content.slice(1)}`;
}

/** What {@link checkKnowledgeDirLocales} found: every language's result, and whether they may be written. */
export interface FolderCheck {
  results: { locale: string; result: CompileResult }[];
  errors: number;
  warnings: number;
  /** "2 errors, 1 warning", for the closing line. */
  counts: string;
  /** Why nothing may be written (after the problems, which are printed): broken, or warnings under --strict; `null` when all is well. */
  refusal: string | null;
}

/**
 * The check `npm run knowledge` and `npm run publish-knowledge` share: every language of
 * `dir` compiled, each problem printed to stderr as `path:line: …`, and nothing to write
 * unless every language compiles (and, with `strict`, has no warning), so the files on a
 * site always match each other. Throws only when the folder cannot be read.
 */
export function checkKnowledgeDirLocales(dir: string, strict: boolean): FolderCheck {
  const results = compileKnowledgeDirLocales(dir);
  const problems = results.flatMap(({ result }) => result.problems);
  for (const problem of problems) console.error(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const refusal = results.some(({ result }) => !result.bundle)
    ? 'the knowledge is broken'
    : strict && warnings > 0
      ? '--strict treats warnings as errors'
      : null;
  return { results, errors, warnings, counts, refusal };
}
