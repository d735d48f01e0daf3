/**
 * The one matcher: the widget, the CLI and the studio all call it.
 *
 * 1. A question becomes words; stop words are set aside and the rest stemmed.
 * 2. fuse.js maps each word the knowledge does not know to the closest known word (a
 *    whole-word typo: "epidrual" → epidural).
 * 3. The shared vocabulary turns lay phrases into the clinical words entries use ("radio
 *    wave" → radiofrequency ablation); each phrase counts once.
 * 4. Each passage is scored by how much of the question it explains, together with its
 *    entry's title, keywords and example questions: the share of the question's term weight
 *    (rarer terms weigh more; words the knowledge lacks weigh the most) found there, each
 *    term counted at the weight of the best field it is in. An entry's score blends its best
 *    passage's share with how closely the question mirrors its title or an example question.
 *
 * Scores are in [0, 1], higher is better, on the same scale at any knowledge size.
 */
import Fuse from 'fuse.js/basic';
import type { Entry, KnowledgeBundle, Passage } from '../knowledge/schema.js';
import { COMMON_WORDS, STOP_WORDS, editDistance, stem, terms, words } from './normalize.js';

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

/** One entry's fit to a question. */
export interface EntryMatch {
  entryId: string;
  /** How well the entry answers the question, in [0, 1]; higher is better. */
  score: number;
  /** The passage that best answers the question: a section when the question asks about one, else the summary. */
  passageId: string;
  /** Question terms this entry matched (after stemming, typo correction and vocabulary). */
  matchedTerms: string[];
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
}

type TermWeights = Map<string, number>;

interface IndexedPassage {
  passage: Passage;
  fields: TermWeights;
}

interface IndexedEntry {
  entry: Entry;
  /** Title, keywords and example questions: what the entry is about as a whole. */
  identity: TermWeights;
  /** Title and keywords only: terms that name the entry (they say which entry, not which passage). */
  naming: Set<string>;
  /** The terms of the title and of each example question, for how closely a question mirrors one. */
  phrasings: string[][];
  passages: IndexedPassage[];
}

function addTerms(into: TermWeights, text: string, weight: number): void {
  for (const term of terms(text)) into.set(term, Math.max(into.get(term) ?? 0, weight));
}

function indexEntry(entry: Entry): IndexedEntry {
  const identity: TermWeights = new Map();
  addTerms(identity, entry.title, FIELD_WEIGHTS.title);
  for (const keyword of entry.keywords) addTerms(identity, keyword, FIELD_WEIGHTS.keywords);
  const naming = new Set(identity.keys());
  for (const question of entry.questions) addTerms(identity, question, FIELD_WEIGHTS.questions);
  const passages = entry.passages.map((passage) => {
    const fields: TermWeights = new Map();
    addTerms(fields, passage.heading, FIELD_WEIGHTS.heading);
    addTerms(fields, passage.text, FIELD_WEIGHTS.text);
    return { passage, fields };
  });
  const phrasings = [entry.title, ...entry.questions].map((text) => [...new Set(terms(text))]).filter((list) => list.length > 0);
  return { entry, identity, naming, phrasings, passages };
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
export function createMatcher(bundle: Pick<KnowledgeBundle, 'entries' | 'vocabulary'>, options: MatcherOptions = {}): Matcher {
  const idfFloor = options.idfFloor ?? IDF_FLOOR;
  const focusShare = options.focusShare ?? FOCUS_SHARE;
  const indexed = bundle.entries.map(indexEntry);
  const byId = new Map(bundle.entries.map((entry) => [entry.id, entry]));
  const documentFrequency = new Map<string, number>();
  for (const item of indexed) {
    const seen = new Set(item.identity.keys());
    for (const { fields } of item.passages) for (const term of fields.keys()) seen.add(term);
    for (const term of seen) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  // Longest phrases first, so "spinal cord stimulator" wins over "stimulator".
  const phrases: VocabularyPhrase[] = bundle.vocabulary
    .flatMap((term) => term.says.map((said) => ({ said: words(said).map(stem), means: term.means })))
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
    if (!fuse && list) {
      fuse = new Fuse(list, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true, minMatchCharLength: 2 });
      fuses.set(letter, fuse);
    }
    return fuse;
  };
  const entryCount = Math.max(indexed.length, 1);
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
      const stop = STOP_WORDS.has(word);
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
      const common = COMMON_WORDS.has(token.word);
      const known = Math.max(0, ...candidates.map((c) => weightOf(c.term)));
      // Everyday words weigh little whether or not the knowledge uses them ("near", "still").
      const weight = common ? Math.min(idfFloor, known || idfFloor) : candidates.length > 0 ? known : weightOf('');
      analysis.terms.push({ term: token.key, weight, candidates });
    });
    return analysis;
  }

  function match(question: string): MatchOutcome {
    const analysis = analyse(question);
    const totalWeight = analysis.terms.reduce((sum, t) => sum + t.weight, 0);
    if (totalWeight === 0) return { matches: [], analysis };
    const matches: EntryMatch[] = [];
    for (const item of indexed) {
      const scored = scoreEntry(item, analysis.terms, totalWeight);
      if (scored.coverage === 0) continue;
      const score = (1 - focusShare) * scored.coverage + focusShare * focus(item, analysis.terms, weightOf);
      matches.push({ entryId: item.entry.id, score, passageId: bestPassage(item, analysis.terms), matchedTerms: scored.matchedTerms });
    }
    matches.sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
    return { matches, analysis };
  }

  return { match, entry: (id) => byId.get(id) };
}

const strength = (candidates: QueryTerm['candidates'], fields: TermWeights): number => {
  let best = 0;
  for (const candidate of candidates) best = Math.max(best, candidate.similarity * (fields.get(candidate.term) ?? 0));
  return best;
};

/** The share of the question's weight the entry's best passage (with its identity) explains. */
function scoreEntry(item: IndexedEntry, queryTerms: QueryTerm[], totalWeight: number): { coverage: number; matchedTerms: string[] } {
  const fromIdentity = queryTerms.map((t) => strength(t.candidates, item.identity));
  let coverage = 0;
  let matchedTerms: string[] = [];
  for (const { fields } of item.passages) {
    let explained = 0;
    const matched: string[] = [];
    queryTerms.forEach((t, i) => {
      const best = Math.max(fromIdentity[i]!, strength(t.candidates, fields));
      if (best > 0) matched.push(t.term);
      explained += t.weight * best;
    });
    if (explained / totalWeight > coverage) {
      coverage = explained / totalWeight;
      matchedTerms = matched;
    }
  }
  return { coverage, matchedTerms };
}

/**
 * How closely the question mirrors the entry's title or one of its example questions: the
 * best share, by weight, of one phrasing's terms that the question contains (0–1).
 */
function focus(item: IndexedEntry, queryTerms: QueryTerm[], weightOf: (term: string) => number): number {
  const asked = new Map<string, number>();
  for (const { candidates } of queryTerms) {
    for (const c of candidates) asked.set(c.term, Math.max(asked.get(c.term) ?? 0, c.similarity));
  }
  let best = 0;
  for (const phrasing of item.phrasings) {
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
 * relief lasts); the summary on ties.
 */
function bestPassage(item: IndexedEntry, queryTerms: QueryTerm[]): string {
  const aspects = queryTerms.map(({ weight, candidates }) => {
    const naming = candidates.some((c) => c.similarity === 1 && item.naming.has(c.term)) ? 1 : 0;
    return { weight: weight * (1 - naming), candidates };
  });
  let bestId = item.passages[0]?.passage.id ?? item.entry.id;
  let bestScore = 0;
  for (const { passage, fields } of item.passages) {
    let score = 0;
    for (const { weight, candidates } of aspects) score += weight * strength(candidates, fields);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      bestId = passage.id;
    }
  }
  return bestId;
}
