/**
 * Composes the reply to one question: triage first, always; then small talk and requests
 * only the clinic can handle; then the matcher; then a decision between `answer`, `clarify`
 * and `fallback`. Pure data out: the element, the CLI
 * and the studio each show it in their own way.
 */
import type { Entry, KnowledgeBundle, Passage, Source, UrgentGroup, UrgentLevel } from '../knowledge/schema.js';
import { type EntryMatch, type Matcher, type MatcherOptions, type QueryAnalysis, createMatcher, knowledgeWords, usableIndex } from './match.js';
import { MAX_QUESTION_CHARS, words } from './normalize.js';
import type { ClinicRequest } from './clinic-request.js';
import { DEFAULT_URGENT_NUMBERS, type UrgentNumbers } from './urgent-numbers.js';
import { type Triage, type UrgentFinding, createTriage } from './triage.js';
import { clinicRequests } from './typo-search.js';

/** The best entry must score at least this (0–1, higher is stricter) to be given as the answer. */
export const ANSWER_MIN_SCORE = 0.6;
/** …and lead the runner-up by at least this much (0–1); otherwise the visitor is asked to choose. */
export const ANSWER_MIN_LEAD = 0.05;
/**
 * …and lead the third-best by at least this much (0–1): when three or more entries crowd
 * the top ("injection"), the question is too broad to answer with one of them.
 */
export const ANSWER_MIN_LEAD_OVER_THIRD = 0.1;
/** Entries below this score (0–1) are never offered, not even as "Did you mean". */
export const CLARIFY_MIN_SCORE = 0.4;
/** "Did you mean" offers entries within this distance of the best one (0–1). */
export const CLARIFY_WINDOW = 0.2;
/** At most this many "Did you mean" choices. */
export const CLARIFY_MAX_CHOICES = 3;
/** At most this many related questions under an answer. */
export const RELATED_MAX = 2;

export type ReplyStatus = 'answer' | 'clarify' | 'fallback' | 'urgent';

export interface ReplyMatch {
  id: string;
  score: number;
}

export interface UrgentAdvice {
  level: UrgentLevel;
  ruleId: string;
  /** Advice with the numbers filled in. */
  text: string;
}

interface ReplyBase {
  /** Entries considered, best first, scores in [0, 1]. Empty for urgent replies. */
  matches: ReplyMatch[];
}

export interface AnswerReply extends ReplyBase {
  status: 'answer';
  entryId: string;
  title: string;
  passage: Passage;
  sources: Source[];
  reviewed: string;
  /** Up to {@link RELATED_MAX} questions from the entry's `related` entries. */
  related: { id: string; question: string }[];
}

export interface ClarifyReply extends ReplyBase {
  status: 'clarify';
  /** Each entry offered, with the passage of it that best answers the question (shown when it is chosen). */
  choices: { id: string; title: string; passageId: string }[];
}

export interface FallbackReply extends ReplyBase {
  status: 'fallback';
  /** Set when the visitor only greeted, thanked or said goodbye: they get a friendly word, not "I don't know". */
  smallTalk?: SmallTalk;
  /** `needs-clinic`: a request only the clinic's staff can handle (a refill, results, a bill…); the visitor gets the phone and the patient portal. */
  reason?: 'needs-clinic';
  /** Which request, with `reason: 'needs-clinic'`. */
  request?: ClinicRequest;
}

export type SmallTalk = 'greeting' | 'thanks' | 'goodbye';

const GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'howdy', 'yo', 'morning', 'afternoon', 'evening', 'hola', 'buenos', 'buenas', 'dias', 'tardes', 'noches']);
const THANKS = new Set(['thanks', 'thank', 'thx', 'ty', 'thankyou', 'appreciate', 'appreciated', 'gracias', 'cheers', 'great', 'perfect', 'awesome', 'cool', 'helpful', 'ok', 'okay', 'k', 'got', 'it']);
const GOODBYES = new Set(['bye', 'goodbye', 'later', 'cya', 'adios', 'night', 'take', 'care']);
// Words that may stand beside a greeting or thanks without making it a question.
const SMALL_TALK_FILLER = new Set(['good', 'there', 'you', 'so', 'much', 'very', 'a', 'lot', 'for', 'the', 'info', 'information', 'help', 'again', 'all', 'everyone', 'that', 'this', 'is', 'was', 'really', 'and', 'muchas', 'see', 'ya']);

/** Whether the question is only a greeting, thanks or goodbye ("hi there", "thanks so much!"). */
export function smallTalkOf(question: string): SmallTalk | undefined {
  const list = words(question);
  if (list.length === 0 || list.length > 8) return undefined;
  if (!list.every((w) => GREETINGS.has(w) || THANKS.has(w) || GOODBYES.has(w) || SMALL_TALK_FILLER.has(w))) return undefined;
  if (list.some((w) => GOODBYES.has(w))) return 'goodbye';
  if (list.some((w) => THANKS.has(w))) return 'thanks';
  if (list.some((w) => GREETINGS.has(w))) return 'greeting';
  return undefined;
}

export interface UrgentReply extends ReplyBase {
  status: 'urgent';
  /**
   * The one instruction the visitor gets: the advice of the most urgent level that fired
   * (see `URGENT_LEVEL_ORDER` in triage.ts). Less urgent levels that also fired stay silent, so a
   * reply never says "call 911 now" and "call the clinic today" at once.
   */
  advice: UrgentAdvice;
}

/** The urgent-care check alone, bound to one set of rules: the urgent reply to a question, or `null`. */
export type UrgentCheck = (question: string, options?: ReplyOptions) => UrgentReply | null;

/**
 * Compiles `groups` (a knowledge file's urgent rules, or the ones built into the chat) into
 * an {@link UrgentCheck}. `realWords` are correctly spelt words, never read as typos.
 */
export function createUrgentCheck(groups: readonly UrgentGroup[], realWords: Iterable<string> = []): { check: UrgentCheck; triage: Triage } {
  const triage = createTriage(groups, realWords);
  const check: UrgentCheck = (question, options = {}) => {
    const text = String(question).slice(0, MAX_QUESTION_CHARS);
    const [finding] = triage(text, options.locale);
    if (!finding) return null;
    const numbers = { ...DEFAULT_URGENT_NUMBERS, ...options.numbers };
    return { status: 'urgent', matches: [], advice: { level: finding.level, ruleId: finding.ruleId, text: fillNumbers(finding.advice, numbers) } };
  };
  return { check, triage };
}

export type Reply = AnswerReply | ClarifyReply | FallbackReply | UrgentReply;

export interface ReplyOptions {
  locale?: string;
  numbers?: Partial<UrgentNumbers>;
}

/** Everything needed to answer questions from one bundle, built once. */
export interface Responder {
  reply(question: string, options?: ReplyOptions): Reply;
  /** The urgent-care check alone: the urgent reply, or `null` when no rule fires (`reply` runs it first too). */
  urgentReply(question: string, options?: ReplyOptions): UrgentReply | null;
  /** The reply to a "Did you mean" or related-question button: that entry's summary (or the passage asked for). */
  replyWithEntry(id: string, passageId?: string): Reply;
  /** For the studio and the CLI's explanations. */
  explain(question: string, locale?: string): { urgent: UrgentFinding[]; matches: EntryMatch[]; analysis: QueryAnalysis };
  readonly matcher: Matcher;
}

const round = (score: number): number => Math.round(score * 1000) / 1000;

function fillNumbers(text: string, numbers: UrgentNumbers): string {
  return text.replace(/\{(emergency|crisis|poison)\}/g, (_, name: keyof UrgentNumbers) => numbers[name]);
}

function answerWith(entry: Entry, passageId: string, matches: ReplyMatch[], byId: Map<string, Entry>): AnswerReply {
  const passage = entry.passages.find((p) => p.id === passageId) ?? entry.passages[0]!;
  const related = entry.related
    .map((id) => byId.get(id))
    .filter((other): other is Entry => other !== undefined && other.questions.length > 0)
    .slice(0, RELATED_MAX)
    .map((other) => ({ id: other.id, question: other.questions[0]! }));
  return {
    status: 'answer',
    entryId: entry.id,
    title: entry.title,
    passage,
    sources: entry.sources,
    reviewed: entry.reviewed,
    related,
    matches,
  };
}

/** The decision thresholds; the defaults are the tuned constants above. */
export interface Thresholds {
  answerMinScore: number;
  answerMinLead: number;
  clarifyMinScore: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  answerMinScore: ANSWER_MIN_SCORE,
  answerMinLead: ANSWER_MIN_LEAD,
  clarifyMinScore: CLARIFY_MIN_SCORE,
});

/** Builds a {@link Responder} for a validated bundle. `tuning` is for the eval's threshold search. */
export function createResponder(bundle: KnowledgeBundle, tuning: { thresholds?: Partial<Thresholds>; matcher?: MatcherOptions } = {}): Responder {
  const { answerMinScore, answerMinLead, clarifyMinScore } = { ...DEFAULT_THRESHOLDS, ...tuning.thresholds };
  const matcher = createMatcher(bundle, tuning.matcher);
  const { check: urgentReply, triage } = createUrgentCheck(bundle.urgent, usableIndex(bundle)?.words ?? knowledgeWords(bundle));
  const byId = new Map(bundle.entries.map((entry) => [entry.id, entry]));

  function reply(question: string, options: ReplyOptions = {}): Reply {
    const text = String(question).slice(0, MAX_QUESTION_CHARS);
    const urgent = urgentReply(text, options);
    if (urgent) return urgent;
    const smallTalk = smallTalkOf(text);
    if (smallTalk) return { status: 'fallback', smallTalk, matches: [] };
    const request = clinicRequests()?.(text);
    if (request) return { status: 'fallback', reason: 'needs-clinic', request, matches: [] };
    const { matches } = matcher.match(text);
    const scored = matches.map((m) => ({ id: m.entryId, score: round(m.score) }));
    const [best, runnerUp, third] = matches;
    if (!best || best.score < clarifyMinScore) return { status: 'fallback', matches: scored };
    const leads = best.score - (runnerUp?.score ?? 0) >= answerMinLead && best.score - (third?.score ?? 0) >= ANSWER_MIN_LEAD_OVER_THIRD;
    if (best.score >= answerMinScore && leads) {
      return answerWith(byId.get(best.entryId)!, best.passageId, scored, byId);
    }
    const choices = matches
      .filter((m) => m.score >= clarifyMinScore && best.score - m.score <= CLARIFY_WINDOW)
      .slice(0, CLARIFY_MAX_CHOICES)
      .map((m) => ({ id: m.entryId, title: byId.get(m.entryId)!.title, passageId: m.passageId }));
    return { status: 'clarify', choices, matches: scored };
  }

  function replyWithEntry(id: string, passageId?: string): Reply {
    const entry = byId.get(id);
    if (!entry) return { status: 'fallback', matches: [] };
    const passage = entry.passages.find((p) => p.id === passageId) ?? entry.passages[0]!;
    return answerWith(entry, passage.id, [{ id, score: 1 }], byId);
  }

  function explain(question: string, locale?: string) {
    const text = String(question).slice(0, MAX_QUESTION_CHARS);
    return { urgent: triage(text, locale), ...matcher.match(text) };
  }

  return { reply, urgentReply, replyWithEntry, explain, matcher };
}
