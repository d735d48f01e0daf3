/**
 * The one matcher: the widget, the CLI and the studio all call it.
 *
 * A question becomes stemmed topic terms; the shared vocabulary adds the clinical words for
 * lay phrases ("radio wave" → radiofrequency ablation); fuse.js maps a misspelt term to the
 * closest terms the knowledge uses. Each entry is then scored by how much of the question
 * it explains: the share of the question's term weight (rarer terms weigh more) found in
 * the entry, each term counted at the weight of the best field it appears in. The score is
 * in [0, 1], higher is better, and the same scale at any knowledge size.
 */
import Fuse from 'fuse.js/basic';
import type { Entry, KnowledgeBundle, Passage } from '../knowledge/schema.js';
import { STOP_WORDS, editDistance, stem, terms, words } from './normalize.js';

/** How much a term found in each field of an entry counts, from 0 to 1 (higher: stronger evidence). */
export const FIELD_WEIGHTS = Object.freeze({
  title: 1,
  keywords: 1,
  questions: 0.9,
  heading: 0.7,
  text: 0.5,
});

/** How much a term counts in a passage when choosing which passage of an entry to show. */
export const PASSAGE_WEIGHTS = Object.freeze({ heading: 1, text: 0.6 });

/**
 * fuse.js score (0 = exact, 1 = anything) at or below which a misspelt term counts as the
 * knowledge term it resembles. Lower is stricter.
 */
export const TYPO_THRESHOLD = 0.34;

/**
 * Added to every term's rarity weight (inverse document frequency), so that one rare word
 * cannot outweigh the rest of a question. Higher flattens the weights.
 */
export const IDF_FLOOR = 1;

/** Terms shorter than this are never corrected for typos: too many short words look alike. */
export const TYPO_MIN_LENGTH = 4;

/**
 * Share of an entry's score (0–1) that comes from how closely the question mirrors its
 * title or one of its example questions; the rest is how much of the question it explains.
 * Higher favours entries named by the question over entries that merely mention its words.
 */
export const FOCUS_SHARE = 0.25;

export interface PassageMatch {
  id: string;
  score: number;
}

/** One entry's fit to a question. */
export interface EntryMatch {
  entryId: string;
  /** Share of the question explained by this entry, in [0, 1]; higher is better. */
  score: number;
  /** The passage that best answers the question: a section when the question asks about one, else the summary. */
  passageId: string;
  /** Question terms this entry matched (after stemming, typo correction and vocabulary). */
  matchedTerms: string[];
}

/** How a question was read, for the studio's "why" and for tests. */
export interface QueryAnalysis {
  terms: { term: string; weight: number; candidates: { term: string; similarity: number }[] }[];
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

type TermWeights = Map<string, number>;

interface IndexedEntry {
  entry: Entry;
  fields: TermWeights;
  /** Terms that name the entry itself (title, keywords): they say which entry, not which passage. */
  topic: TermWeights;
  /** The terms of the title and of each example question, for how closely a question mirrors one. */
  phrasings: string[][];
  passages: { passage: Passage; fields: TermWeights }[];
}

function addTerms(into: TermWeights, text: string, weight: number): void {
  for (const term of terms(text)) into.set(term, Math.max(into.get(term) ?? 0, weight));
}

function indexEntry(entry: Entry): IndexedEntry {
  const topic: TermWeights = new Map();
  addTerms(topic, entry.title, 1);
  for (const keyword of entry.keywords) addTerms(topic, keyword, 1);
  const fields: TermWeights = new Map();
  addTerms(fields, entry.title, FIELD_WEIGHTS.title);
  for (const keyword of entry.keywords) addTerms(fields, keyword, FIELD_WEIGHTS.keywords);
  for (const question of entry.questions) addTerms(fields, question, FIELD_WEIGHTS.questions);
  const passages = entry.passages.map((passage) => {
    const passageFields: TermWeights = new Map();
    addTerms(passageFields, passage.heading, PASSAGE_WEIGHTS.heading);
    addTerms(passageFields, passage.text, PASSAGE_WEIGHTS.text);
    addTerms(fields, passage.heading, FIELD_WEIGHTS.heading);
    addTerms(fields, passage.text, FIELD_WEIGHTS.text);
    return { passage, fields: passageFields };
  });
  const phrasings = [entry.title, ...entry.questions].map((text) => [...new Set(terms(text))]).filter((list) => list.length > 0);
  return { entry, fields, topic, phrasings, passages };
}

interface VocabularyPhrase {
  said: string[];
  means: string;
}

/**
 * Finds vocabulary phrases in the question's words. Each phrase found becomes one concept
 * (its words and the clinical words it means, any of which may match); the rest of the
 * words are returned as they are.
 */
function expand(questionWords: string[], phrases: VocabularyPhrase[]): { rest: string[]; concepts: { said: string[]; means: string }[] } {
  const used = new Array<boolean>(questionWords.length).fill(false);
  const concepts: { said: string[]; means: string }[] = [];
  for (const phrase of phrases) {
    const length = phrase.said.length;
    for (let start = 0; start + length <= questionWords.length; start++) {
      let found = true;
      for (let k = 0; k < length && found; k++) found = !used[start + k] && stem(questionWords[start + k]!) === phrase.said[k];
      if (!found) continue;
      for (let k = 0; k < length; k++) used[start + k] = true;
      concepts.push({ said: questionWords.slice(start, start + length), means: phrase.means });
    }
  }
  return { rest: questionWords.filter((_, i) => !used[i]), concepts };
}

/** Builds the matcher for a knowledge bundle. Cost grows with the bundle's size; build once. */
export function createMatcher(bundle: Pick<KnowledgeBundle, 'entries' | 'vocabulary'>): Matcher {
  const indexed = bundle.entries.map(indexEntry);
  const byId = new Map(bundle.entries.map((entry) => [entry.id, entry]));
  const documentFrequency = new Map<string, number>();
  for (const { fields } of indexed) {
    for (const term of fields.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const dictionary = [...documentFrequency.keys()];
  const fuse = new Fuse(dictionary, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true, minMatchCharLength: 2 });
  // Longest phrases first, so "spinal cord stimulator" wins over "stimulator".
  const phrases: VocabularyPhrase[] = bundle.vocabulary
    .flatMap((term) => term.says.map((said) => ({ said: words(said).map(stem), means: term.means })))
    .filter((phrase) => phrase.said.length > 0)
    .sort((a, b) => b.said.length - a.said.length);
  const entryCount = Math.max(indexed.length, 1);
  const weightOf = (term: string): number => IDF_FLOOR + Math.log(1 + entryCount / ((documentFrequency.get(term) ?? 0) + 0.5));

  function candidatesFor(term: string): { term: string; similarity: number }[] {
    if (documentFrequency.has(term)) return [{ term, similarity: 1 }];
    if (term.length < TYPO_MIN_LENGTH) return [];
    // fuse.js finds near spellings anywhere in a word ("capital" inside "occipital"); keep
    // only whole-word typos: same first letter, at most one edit per four letters.
    const allowed = Math.max(1, Math.floor(term.length / 4));
    return fuse
      .search(term, { limit: 5 })
      .filter((result) => result.item[0] === term[0] && Math.abs(result.item.length - term.length) <= allowed)
      .map((result) => ({ term: result.item, distance: editDistance(term, result.item, allowed) }))
      .filter((candidate) => candidate.distance <= allowed)
      .map((candidate) => ({ term: candidate.term, similarity: 1 - candidate.distance / Math.max(term.length, candidate.term.length) }))
      .slice(0, 3);
  }

  function match(question: string): MatchOutcome {
    const { rest, concepts } = expand(words(question), phrases);
    const analysis: QueryAnalysis = { expansions: concepts.map((c) => ({ said: c.said.join(' '), means: c.means })), terms: [] };
    const seen = new Set<string>();
    for (const term of rest.filter((word) => !STOP_WORDS.has(word)).map(stem)) {
      if (seen.has(term)) continue;
      seen.add(term);
      const candidates = candidatesFor(term);
      // A term the knowledge does not know weighs as much as the rarest term it does know,
      // so a question mostly about something else scores low.
      const weight = candidates.length > 0 ? Math.max(...candidates.map((c) => weightOf(c.term))) : weightOf(term);
      analysis.terms.push({ term, weight, candidates });
    }
    for (const concept of concepts) {
      // A lay phrase counts once, however many clinical words it stands for.
      const meant = [...new Set([...terms(concept.means), ...concept.said.filter((w) => !STOP_WORDS.has(w)).map(stem)])].filter((t) => documentFrequency.has(t));
      // Its rarest word is what it means most ("occipital", not "nerve" or "block").
      const top = Math.max(0, ...meant.map(weightOf));
      const candidates = meant.map((term) => ({ term, similarity: weightOf(term) / top }));
      const term = concept.said.join(' ');
      analysis.terms.push({ term, weight: candidates.length > 0 ? top : weightOf(term), candidates });
    }
    const totalWeight = analysis.terms.reduce((sum, t) => sum + t.weight, 0);
    if (totalWeight === 0) return { matches: [], analysis };

    const matches: EntryMatch[] = [];
    for (const item of indexed) {
      let explained = 0;
      const matchedTerms: string[] = [];
      for (const { term, weight, candidates } of analysis.terms) {
        let best = 0;
        for (const candidate of candidates) best = Math.max(best, candidate.similarity * (item.fields.get(candidate.term) ?? 0));
        if (best > 0) matchedTerms.push(term);
        explained += weight * best;
      }
      if (explained === 0) continue;
      const coverage = explained / totalWeight;
      const score = (1 - FOCUS_SHARE) * coverage + FOCUS_SHARE * focus(item, analysis, weightOf);
      matches.push({ entryId: item.entry.id, score, passageId: bestPassage(item, analysis), matchedTerms });
    }
    matches.sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
    return { matches, analysis };
  }

  return { match, entry: (id) => byId.get(id) };
}

/**
 * How closely the question mirrors the entry's title or one of its example questions: the
 * best share, by weight, of one phrasing's terms that the question contains (0–1).
 */
function focus(item: IndexedEntry, analysis: QueryAnalysis, weightOf: (term: string) => number): number {
  const asked = new Map<string, number>();
  for (const { candidates } of analysis.terms) {
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
function bestPassage(item: IndexedEntry, analysis: QueryAnalysis): string {
  const aspects = analysis.terms.map(({ weight, candidates }) => {
    let naming = 0;
    for (const candidate of candidates) naming = Math.max(naming, candidate.similarity * (item.topic.get(candidate.term) ?? 0));
    return { weight: weight * (1 - naming), candidates };
  });
  let bestId = item.passages[0]?.passage.id ?? item.entry.id;
  let bestScore = 0;
  for (const { passage, fields } of item.passages) {
    let score = 0;
    for (const { weight, candidates } of aspects) {
      let best = 0;
      for (const candidate of candidates) best = Math.max(best, candidate.similarity * (fields.get(candidate.term) ?? 0));
      score += weight * best;
    }
    if (score > bestScore + 1e-9) {
      bestScore = score;
      bestId = passage.id;
    }
  }
  return bestId;
}
