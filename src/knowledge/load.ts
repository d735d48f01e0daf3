/**
 * Checks that a parsed `knowledge.json` is a bundle this version can read. Used by the
 * widget after fetching it and by the CLI's `--knowledge FILE`. A bundle may have been
 * edited by hand or hosted anywhere, so nothing is taken on trust.
 */
import { CATEGORIES, type EntryTerms, KNOWLEDGE_FORMAT, type KnowledgeBundle, type KnowledgeIndex, URGENT_LEVELS } from './schema.js';
import { htmlToText } from './text.js';

/** Why a bundle was refused; `code` is stable for console messages and tests. */
export class KnowledgeError extends Error {
  constructor(
    readonly code: 'knowledge-unreachable' | 'knowledge-integrity' | 'knowledge-too-large' | 'knowledge-not-json' | 'knowledge-format' | 'knowledge-invalid',
    message: string,
  ) {
    super(message);
    this.name = 'KnowledgeError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

function invalid(where: string, what: string): never {
  throw new KnowledgeError('knowledge-invalid', `knowledge file is not a valid bundle: ${where} ${what}; rebuild it with "npm run knowledge"`);
}

/**
 * Returns `data` as a {@link KnowledgeBundle} when it has the right format version and
 * shape; throws a {@link KnowledgeError} naming the first bad field otherwise.
 */
export function parseBundle(data: unknown): KnowledgeBundle {
  if (!isObject(data)) invalid('the top level', 'must be an object');
  if (data.format !== KNOWLEDGE_FORMAT) {
    throw new KnowledgeError(
      'knowledge-format',
      `knowledge file has format ${JSON.stringify(data.format ?? null)}, but this widget reads format ${KNOWLEDGE_FORMAT}; rebuild it with the same version of pain-care-chat`,
    );
  }
  if (data.locale !== undefined && (typeof data.locale !== 'string' || !/^[a-z]{2}$/.test(data.locale))) invalid('"locale"', 'must be a two-letter language code such as "es"');
  if (!Array.isArray(data.entries) || data.entries.length === 0) invalid('"entries"', 'must be a non-empty list');
  const ids = new Set<string>();
  data.entries.forEach((entry: unknown, i) => {
    const at = `entries[${i}]`;
    if (!isObject(entry)) invalid(at, 'must be an object');
    for (const key of ['id', 'title', 'reviewed'] as const) if (!isText(entry[key])) invalid(`${at}.${key}`, 'must be text');
    if (!(CATEGORIES as readonly unknown[]).includes(entry.category)) invalid(`${at}.category`, `must be one of ${CATEGORIES.join(', ')}`);
    for (const key of ['questions', 'keywords', 'related'] as const) if (!isTextList(entry[key])) invalid(`${at}.${key}`, 'must be a list of text');
    if (!Array.isArray(entry.sources) || !entry.sources.every((s: unknown) => isObject(s) && isText(s.title) && (s.url === undefined || isText(s.url)))) {
      invalid(`${at}.sources`, 'must be a list of {title, url?}');
    }
    if (!Array.isArray(entry.passages) || entry.passages.length === 0) invalid(`${at}.passages`, 'must be a non-empty list');
    entry.passages.forEach((passage: unknown, j: number) => {
      if (!isObject(passage) || !isText(passage.id) || !isText(passage.heading) || !isText(passage.html) || !(passage.text === undefined || isText(passage.text))) {
        invalid(`${at}.passages[${j}]`, 'must have text id, heading and html (and text, if any)');
      }
      // The file leaves out the plain text; it is the HTML's text (see bundleForBrowser),
      // worked out when first read: with the file's index, answers never need it.
      if (passage.text === undefined) {
        const html = passage.html as string;
        let text: string | undefined;
        Object.defineProperty(passage, 'text', { enumerable: true, configurable: true, get: () => (text ??= htmlToText(html)) });
      }
    });
    if (ids.has(entry.id as string)) invalid(`${at}.id`, `repeats ${JSON.stringify(entry.id)}`);
    ids.add(entry.id as string);
  });
  if (!Array.isArray(data.vocabulary) || !data.vocabulary.every((t: unknown) => isObject(t) && isText(t.means) && isTextList(t.says))) {
    invalid('"vocabulary"', 'must be a list of {means, says}');
  }
  if (data.asks !== undefined && !(Array.isArray(data.asks) && data.asks.every((a: unknown) => isObject(a) && isTextList(a.sections) && isTextList(a.cues)))) {
    invalid('"asks"', 'must be a list of {sections, cues}');
  }
  if (!Array.isArray(data.urgent) || data.urgent.length === 0) invalid('"urgent"', 'must be a non-empty list of rule groups');
  data.urgent.forEach((group: unknown, i) => {
    const at = `urgent[${i}]`;
    if (!isObject(group) || !(URGENT_LEVELS as readonly unknown[]).includes(group.level)) invalid(`${at}.level`, `must be one of ${URGENT_LEVELS.join(', ')}`);
    if (!isObject(group.advice) || !isText(group.advice.en) || !Object.values(group.advice).every(isText)) invalid(`${at}.advice`, 'must map locales to text, with "en"');
    if (!Array.isArray(group.rules)) invalid(`${at}.rules`, 'must be a list');
    group.rules.forEach((rule: unknown, j: number) => {
      const ok =
        isObject(rule) &&
        isText(rule.id) &&
        isText(rule.name) &&
        isTextList(rule.any) &&
        Array.isArray(rule.all) &&
        rule.all.every(isTextList) &&
        isTextList(rule.unless) &&
        typeof rule.negatable === 'boolean' &&
        (rule.looksBack === undefined || typeof rule.looksBack === 'boolean');
      if (!ok) invalid(`${at}.rules[${j}]`, 'must have id, name, any, all, unless and negatable');
    });
  });
  // An index that is missing, damaged or for other entries is left out: the matcher then
  // works the terms out itself (slower to start, same answers).
  const index = unpackIndex(data.index);
  const bundle = { ...data, index } as unknown as KnowledgeBundle;
  if (!index) delete bundle.index;
  return bundle;
}

/**
 * The index a knowledge file stores (a `PackedIndex`, written by `packIndex`), or
 * `undefined` when it is missing or not of that shape (a hand-edited file): the matcher
 * then works the terms out from the entries.
 */
function unpackIndex(data: unknown): KnowledgeIndex | undefined {
  if (!isObject(data) || !isText(data.normalizer) || !isText(data.words) || !Array.isArray(data.entries)) return undefined;
  const split = (text: string) => (text === '' ? [] : text.split(' '));
  const entries: EntryTerms[] = [];
  for (const entry of data.entries as unknown[]) {
    if (!isObject(entry) || !isText(entry.title) || !isText(entry.keywords) || !isText(entry.questions) || !isTextList(entry.phrasings)) return undefined;
    const passages = entry.passages;
    if (!Array.isArray(passages) || !passages.every((p) => isTextList(p) && p.length === 2)) return undefined;
    entries.push({
      title: split(entry.title),
      keywords: split(entry.keywords),
      questions: split(entry.questions),
      phrasings: entry.phrasings.map(split),
      passages: (passages as [string, string][]).map(([heading, text]) => ({ heading: split(heading), text: split(text) })),
    });
  }
  const { vocabulary } = data;
  if (!Array.isArray(vocabulary) || !vocabulary.every(isTextList)) return undefined;
  return {
    normalizer: data.normalizer,
    words: split(data.words),
    entries,
    vocabulary: (vocabulary as string[][]).map((term) => term.map(split)),
  };
}

/**
 * The largest knowledge file the chat reads: 20 MB (about 3,000 entries). A bigger one is
 * refused before it is parsed, so a wrong or hostile file cannot freeze a visitor's page;
 * split such knowledge by language or by site section instead.
 */
export const MAX_KNOWLEDGE_BYTES = 20 * 1024 * 1024;

/** The error for a knowledge file of `bytes` bytes, over {@link MAX_KNOWLEDGE_BYTES}. */
export function tooLarge(bytes: number, where: string, { atLeast = false } = {}): KnowledgeError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const size = atLeast ? `more than ${mb(MAX_KNOWLEDGE_BYTES)} (the chat stopped reading it there)` : `${mb(bytes)}, over the ${mb(MAX_KNOWLEDGE_BYTES)} the chat reads`;
  return new KnowledgeError('knowledge-too-large', `${where} is ${size}; split the knowledge (by language or by part of the site) into smaller files`);
}

/** Parses JSON text into a bundle, with a {@link KnowledgeError} for text that is not JSON or is too large. */
export function parseBundleText(text: string): KnowledgeBundle {
  // A UTF-16 length is at most the UTF-8 byte count, so this never refuses a file under the limit.
  if (text.length > MAX_KNOWLEDGE_BYTES) throw tooLarge(text.length, 'the knowledge file');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new KnowledgeError('knowledge-not-json', `knowledge file is not JSON (${(error as Error).message}); check the "knowledge" URL points to a knowledge.json built by "npm run knowledge"`);
  }
  return parseBundle(data);
}

/**
 * The text of a knowledge file's response, refused with a `knowledge-too-large`
 * {@link KnowledgeError} as soon as it is over {@link MAX_KNOWLEDGE_BYTES}: at once when the
 * server says how big it is, else when the download passes the limit (the rest is never
 * read). `where` names the file in the message.
 */
export async function readKnowledgeText(response: Response, where: string): Promise<string> {
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_KNOWLEDGE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(length, where);
  }
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_KNOWLEDGE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total, where, { atLeast: true });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
