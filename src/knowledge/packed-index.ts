/**
 * The knowledge index as the knowledge file stores it: each list of terms as one string of
 * space-separated terms (terms never contain spaces), which is about half the size of a
 * JSON list and parses faster. Pure; no DOM.
 */
import type { EntryTerms, KnowledgeIndex } from './schema.js';

/** An {@link EntryTerms} with every list of terms joined by spaces. */
export interface PackedEntryTerms {
  naming: string;
  questions: string;
  phrasings: string[];
  /** `[heading, text]` for each passage. */
  passages: [string, string][];
}

export interface PackedIndex {
  normalizer: string;
  words: string;
  entries: PackedEntryTerms[];
}

const join = (list: string[]) => list.join(' ');
const split = (text: string) => (text === '' ? [] : text.split(' '));

export function packIndex(index: KnowledgeIndex): PackedIndex {
  return {
    normalizer: index.normalizer,
    words: join(index.words),
    entries: index.entries.map((entry) => ({
      naming: join(entry.naming),
      questions: join(entry.questions),
      phrasings: entry.phrasings.map(join),
      passages: entry.passages.map(({ heading, text }) => [join(heading), join(text)]),
    })),
  };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The index stored in a knowledge file, or `undefined` when it is missing or not of the
 * right shape (a hand-edited file): the matcher then works the terms out from the entries.
 */
export function unpackIndex(data: unknown): KnowledgeIndex | undefined {
  if (!isObject(data) || !isText(data.normalizer) || !isText(data.words) || !Array.isArray(data.entries)) return undefined;
  const entries: EntryTerms[] = [];
  for (const entry of data.entries as unknown[]) {
    if (!isObject(entry) || !isText(entry.naming) || !isText(entry.questions) || !Array.isArray(entry.phrasings) || !Array.isArray(entry.passages)) return undefined;
    if (!entry.phrasings.every(isText)) return undefined;
    const passages = entry.passages as unknown[];
    if (!passages.every((p) => Array.isArray(p) && p.length === 2 && isText(p[0]) && isText(p[1]))) return undefined;
    entries.push({
      naming: split(entry.naming),
      questions: split(entry.questions),
      phrasings: (entry.phrasings as string[]).map(split),
      passages: (passages as [string, string][]).map(([heading, text]) => ({ heading: split(heading), text: split(text) })),
    });
  }
  return { normalizer: data.normalizer, words: split(data.words), entries };
}
