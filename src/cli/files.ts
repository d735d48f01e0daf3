/**
 * Reads a knowledge folder from disk for the compiler. Node only: used by the CLI and
 * the build, never shipped to the browser.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadTypoSearch } from '../answer/typo-search.js';
import { type CompileResult, type KnowledgeFile, compileKnowledge, formatProblem } from '../knowledge/compile.js';

// Every Node entry point (the CLI, the build, the benchmark) reads knowledge through this
// module, so the matcher's typo search is loaded here, once, before anything matches.
await loadTypoSearch();

/** The default knowledge folder, relative to the working directory. */
export const DEFAULT_KNOWLEDGE_DIR = 'knowledge';

/** Every `.md`, `.yaml` and `.yml` file under `dir`, with paths relative to the working directory. */
export function readKnowledgeDir(dir: string): KnowledgeFile[] {
  const files: KnowledgeFile[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(md|ya?ml)$/i.test(name)) files.push({ path: relative(process.cwd(), path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  visit(dir);
  return files;
}

/** Compiles a knowledge folder, throwing a readable error when the folder cannot be read. */
export function compileKnowledgeDir(dir: string): CompileResult {
  let files: KnowledgeFile[];
  try {
    files = readKnowledgeDir(dir);
  } catch (error) {
    throw new Error(`cannot read the knowledge folder ${JSON.stringify(dir)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check the path`);
  }
  return compileKnowledge(files);
}

export { formatProblem };
