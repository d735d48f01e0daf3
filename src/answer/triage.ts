/**
 * The urgent-care check. It runs before matching, on every question, with the rules an
 * editor keeps in `knowledge/urgent.yaml`.
 *
 * Work is linear in the question: each word is compared with each distinct rule word at
 * most once (words are capped in length; the answers are kept for the phrases that share
 * them), with no regular expressions built from rule text, so no input can make it backtrack.
 */
import type { UrgentGroup, UrgentLevel, UrgentRule } from '../knowledge/schema.js';
import { COMMON_WORDS, MAX_QUESTION_CHARS, foldText, isNearMiss, stem } from './normalize.js';

/** What the check found: the first rule that fired for each level, most urgent first. */
export interface UrgentFinding {
  level: UrgentLevel;
  ruleId: string;
  ruleName: string;
  /** The group's advice for the locale asked for (English when it has none), numbers not yet filled in. */
  advice: string;
}

/** Which level wins when rules of several levels fire: lower index first. */
export const URGENT_LEVEL_ORDER: readonly UrgentLevel[] = Object.freeze(['emergency', 'crisis', 'poison', 'doctor-today']);

// Dropped from both the question and the rule phrases, so "can't hold my bladder" matches
// the phrase "cant hold bladder".
const FILLER_WORDS = new Set(['a', 'an', 'the', 'my', 'your', 'his', 'her', 'their', 'our', 'its']);
// Real words one letter away from a symptom word; never read as its typo ("fewer" is not "fever").
const NOT_TYPOS = [
  'fewer', 'ladder', 'latter', 'lever', 'hover', 'cover', 'never', 'river', 'fiver', 'chess', 'breadth', 'blade', 'paste', 'toast',
  'slight', 'slightly', 'inch', 'inches', 'beep', 'beeps', 'beeped', 'beeping', 'forearm', 'forearms', 'fail', 'fails', 'failed', 'failing', 'stuck', 'horse', 'hikes', 'cooking', 'grasping', 'gaping', 'weeping', 'locked', 'looked', 'choosing', 'gasket', 'injected', 'injection', 'injections',
];
/** Words a phrase may skip between two of its words ("breathing really slow" matches "breathing slow"). */
const PHRASE_GAP = 1;
// Words that negate the symptom right after them ("no fever", "don't have a fever", "sin
// fiebre", "no me duele la cabeza").
// ("don't" is read as "do not", see EXPANSIONS, so "not" stands for every contraction.)
const NEGATORS = new Set(['no', 'not', 'without', 'never', 'denies', 'deny', 'nor', 'neither', 'sin', 'ni', 'nunca']);
// Words that may stand between a negator and the symptom it negates.
const NEGATION_GAP = new Set([
  'have', 'has', 'had', 'got', 'get', 'any', 'signs', 'sign', 'of', 'high', 'real',
  'tengo', 'tiene', 'tenia', 'tuve', 'tuvo', 'he', 'ha', 'hay', 'me', 'le', 'se', 'duele', 'dolia', 'el', 'la', 'los', 'las', 'esta', 'estan', 'es', 'nada',
  // "no neck stiffness", "no leg weakness", "sin dolor de cabeza"
  'neck', 'back', 'leg', 'legs', 'arm', 'arms', 'chest', 'head', 'cuello', 'espalda', 'pierna', 'piernas', 'cabeza', 'dolor', 'de',
]);
// Words that join a negated list ("no redness, swelling or fever" negates all three).
const LIST_JOINERS = new Set(['or', 'nor', 'o', 'ni']);
// Captured, so a rule that looks back (see `looksBack`) knows which clauses go on the same sentence.
// A contraction and its two words read alike: "I do not want to live" is "I don't want to
// live", "he is not breathing" matches "not breathing", in the question and in the rules alike.
// Each contraction is read as its two words.
const EXPANSIONS = new Map(
  Object.entries({
    dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not', cannot: 'can not', wont: 'will not', wouldnt: 'would not',
    couldnt: 'could not', shouldnt: 'should not', isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not',
    havent: 'have not', hasnt: 'has not', hadnt: 'had not', im: 'i am', wanna: 'want to', gonna: 'going to',
  }).map(([short, long]) => [short, long.split(' ')]),
);

/** `words` with each contraction as its two words. */
function expand(words: string[]): string[] {
  return words.flatMap((word) => EXPANSIONS.get(word) ?? [word]);
}

const CLAUSE_BREAK = /([.!?;:,\n]+|\bbut\b|\bhowever\b|\balthough\b)/giu;
const SENTENCE_END = /[.!?\n]/u;

interface Token {
  word: string;
  stem: string;
  clause: number;
}

interface PatternWord {
  text: string;
  stem: string;
  prefix: boolean;
  /** Its number among the words of one set of rules (see {@link Scan}). */
  id: number;
}

type Phrase = PatternWord[];

interface CompiledRule {
  rule: UrgentRule;
  group: UrgentGroup;
  any: Phrase[];
  all: Phrase[][];
  unless: Phrase[];
}

/** Splits a rule phrase into pattern words, dropping filler words as the question does; a lone `*` is any one word. */
export function compilePhrase(phrase: string, seen: Map<string, PatternWord> = new Map()): Phrase {
  const pattern: Phrase = [];
  // Contractions as the question reads them ("don't" is "do not"); a word with * stays as it is.
  const joined = phrase.split(/\s+/).flatMap((raw) => (raw.endsWith('*') ? [raw] : expand([foldText(raw).replace(/ /g, '')])));
  for (const raw of joined) {
    // Rules repeat their words (shared lists): each is read once per set of rules.
    let word = seen.get(raw);
    if (!word) {
      const prefix = raw.endsWith('*');
      const text = foldText(prefix ? raw.slice(0, -1) : raw).replace(/ /g, '');
      word = { text, stem: prefix ? text : stem(text), prefix, id: seen.size };
      seen.set(raw, word);
    }
    // A lone "*" stands for any one word ("can * cause").
    if ((word.text !== '' || word.prefix) && !FILLER_WORDS.has(word.text)) pattern.push(word);
  }
  return pattern;
}

/**
 * The question's words, each with the number of its clause, and which clauses go on the
 * sentence of the clause before them (after a comma or "but", not after a full stop).
 */
function tokenize(question: string): { tokens: Token[]; continues: boolean[] } {
  const tokens: Token[] = [];
  const continues: boolean[] = [];
  // "100.9" is one number, not the end of a sentence.
  const parts = String(question).slice(0, MAX_QUESTION_CHARS).replace(/(\d)[.,](\d)/g, '$1$2').split(CLAUSE_BREAK);
  // `parts` alternates clause, break, clause, break, … A clause without words (", but")
  // is skipped, and a full stop before it still ends the sentence.
  let ended = false;
  for (let k = 0; k < parts.length; k += 2) {
    if (k > 0) ended ||= SENTENCE_END.test(parts[k - 1]!);
    const words = expand(foldText(parts[k]!).split(' ')).filter((word) => word !== '' && !FILLER_WORDS.has(word) && word.length <= 40);
    if (words.length === 0) continue;
    const index = continues.length;
    continues.push(index > 0 && !ended);
    ended = false;
    for (const word of words) tokens.push({ word, stem: stem(word), clause: index });
  }
  return { tokens, continues };
}

/**
 * One question being checked: its words, and which rule word matches which of them,
 * worked out once each (rules share many words), so the check costs about one comparison
 * per question word and distinct rule word, however many phrases repeat them.
 */
interface Scan {
  tokens: Token[];
  /** By clause: it goes on the sentence of the clause before it. */
  continues: boolean[];
  /** For each token: it is a correctly spelt word (see {@link createTriage}), so never a typo. */
  real: boolean[];
  /** By `pattern.id * tokens.length + token`: 0 not yet known, 1 no, 2 yes. */
  known: Uint8Array;
  /** Steps taken (word comparisons and words looked back at), for {@link TriageMeter}. */
  work: number;
}

/**
 * Counts the urgent check's work: the word comparisons and look-backs of every question it
 * checks, added to `work`. Tests use it to show the check grows linearly with the question,
 * counted by steps rather than by time.
 */
export interface TriageMeter {
  work: number;
}

function wordMatches(scan: Scan, at: number, pattern: PatternWord): boolean {
  scan.work++;
  const slot = pattern.id * scan.tokens.length + at;
  let answer = scan.known[slot]!;
  if (answer === 0) scan.known[slot] = answer = wordMatchesUncached(scan.tokens[at]!, scan.real[at]!, pattern) ? 2 : 1;
  return answer === 2;
}

function wordMatchesUncached(token: Token, real: boolean, pattern: PatternWord): boolean {
  const word = token.word;
  const text = pattern.text;
  if (word === text || (pattern.prefix && word.startsWith(text))) return true;
  if (!pattern.prefix) {
    // Another form of a base word: "wants" for "want", "killing" for "kill". Only from the
    // base form outward: the rule "hurting myself" must not match "I hurt myself at work".
    if (token.stem === pattern.stem && isBaseForm(pattern)) return true;
    // Short plurals the stemmer leaves alone ("guns", "lips").
    if (word.length === text.length + 1 && word.endsWith('s') && word.startsWith(text)) return true;
  }
  if (real) return false;
  if (!pattern.prefix) return isNearMiss(word, text);
  // A typo may add or drop a letter before the prefix ends ("sucidal" for "suicid*").
  const length = text.length;
  for (let cut = length - 1; cut <= length + 1; cut++) {
    if (cut <= word.length && isNearMiss(word.slice(0, cut), text)) return true;
  }
  return false;
}

/** A pattern word in its base form: its stem is the word itself, or the word less a final "e" ("headache"). */
function isBaseForm(pattern: PatternWord): boolean {
  return pattern.stem === pattern.text || pattern.stem + 'e' === pattern.text;
}

function isNegated(scan: Scan, start: number): boolean {
  const { tokens } = scan;
  const clause = tokens[start]!.clause;
  for (let i = start - 1, gap = 0; i >= 0 && gap <= 4 && tokens[i]!.clause === clause; i--) {
    scan.work++;
    const word = tokens[i]!.word;
    if (NEGATORS.has(word)) return true;
    if (LIST_JOINERS.has(word) && i > 0) {
      // "no redness or fever": the word before "or" is another item of the negated list.
      i--;
      gap += 2;
      continue;
    }
    if (!NEGATION_GAP.has(word)) return false;
    gap++;
  }
  return false;
}

/**
 * Whether `phrase` occurs (not negated, when the rule is negatable) in a clause that is not
 * `silenced`; or, given `into`, adds every clause it occurs in to it (and returns false).
 * Its words must come in order within one clause, with at most {@link PHRASE_GAP} other
 * words between two of them.
 */
function findPhrase(scan: Scan, phrase: Phrase, negatable: boolean, silenced: ReadonlySet<number> | null, into?: Set<number>): boolean {
  const { tokens } = scan;
  if (phrase.length === 0) return false;
  for (let start = 0; start < tokens.length; start++) {
    if (!wordMatches(scan, start, phrase[0]!)) continue;
    const clause = tokens[start]!.clause;
    let at = start;
    let matched = true;
    for (let k = 1; k < phrase.length && matched; k++) {
      matched = false;
      for (let next = at + 1; next <= at + 1 + PHRASE_GAP && next < tokens.length; next++) {
        if (tokens[next]!.clause !== clause) break;
        if (wordMatches(scan, next, phrase[k]!)) {
          at = next;
          matched = true;
          break;
        }
      }
    }
    if (!matched || (negatable && isNegated(scan, start))) continue;
    if (into) into.add(clause);
    else if (!silenced?.has(clause)) return true;
  }
  return false;
}

/**
 * Whether the rule fires. An `unless` phrase silences only the clause it is in, so "I had my
 * pump put in a month ago. I just fell off a ladder" still fires; for a rule that looks back,
 * also the clause just before it in the same sentence ("my legs felt weak after the shot,
 * but it wore off").
 */
function ruleFires(scan: Scan, compiled: CompiledRule): boolean {
  const { negatable, looksBack } = compiled.rule;
  let silenced: Set<number> | null = null;
  if (compiled.unless.length > 0) {
    silenced = new Set<number>();
    for (const phrase of compiled.unless) findPhrase(scan, phrase, false, null, silenced);
    if (looksBack) for (const clause of [...silenced]) if (scan.continues[clause]) silenced.add(clause - 1);
  }
  for (const phrase of compiled.any) if (findPhrase(scan, phrase, negatable, silenced)) return true;
  if (compiled.all.length === 0) return false;
  for (const group of compiled.all) {
    let found = false;
    for (const phrase of group) if ((found = findPhrase(scan, phrase, negatable, silenced))) break;
    if (!found) return false;
  }
  return true;
}

/** A triage function bound to one set of rule groups; compile once, call per question. */
export type Triage = (question: string, locale?: string) => UrgentFinding[];

/**
 * Compiles the rule groups of a knowledge bundle into a {@link Triage} function.
 * `realWords` are correctly spelt words (the knowledge's own text): a question word among
 * them is taken as meant, never as a typo of a rule word.
 */
export function createTriage(groups: readonly UrgentGroup[], realWords: Iterable<string> = [], meter?: TriageMeter): Triage {
  const known = new Set<string>([...NOT_TYPOS, ...COMMON_WORDS]);
  for (const word of realWords) known.add(word);
  const seen = new Map<string, PatternWord>();
  // Shared lists repeat whole phrases across rules: each distinct phrase is compiled once.
  const phrases = new Map<string, Phrase>();
  const compile = (phrase: string) => {
    let compiled = phrases.get(phrase);
    if (!compiled) phrases.set(phrase, (compiled = compilePhrase(phrase, seen)));
    return compiled;
  };
  const compiled: CompiledRule[] = groups.flatMap((group) =>
    group.rules.map((rule) => ({
      rule,
      group,
      any: rule.any.map(compile),
      all: rule.all.map((alternatives) => alternatives.map(compile)),
      unless: rule.unless.map(compile),
    })),
  );
  return (question, locale = 'en') => {
    const { tokens, continues } = tokenize(question);
    const scan: Scan = { tokens, continues, real: tokens.map((token) => known.has(token.word)), known: new Uint8Array(seen.size * tokens.length), work: tokens.length };
    const findings = new Map<UrgentLevel, UrgentFinding>();
    for (const entry of compiled) {
      // Once a level has fired, its other rules are skipped; a meter counts them all, so the
      // work it measures is the worst case, whatever fires first.
      const decided = findings.has(entry.group.level);
      if (decided && !meter) continue;
      if (!ruleFires(scan, entry) || decided) continue;
      findings.set(entry.group.level, {
        level: entry.group.level,
        ruleId: entry.rule.id,
        ruleName: entry.rule.name,
        advice: entry.group.advice[locale] ?? entry.group.advice.en ?? '',
      });
    }
    if (meter) meter.work += scan.work;
    return URGENT_LEVEL_ORDER.flatMap((level) => {
      const finding = findings.get(level);
      return finding ? [finding] : [];
    });
  };
}
