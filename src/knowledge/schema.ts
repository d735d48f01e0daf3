/**
 * The shape of a compiled knowledge bundle (`dist/knowledge.json`).
 *
 * The compiler (build time, Node) writes it; the widget, the CLI and the studio read it.
 * Nothing in here touches the DOM.
 */

/** Version of the bundle format. Bump it when a reader could misread an older bundle. */
export const KNOWLEDGE_FORMAT = 1;

/** The categories an entry can belong to; each is a folder under `knowledge/`. */
export const CATEGORIES = ['procedure', 'principle', 'condition', 'about'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What an entry id (and its file name) looks like: lower-case words joined by hyphens, like "nerve-block". */
export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where an entry's facts come from. `url` is only present when the editor gave one. */
export interface Source {
  title: string;
  url?: string;
}

/**
 * One piece of an entry that can be shown on its own: the summary (heading `""`) or one
 * `##` section.
 */
export interface Passage {
  /** `entry-id` for the summary, `entry-id#section-slug` for a section. */
  id: string;
  /** The `##` heading, or `""` for the summary. */
  heading: string;
  /** Rendered at build time by marked; still sanitized in the browser before display. */
  html: string;
  /** The same passage as plain text, for matching and for the CLI. */
  text: string;
}

export interface Entry {
  id: string;
  title: string;
  category: Category;
  /** Ways a visitor might ask for this entry (3 or more). */
  questions: string[];
  /** Lay words, abbreviations and misspellings that point to this entry. */
  keywords: string[];
  /** Ids of other entries a visitor may want next. */
  related: string[];
  sources: Source[];
  /** Last-reviewed date, `YYYY-MM-DD`. */
  reviewed: string;
  /** The summary first, then one passage per `##` section, in file order. */
  passages: Passage[];
}

/** Lay words a visitor uses, mapped to the words the entries use. */
export interface VocabularyTerm {
  /** The clinical words this term stands for. */
  means: string;
  /** What visitors say instead. */
  says: string[];
}

/** How urgent an urgent-care rule group is; decides which advice the visitor sees. */
export const URGENT_LEVELS = ['emergency', 'crisis', 'poison', 'doctor-today'] as const;
export type UrgentLevel = (typeof URGENT_LEVELS)[number];

/**
 * A red-flag rule. It fires when any phrase of `any` is found, or when every group of
 * `all` has a phrase found. A phrase is words separated by spaces; a word ending in `*`
 * matches any word it starts. Matching is on normalized words and tolerates small typos.
 */
export interface UrgentRule {
  id: string;
  /** What the rule is about, for editors and the studio ("Loss of bladder control"). */
  name: string;
  any: string[];
  all: string[][];
  /**
   * Phrases that keep the rule from firing ("years ago" for a fall): only for rules where
   * they make an emergency impossible, since other rules still run.
   */
  unless: string[];
  /** When true, "no fever" or "without a fever" does not fire the rule. */
  negatable: boolean;
  /**
   * When true, an `unless` phrase also silences the clause just before its own in the same
   * sentence: "my legs felt weak after the shot, but it wore off".
   */
  looksBack?: boolean;
}

export interface UrgentGroup {
  level: UrgentLevel;
  /**
   * Advice by locale. `{emergency}`, `{crisis}` and `{poison}` are replaced with the
   * numbers the widget is configured with.
   */
  advice: Record<string, string>;
  rules: UrgentRule[];
}

/**
 * The stemmed terms of one entry, by field: what the matcher reads of it (see
 * `entryTerms`). Each term is listed once, under the field where it weighs most.
 */
export interface EntryTerms {
  title: string[];
  keywords: string[];
  /** Terms of the example questions. */
  questions: string[];
  /** The terms of the title and of each example question, each list without repeats. */
  phrasings: string[][];
  /** For each passage, in order: the terms of its heading and of its text. */
  passages: { heading: string[]; text: string[] }[];
}

/**
 * Work the compiler does once so that no visitor's browser has to: every entry's terms and
 * the knowledge's words. Optional: without it (or when it was made by a widget version that
 * reads words differently) the matcher works it out from the entries.
 */
export interface KnowledgeIndex {
  /** `NORMALIZER_FINGERPRINT` of the code that made it; an index with another one is not used. */
  normalizer: string;
  /** Every word of the titles and passages, once each (the urgent check never reads them as typos). */
  words: string[];
  /** One per entry, in the order of `entries`. */
  entries: EntryTerms[];
  /** For each vocabulary term, in order: the stems of each phrase it `says`. */
  vocabulary: string[][][];
}

/**
 * {@link KnowledgeIndex} as the knowledge file stores it: each list of terms as one string
 * of space-separated terms (terms never contain spaces), about half the size of a JSON list
 * and quicker to parse. Each passage is `[heading, text]`.
 */
export interface PackedIndex {
  normalizer: string;
  words: string;
  entries: { title: string; keywords: string; questions: string; phrasings: string[]; passages: [string, string][] }[];
  /** For each vocabulary term: each phrase's stems, space-separated. */
  vocabulary: string[][];
}

export interface KnowledgeBundle {
  format: typeof KNOWLEDGE_FORMAT;
  /** SHA-256 of the rest of the knowledge file (`sha256-…`), written by `npm run knowledge`; absent in memory-only bundles. */
  hash?: string;
  /** Language of the entries (`es` for `knowledge/es/`); English when absent. The matcher reads words by its rules. */
  locale?: string;
  entries: Entry[];
  vocabulary: VocabularyTerm[];
  urgent: UrgentGroup[];
  /** What kinds of question point to which sections (from `asks:` in vocabulary.yaml); none when absent. */
  asks?: AskKind[];
  index?: KnowledgeIndex;
}

/**
 * A kind of question and the sections that answer it: "how long does it last" is answered
 * by a section headed "How long relief lasts", "can it help me" by "Treatment options" or
 * "Who it may help". The matcher shows such a section, within the entry the question is
 * about, before one that only shares the story's words.
 */
export interface AskKind {
  /** Section headings (or parts of them, any case) that answer it; `summary` is the entry's opening. */
  sections: string[];
  /** Words that ask it ("how long", "what does * mean"), whole words in order; `*` is any one word. */
  cues: string[];
}
