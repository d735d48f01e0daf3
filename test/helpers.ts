/** Shared test helpers: compiled knowledge bundles from folders. */
import { compileKnowledgeDir, formatProblem } from '../src/cli/files.js';
import type { KnowledgeBundle } from '../src/knowledge/schema.js';

const cache = new Map<string, KnowledgeBundle>();

/** The compiled bundle of a knowledge folder; fails the test with the problems if it does not compile. */
export function bundleOf(dir: string, locale = 'en'): KnowledgeBundle {
  const key = `${dir}\0${locale}`;
  let bundle = cache.get(key);
  if (!bundle) {
    const result = compileKnowledgeDir(dir, locale);
    if (!result.bundle) throw new Error(result.problems.map(formatProblem).join('\n'));
    bundle = result.bundle;
    cache.set(key, bundle);
  }
  return bundle;
}
