/**
 * The one matcher: the widget, the CLI and the studio all call it.
 *
 * 1. A question becomes words; stop words are set aside and the rest stemmed.
 * 2. fuse.js maps each word the knowledge does not know to the closest known word (a
 *    whole-word typo: "epidrual" → epidural). It loads on demand: see `typo-search.ts`.
 * 3. The shared vocabulary turns lay phrases into the clinical words entries use ("radio
 *    wave" → radiofrequency ablation); each phrase counts once.
 * 4. Each passage is scored by how much of the question it explains, together with its
 *    entry's title, keywords and example questions: the share of the question's term weight
 *    (rarer terms weigh more; words the knowledge lacks weigh the most) found there, each
 *    term counted at the weight of the best field it is in. An entry's score blends its best
 *    passage's share with how closely the question mirrors its title or an example question.
 *
 * Scores are in [0, 1], higher is better, on the same scale at any knowledge size.
 *
 * Speed: inverted indexes (term → entries for titles, keywords and example questions;
 * term → passages for passage text) give every entry its coverage in one pass over the
 * postings of the question's terms. Entries are then finished (the title/question focus
 * added) from the highest coverage down, stopping when no remaining entry could enter the
 * top {@link MAX_MATCHES}. The result is the same as scoring every entry, at a fraction of
 * the cost for large knowledge bases.
 */
import type Fuse from 'fuse.js/basic';
import type { AskKind, Entry, EntryTerms, KnowledgeBundle, KnowledgeIndex, Passage, VocabularyTerm } from '../knowledge/schema.js';
import { type Analyzer, ENGLISH, analyzerFor, editDistance, foldText, words } from './normalize.js';
import { typoSearch } from './typo-search.js';

/** How much a term found in each field counts, from 0 to 1 (higher: stronger evidence). */
export const FIELD_WEIGHTS = Object.freeze({
  title: 1,
  keywords: 1,
  questions: 0.9,
  heading: 0.8,
  text: 0.6,
});

/**
 * Added to every term's rarity weight (inverse document frequency over entries), so that
 * one rare word cannot outweigh the rest of a question. Higher flattens the weights.
 */
export const IDF_FLOOR = 1.5;

/** Words shorter than this are never corrected for typos: too many short words look alike. */
export const TYPO_MIN_LENGTH = 5;

/** fuse.js score (0 = exact, 1 = anything) under which a known word is a typo candidate. Lower is stricter. */
export const TYPO_THRESHOLD = 0.4;

/**
 * Share of an entry's score (0–1) that comes from how closely the question mirrors its
 * title or one of its example questions; the rest is how much of the question its best
 * passage explains. Higher favours entries named by the question.
 */
export const FOCUS_SHARE = 0.35;

/**
 * Added to the share of the question a passage explains (0–1) when its heading answers the
 * kind of question asked (`asks:` in vocabulary.yaml): "how long does it last" shows the
 * section about how long relief lasts, "can it help my sciatica" the treatment options,
 * rather than a section that only shares the words of the visitor's story.
 */
export const ASK_BONUS = 0.3;

/** How many entries a match returns, best first: enough for "Did you mean" and the CLI. */
export const MAX_MATCHES = 10;

/** One entry's fit to a question. */
export interface EntryMatch {
  entryId: string;
  /** How well the entry answers the question, in [0, 1]; higher is better. */
  score: number;
  /** The passage that best answers the question: a section when the question asks about one, else the summary. */
  passageId: string;
  /** Question terms this entry matched (after stemming, typo correction and vocabulary). */
  matchedTerms: string[];
  /** Each of its passages: how much of the question (less the words that only name the entry) it explains, 0–1. */
  passages: { passageId: string; score: number }[];
}

export interface QueryTerm {
  /** The stemmed word, or the visitor's phrase for a vocabulary match. */
  term: string;
  /** How much the term counts (rarer terms more). */
  weight: number;
  /** Knowledge terms that stand for it, with how closely (1 = exactly). Empty when the knowledge lacks it. */
  candidates: { term: string; similarity: number }[];
}

/** How a question was read, for the studio's "why" and for the CLI's `--why`. */
export interface QueryAnalysis {
  terms: QueryTerm[];
  expansions: { said: string; means: string }[];
}

export interface MatchOutcome {
  /** Entries with a score above 0, best first. */
  matches: EntryMatch[];
  analysis: QueryAnalysis;
}

export interface Matcher {
  match(question: string): MatchOutcome;
  entry(id: string): Entry | undefined;
}

/** Knobs of the matcher; the defaults are the tuned constants above. */
export interface MatcherOptions {
  idfFloor?: number;
  focusShare?: number;
  /** Score every entry instead of stopping at the bound (for tests that check the shortcut). */
  exhaustive?: boolean;
}

type TermWeights = Map<string, number>;

interface IndexedPassage {
  passage: Passage;
  fields: TermWeights;
  /** The heading, folded, as `asks:` sections are compared with it ("summary" for the opening). */
  asked: string;
}

interface IndexedEntry {
  entry: Entry;
  /** Every term of the entry (identity and passages), with the best field weight it has. */
  terms: TermWeights;
  /** Title and keywords only: terms that name the entry (they say which entry, not which passage). */
  naming: Set<string>;
  passages: IndexedPassage[];
}

const unique = (list: string[]) => [...new Set(list)];

/**
 * Each term once, in the list of the field where it weighs most, so the lists are disjoint
 * and a term's weight is its best field's whatever the {@link FIELD_WEIGHTS}.
 */
function byBestField(fields: { weight: number; terms: string[] }[]): string[][] {
  const best = new Map<string, number>();
  fields.forEach(({ weight, terms: list }, i) => {
    for (const term of list) {
      const before = best.get(term);
      if (before === undefined || weight > fields[before]!.weight) best.set(term, i);
    }
  });
  const lists = fields.map((): string[] => []);
  for (const [term, i] of best) lists[i]!.push(term);
  return lists;
}

/**
 * What the matcher reads of an entry: its stemmed terms by field. This is the costly part
 * of building a matcher, so the compiler does it once and ships it in the knowledge file's
 * index; the result is the same either way.
 */
export function entryTerms(entry: Entry, { terms }: Analyzer = ENGLISH): EntryTerms {
  const [title = [], keywords = [], questions = []] = byBestField([
    { weight: FIELD_WEIGHTS.title, terms: terms(entry.title) },
    { weight: FIELD_WEIGHTS.keywords, terms: entry.keywords.flatMap(terms) },
    { weight: FIELD_WEIGHTS.questions, terms: entry.questions.flatMap(terms) },
  ]);
  return {
    title,
    keywords,
    questions,
    phrasings: [entry.title, ...entry.questions].map((text) => unique(terms(text))).filter((list) => list.length > 0),
    passages: entry.passages.map((passage) => {
      const [heading = [], text = []] = byBestField([
        { weight: FIELD_WEIGHTS.heading, terms: terms(passage.heading) },
        { weight: FIELD_WEIGHTS.text, terms: terms(passage.text) },
      ]);
      return { heading, text };
    }),
  };
}

function weigh(into: TermWeights, list: string[], weight: number): TermWeights {
  for (const term of list) into.set(term, Math.max(into.get(term) ?? 0, weight));
  return into;
}

/** An entry's term maps, made from its {@link EntryTerms} when it is among a question's best. */
function indexEntry(entry: Entry, found: EntryTerms): IndexedEntry {
  const all = weigh(weigh(weigh(new Map(), found.title, FIELD_WEIGHTS.title), found.keywords, FIELD_WEIGHTS.keywords), found.questions, FIELD_WEIGHTS.questions);
  const passages = entry.passages.map((passage, i) => {
    const { heading = [], text = [] } = found.passages[i] ?? {};
    const asked = passage.heading === '' ? 'summary' : foldText(passage.heading);
    return { passage, fields: weigh(weigh(new Map(), heading, FIELD_WEIGHTS.heading), text, FIELD_WEIGHTS.text), asked };
  });
  for (const { fields } of passages) for (const [term, weight] of fields) all.set(term, Math.max(all.get(term) ?? 0, weight));
  return { entry, terms: all, naming: new Set([...found.title, ...found.keywords]), passages };
}

/** The bundle's index when it can be trusted for these entries (same word rules, one per entry), else `undefined`. */
export function usableIndex(bundle: Pick<KnowledgeBundle, 'entries' | 'vocabulary' | 'index' | 'locale'>): KnowledgeIndex | undefined {
  const { index } = bundle;
  if (!index || index.normalizer !== analyzerFor(bundle.locale).fingerprint || index.entries.length !== bundle.entries.length) return undefined;
  if (index.vocabulary.length !== bundle.vocabulary.length) return undefined;
  const fits =
    bundle.entries.every((entry, i) => index.entries[i]!.passages.length === entry.passages.length) &&
    bundle.vocabulary.every((term, i) => index.vocabulary[i]!.length === term.says.length);
  return fits ? index : undefined;
}

/** The stems of each phrase a vocabulary term `says`. */
function vocabularyStems(term: VocabularyTerm, { stem }: Analyzer): string[][] {
  return term.says.map((said) => words(said).map(stem));
}

/** The index the compiler ships with a bundle: {@link entryTerms} of every entry, the knowledge's words, and the vocabulary's stems. */
export function buildIndex(bundle: Pick<KnowledgeBundle, 'entries' | 'vocabulary' | 'locale'>): KnowledgeIndex {
  const analyzer = analyzerFor(bundle.locale);
  return {
    normalizer: analyzer.fingerprint,
    words: knowledgeWords(bundle),
    entries: bundle.entries.map((entry) => entryTerms(entry, analyzer)),
    vocabulary: bundle.vocabulary.map((term) => vocabularyStems(term, analyzer)),
  };
}

/** The correctly spelt words of a bundle (titles and passage text, once each), which the urgent check never reads as typos. */
export function knowledgeWords(bundle: Pick<KnowledgeBundle, 'entries'>): string[] {
  return unique(bundle.entries.flatMap((entry) => [entry.title, ...entry.passages.map((p) => p.text)]).flatMap(words));
}

interface VocabularyPhrase {
  /** Stems of the words visitors say. */
  said: string[];
  means: string;
}

interface Token {
  word: string;
  stop: boolean;
  /** The word's stem, corrected to the closest known word when it is a typo. */
  key: string;
  candidates: { term: string; similarity: number }[];
}

/** Builds the matcher for a knowledge bundle. Cost grows with the bundle's size; build once. */
/** The section headings (folded) that answer the kinds of question `question` asks. */
function askedSections(asks: readonly { cues: string[][]; sections: string[] }[], question: string): Set<string> {
  const asked = new Set<string>();
  if (asks.length === 0) return asked;
  const list = words(question);
  for (const { cues, sections } of asks) {
    const found = cues.some((cue) => list.some((_, start) => cue.every((word, k) => word === '*' ? start + k < list.length : list[start + k] === word)));
    if (found) for (const section of sections) asked.add(section);
  }
  return asked;
}

export function createMatcher(bundle: Pick<KnowledgeBundle, 'entries' | 'vocabulary' | 'index' | 'locale' | 'asks'>, options: MatcherOptions = {}): Matcher {
  const analyzer = analyzerFor(bundle.locale);
  const { stem, terms, stopWords, commonWords } = analyzer;
  const idfFloor = options.idfFloor ?? IDF_FLOOR;
  const focusShare = options.focusShare ?? FOCUS_SHARE;
  const index = usableIndex(bundle);
  const entries = bundle.entries;
  const found = entries.map((entry, i) => (index ? index.entries[i]! : entryTerms(entry, analyzer)));
  // Each entry's term maps are only needed once it is among a question's best, so they
  // are made then (once), not for every entry before the first answer.
  const indexed: (IndexedEntry | undefined)[] = new Array(entries.length);
  const itemAt = (i: number): IndexedEntry => (indexed[i] ??= indexEntry(entries[i]!, found[i]!));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const asks = (bundle.asks ?? []).map((ask: AskKind) => ({
    cues: ask.cues.map((cue) => cue.split(/\s+/u).map((word) => (word === '*' ? word : foldText(word)))),
    sections: ask.sections.map((section) => foldText(section)),
  }));
  const documentFrequency = new Map<string, number>();
  // Inverted indexes: term → flat [entry, weight, …] for titles, keywords and example
  // questions, and term → [passage, weight, …] for passages (numbered across all entries).
  const identityPostings = new Map<string, number[]>();
  const passagePostings = new Map<string, number[]>();
  const entryOfPassage: number[] = [];
  const lastCounted = new Map<string, number>();
  const post = (postings: Map<string, number[]>, term: string, at: number, weight: number, entry: number) => {
    if (lastCounted.get(term) !== entry) {
      lastCounted.set(term, entry);
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const list = postings.get(term);
    if (list) list.push(at, weight);
    else postings.set(term, [at, weight]);
  };
  found.forEach(({ title, keywords, questions, passages }, entry) => {
    for (const term of title) post(identityPostings, term, entry, FIELD_WEIGHTS.title, entry);
    for (const term of keywords) post(identityPostings, term, entry, FIELD_WEIGHTS.keywords, entry);
    for (const term of questions) post(identityPostings, term, entry, FIELD_WEIGHTS.questions, entry);
    for (let i = 0; i < entries[entry]!.passages.length; i++) {
      const passage = entryOfPassage.push(entry) - 1;
      const { heading = [], text = [] } = passages[i] ?? {};
      for (const term of heading) post(passagePostings, term, passage, FIELD_WEIGHTS.heading, entry);
      for (const term of text) post(passagePostings, term, passage, FIELD_WEIGHTS.text, entry);
    }
  });
  // Longest phrases first, so "spinal cord stimulator" wins over "stimulator".
  const phrases: VocabularyPhrase[] = bundle.vocabulary
    .flatMap((term, i) => (index ? index.vocabulary[i]! : vocabularyStems(term, analyzer)).map((said) => ({ said, means: term.means })))
    .filter((phrase) => phrase.said.length > 0)
    .sort((a, b) => b.said.length - a.said.length);
  // Typos are corrected towards words the entries use and words the vocabulary knows.
  const known = new Set([...documentFrequency.keys(), ...phrases.flatMap((p) => p.said)]);
  // One fuse.js index per first letter: a typo keeps its first letter (see below), so each
  // search only scans the words that could be meant.
  const byFirstLetter = new Map<string, string[]>();
  for (const word of known) {
    const bucket = byFirstLetter.get(word[0]!);
    if (bucket) bucket.push(word);
    else byFirstLetter.set(word[0]!, [word]);
  }
  const fuses = new Map<string, Fuse<string>>();
  const fuseFor = (letter: string): Fuse<string> | undefined => {
    let fuse = fuses.get(letter);
    const list = byFirstLetter.get(letter);
    const FuseClass = typoSearch();
    if (!fuse && list && FuseClass) {
      fuse = new FuseClass(list, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true, minMatchCharLength: 2 });
      fuses.set(letter, fuse);
    }
    return fuse;
  };
  const entryCount = Math.max(entries.length, 1);
  const weightOf = (term: string): number => idfFloor + Math.log(1 + entryCount / ((documentFrequency.get(term) ?? 0) + 0.5));

  function candidatesFor(term: string): { term: string; similarity: number }[] {
    if (known.has(term)) return [{ term, similarity: 1 }];
    if (term.length < TYPO_MIN_LENGTH) return [];
    // fuse.js finds near spellings anywhere in a word ("capital" inside "occipital"); keep
    // only whole-word typos: same first letter, at most one edit per four letters.
    const allowed = Math.max(1, Math.floor(term.length / 4));
    const fuse = fuseFor(term[0]!);
    if (!fuse) return [];
    return fuse
      .search(term, { limit: 8 })
      .filter((result) => result.item[0] === term[0] && Math.abs(result.item.length - term.length) <= allowed)
      .map((result) => ({ term: result.item, distance: editDistance(term, result.item, allowed) }))
      .filter((candidate) => candidate.distance <= allowed)
      .sort((a, b) => a.distance - b.distance)
      .map((candidate) => ({ term: candidate.term, similarity: 1 - candidate.distance / Math.max(term.length, candidate.term.length) }))
      .slice(0, 3);
  }

  function analyse(question: string): QueryAnalysis {
    const tokens: Token[] = words(question).map((word) => {
      const stop = stopWords.has(word);
      const stemmed = stem(word);
      const candidates = stop ? [] : candidatesFor(stemmed);
      return { word, stop, key: candidates[0]?.term ?? stemmed, candidates };
    });
    const used = new Array<boolean>(tokens.length).fill(false);
    const analysis: QueryAnalysis = { terms: [], expansions: [] };
    for (const phrase of phrases) {
      const length = phrase.said.length;
      for (let start = 0; start + length <= tokens.length; start++) {
        let found = true;
        for (let k = 0; k < length && found; k++) found = !used[start + k] && tokens[start + k]!.key === phrase.said[k];
        if (!found) continue;
        for (let k = 0; k < length; k++) used[start + k] = true;
        const said = tokens.slice(start, start + length);
        analysis.expansions.push({ said: said.map((t) => t.word).join(' '), means: phrase.means });
        // A lay phrase counts once, however many clinical words it stands for; its rarest
        // word is what it means most ("occipital", not "nerve" or "block").
        const meant = [...new Set([...terms(phrase.means), ...said.filter((t) => !t.stop).map((t) => t.key)])].filter((t) => documentFrequency.has(t));
        const top = Math.max(0, ...meant.map(weightOf));
        analysis.terms.push({
          term: said.map((t) => t.word).join(' '),
          weight: meant.length > 0 ? top : weightOf(''),
          candidates: meant.map((term) => ({ term, similarity: weightOf(term) / top })),
        });
      }
    }
    const seen = new Set<string>();
    tokens.forEach((token, i) => {
      // Bare numbers ("2", "10") and spine levels ("L5", "S1") say nothing about a topic on their own.
      if (used[i] || token.stop || seen.has(token.key) || /^\d+$/.test(token.word) || /^[clst]\d{1,2}$/.test(token.word)) return;
      seen.add(token.key);
      const candidates = token.candidates.filter((c) => documentFrequency.has(c.term));
      // A word the knowledge does not know weighs as much as the rarest word it does know,
      // so a question mostly about something else scores low, unless it is an everyday word.
      const common = commonWords.has(token.word);
      const known = Math.max(0, ...candidates.map((c) => weightOf(c.term)));
      // Everyday words weigh little whether or not the knowledge uses them ("near", "still").
      const weight = common ? Math.min(idfFloor, known || idfFloor) : candidates.length > 0 ? known : weightOf('');
      analysis.terms.push({ term: token.key, weight, candidates });
    });
    return analysis;
  }

  // Work arrays, reused by every question: one slot per entry or per passage.
  const fromIdentity = new Float64Array(entries.length);
  const termIdentity = new Float64Array(entries.length);
  const extra = new Float64Array(entryOfPassage.length);
  const termPassage = new Float64Array(entryOfPassage.length);
  const BUCKETS = 1024;

  /** Best `similarity × field weight` of any candidate, per entry or passage, into `into`; adds the slots it sets to `touched`. */
  function spread(candidates: QueryTerm['candidates'], index: Map<string, number[]>, into: Float64Array, touched: number[]): void {
    for (const { term, similarity } of candidates) {
      const list = index.get(term);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const at = list[i]!;
        const value = similarity * list[i + 1]!;
        if (value > into[at]!) {
          if (into[at] === 0) touched.push(at);
          into[at] = value;
        }
      }
    }
  }

  const bestExtra = new Float64Array(entries.length);
  const seen = new Uint8Array(entries.length);

  /**
   * Every touched entry's coverage: the share of the question's weight its best passage,
   * with the entry's identity, explains. Computed term by term from the inverted indexes:
   * a term counts at its identity strength for the whole entry, plus whatever more a
   * passage gives. Calls `found(entry, coverage)` for each entry with some coverage.
   */
  function coverages(queryTerms: QueryTerm[], totalWeight: number, found: (entry: number, coverage: number) => void): void {
    const entries: number[] = [];
    const passages: number[] = [];
    const identityTouched: number[] = [];
    const passageTouched: number[] = [];
    const see = (entry: number) => {
      if (seen[entry] === 0) {
        seen[entry] = 1;
        entries.push(entry);
      }
    };
    for (const { weight, candidates } of queryTerms) {
      spread(candidates, identityPostings, termIdentity, identityTouched);
      spread(candidates, passagePostings, termPassage, passageTouched);
      for (const entry of identityTouched) {
        fromIdentity[entry]! += weight * termIdentity[entry]!;
        see(entry);
      }
      for (const passage of passageTouched) {
        const entry = entryOfPassage[passage]!;
        const more = termPassage[passage]! - termIdentity[entry]!;
        if (more > 0) {
          if (extra[passage] === 0) passages.push(passage);
          extra[passage]! += weight * more;
          see(entry);
        }
        termPassage[passage] = 0;
      }
      for (const entry of identityTouched) termIdentity[entry] = 0;
      identityTouched.length = 0;
      passageTouched.length = 0;
    }
    for (const passage of passages) {
      const entry = entryOfPassage[passage]!;
      if (extra[passage]! > bestExtra[entry]!) bestExtra[entry] = extra[passage]!;
      extra[passage] = 0;
    }
    for (const entry of entries) {
      found(entry, (fromIdentity[entry]! + bestExtra[entry]!) / totalWeight);
      fromIdentity[entry] = 0;
      bestExtra[entry] = 0;
      seen[entry] = 0;
    }
  }

  const idOf = (entry: number) => entries[entry]!.id;

  function match(question: string): MatchOutcome {
    const analysis = analyse(question);
    const totalWeight = analysis.terms.reduce((sum, t) => sum + t.weight, 0);
    if (totalWeight === 0) return { matches: [], analysis };
    // Entries by coverage, in buckets from the highest down (no full sort needed).
    const buckets: [number, number][][] = [];
    coverages(analysis.terms, totalWeight, (entry, coverage) => {
      if (coverage > 0) (buckets[Math.min(BUCKETS - 1, Math.floor(coverage * BUCKETS))] ??= []).push([entry, coverage]);
    });
    const top: { entry: number; score: number }[] = [];
    const worstKept = () => (top.length < MAX_MATCHES ? 0 : top[top.length - 1]!.score);
    for (let bucket = BUCKETS - 1; bucket >= 0; bucket--) {
      const inBucket = buckets[bucket];
      if (!inBucket) continue;
      // The best score any entry in this bucket could reach, with a focus of at most 1.
      // Nothing further down can beat the last entry kept (ties are still scored, for a
      // stable order; the margin covers rounding).
      const bound = (1 - focusShare) * ((bucket + 1) / BUCKETS) + focusShare;
      if (!options.exhaustive && bound < worstKept() - 1e-9) break;
      for (const [entry, coverage] of inBucket) {
        if (top.length === MAX_MATCHES && (1 - focusShare) * coverage + focusShare < worstKept()) continue;
        const score = (1 - focusShare) * coverage + focusShare * focus(found[entry]!.phrasings, analysis.terms, weightOf);
        if (top.length === MAX_MATCHES && score < worstKept()) continue;
        top.push({ entry, score });
        top.sort((a, b) => b.score - a.score || (idOf(a.entry) < idOf(b.entry) ? -1 : idOf(a.entry) > idOf(b.entry) ? 1 : 0));
        if (top.length > MAX_MATCHES) top.pop();
      }
    }
    const sections = askedSections(asks, question);
    const matches: EntryMatch[] = top.map(({ entry, score }) => {
      const passages = passageScores(itemAt(entry), analysis.terms, sections);
      return { entryId: idOf(entry), score, passageId: passages.best, matchedTerms: matchedTerms(itemAt(entry), analysis.terms), passages: passages.scores };
    });
    return { matches, analysis };
  }

  return { match, entry: (id) => byId.get(id) };
}

const strength = (candidates: QueryTerm['candidates'], fields: TermWeights): number => {
  let best = 0;
  for (const candidate of candidates) best = Math.max(best, candidate.similarity * (fields.get(candidate.term) ?? 0));
  return best;
};

/** The question terms the entry explains anywhere (identity or a passage), for the "why". */
function matchedTerms(item: IndexedEntry, queryTerms: QueryTerm[]): string[] {
  return queryTerms.filter((t) => strength(t.candidates, item.terms) > 0).map((t) => t.term);
}

/**
 * How closely the question mirrors the entry's title or one of its example questions: the
 * best share, by weight, of one phrasing's terms that the question contains (0–1).
 */
function focus(phrasings: string[][], queryTerms: QueryTerm[], weightOf: (term: string) => number): number {
  const asked = new Map<string, number>();
  for (const { candidates } of queryTerms) {
    for (const c of candidates) asked.set(c.term, Math.max(asked.get(c.term) ?? 0, c.similarity));
  }
  let best = 0;
  for (const phrasing of phrasings) {
    let found = 0;
    let total = 0;
    for (const term of phrasing) {
      const weight = weightOf(term);
      total += weight;
      found += weight * (asked.get(term) ?? 0);
    }
    if (total > 0) best = Math.max(best, found / total);
  }
  return best;
}

/**
 * The passage whose heading and text explain the most of the question, leaving out the
 * terms that only name the entry ("how long does RFA last" → the section about how long
 * relief lasts); the summary on ties. Also each passage's share of those terms, for the "why".
 */
function passageScores(item: IndexedEntry, queryTerms: QueryTerm[], sections: ReadonlySet<string>): { best: string; scores: { passageId: string; score: number }[] } {
  const aspects = queryTerms.map(({ weight, candidates }) => {
    const naming = candidates.some((c) => c.similarity === 1 && item.naming.has(c.term)) ? 1 : 0;
    return { weight: weight * (1 - naming), candidates };
  });
  const total = aspects.reduce((sum, aspect) => sum + aspect.weight, 0);
  let best = item.passages[0]?.passage.id ?? item.entry.id;
  let bestScore = 0;
  const scores: { passageId: string; score: number }[] = [];
  for (const { passage, fields, asked } of item.passages) {
    let score = 0;
    for (const { weight, candidates } of aspects) score += weight * strength(candidates, fields);
    scores.push({ passageId: passage.id, score: total > 0 ? score / total : 0 });
    // A section whose heading answers the kind of question asked comes first.
    if ([...sections].some((section) => asked.includes(section))) score += ASK_BONUS * total;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = passage.id;
    }
  }
  return { best, scores };
}
