/**
 * The Vite plugin that builds the default urgent rules into the chat's code (Node only).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compileKnowledgeDirLocales, formatProblem } from './files.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The module the chat's code reads its built-in urgent rules from (see src/answer/builtin-urgent.ts). */
const URGENT_RULES_MODULE = 'virtual:pcc-urgent-rules';

/**
 * Builds `knowledge/urgent.yaml` into the chat's code, as a chunk of its own
 * (`virtual:pcc-urgent-rules`), so the urgent check works when the knowledge file is
 * missing, broken, refused or slow. The rules are checked as `npm run knowledge` checks
 * them, and the build stops on an error. In the standalone build, whose knowledge is
 * built in and never fails to load, the chunk is empty and the built-in knowledge's rules
 * serve instead. Used by vite.config.ts, vitest.config.ts and the studio's server.
 */
export function builtinUrgentRules(options: { standalone?: boolean } = {}): Plugin {
  const RESOLVED = `\0${URGENT_RULES_MODULE}`;
  return {
    name: 'pain-care-chat-urgent-rules',
    resolveId: (id) => (id === URGENT_RULES_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (options.standalone) return 'export default null;';
      const dir = resolve(REPO_ROOT, 'knowledge');
      this.addWatchFile(resolve(dir, 'urgent.yaml'));
      const english = compileKnowledgeDirLocales(dir).find(({ locale }) => locale === 'en')?.result;
      const errors = english?.problems.filter((p) => p.severity === 'error') ?? [];
      if (!english?.bundle) throw new Error(`the built-in urgent rules cannot be built: the knowledge in ${dir} has errors:\n${errors.map(formatProblem).join('\n')}`);
      // JSON.parse of a string is faster to start than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(english.bundle.urgent))});`;
    },
  };
}
