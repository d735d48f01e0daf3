/**
 * The urgent rules built into the chat's code (`knowledge/urgent.yaml` as it was at build
 * time), so the urgent check never waits for, or depends on, the knowledge file: when it is
 * missing, broken, refused by its integrity hash, offline or slow, a question that describes
 * an emergency still gets emergency advice. The clinic's own rules, in its knowledge file,
 * take over once that has loaded. The rules are a chunk of their own, asked for when the
 * chat starts loading its knowledge and compiled only if a question needs them.
 */
import { embeddedKnowledgeText, embeddedKnowledgeUrl } from '../knowledge/embedded.js';
import { parseBundleText } from '../knowledge/load.js';
import type { UrgentGroup } from '../knowledge/schema.js';
import { type UrgentCheck, createUrgentCheck } from './reply.js';

let rules: Promise<readonly UrgentGroup[]> | undefined;
let check: UrgentCheck | undefined;

/** Loads the built-in rules (once; again after a failure, e.g. offline). Rejects when their chunk cannot load. */
export function loadBuiltinUrgentRules(): Promise<readonly UrgentGroup[]> {
  rules ??= import('virtual:pcc-urgent-rules').then(({ default: groups }) => {
    if (groups) return groups;
    // The standalone build: its built-in knowledge carries the rules.
    const url = embeddedKnowledgeUrl('en');
    const text = url === null ? undefined : embeddedKnowledgeText(url);
    return text === undefined ? [] : parseBundleText(text).urgent;
  });
  rules.catch(() => (rules = undefined));
  return rules;
}

/** The urgent check with the built-in rules, once {@link loadBuiltinUrgentRules} has them; compiled on first use. */
export async function builtinUrgentCheck(): Promise<UrgentCheck> {
  const groups = await loadBuiltinUrgentRules();
  check ??= createUrgentCheck(groups).check;
  return check;
}

/** The built-in check if it is ready to use now (rules loaded), else `undefined`. */
export function builtinUrgentCheckNow(): UrgentCheck | undefined {
  return check;
}
