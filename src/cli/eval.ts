/**
 * `npm run eval -- [--questions FILE] [--floors FILE] [--knowledge FILE] [--locale en|es] [--half tune|held] [--misses]`
 *
 * Runs a question set (JSON lines: `{"q", "kind": "topic"|"out-of-scope"|"urgent"|"scary",
 * "expect": id|null, "half": "tune"|"held"}`, optionally with `"level"`, the urgent level an
 * urgent question must get, and `"locale"`, the language of that line when a set mixes
 * languages) through the same core the widget uses and prints, per half: top-1, top-3,
 * confidently wrong, out-of-scope sent to fallback, urgent recall and false urgent. Exits 1
 * when a figure is below its floor (or above its ceiling) in the floors file.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { join } from 'node:path';
import { type Reply, type Responder, createResponder } from '../answer/reply.js';
import { parseBundleText } from '../knowledge/load.js';
import { type KnowledgeBundle, URGENT_LEVELS, type UrgentLevel } from '../knowledge/schema.js';
import { DEFAULT_KNOWLEDGE_DIR, compileKnowledgeDir, formatProblem } from './files.js';

export interface EvalQuestion {
  q: string;
  kind: 'topic' | 'out-of-scope' | 'urgent' | 'scary' | 'needs-clinic';
  expect: string | null;
  half: 'tune' | 'held';
  /** For an urgent question: the level it must get ("emergency" when "doctor-today" would send someone to wait for a call back). */
  level?: UrgentLevel;
  /** The question's language when it differs from the run's `--locale`. */
  locale?: 'en' | 'es';
  /** The passages of the expected entry that answer it (`entry-id` for the summary, `entry-id#section`). */
  passages?: string[];
}

export interface EvalFigures {
  questions: number;
  /** Topic and scary questions whose best-ranked entry is the expected one. */
  top1: number;
  /** …whose expected entry is among the first three. */
  top3: number;
  /** Non-urgent questions answered (status `answer`) with a wrong entry, or answered at all when out of scope (scary questions without an expected entry may get any answer). */
  confidentlyWrong: number;
  /** Out-of-scope questions that got `fallback`. */
  outOfScopeToFallback: number;
  /** Topic and scary questions answered (status `answer`) with the expected entry. */
  answeredRight: number;
  /** Topic questions that got `fallback`: the visitor was told "I don't know" about a topic we cover. */
  topicToFallback: number;
  /** Urgent questions that got `urgent` (at their `level`, when they name one). */
  urgentRecall: number;
  /** Non-urgent questions that got `urgent`. */
  falseUrgent: number;
  /** Topic questions answered (status `answer`) with any entry: the visitor got an answer, not a choice. */
  topicAnswered: number;
  /** Requests only staff can handle (`needs-clinic`) that got the "the clinic handles this" reply. */
  needsClinicRouted: number;
  /** Of the questions with labelled `passages` that got the right entry (answered, or chosen from "Did you mean"), those shown a passage that answers them. */
  rightPassage: number;
}

/** Floors (`min`) and ceilings (`max`) per figure; a run outside them fails. */
export type Floors = Partial<Record<keyof Omit<EvalFigures, 'questions'>, { min?: number; max?: number }>>;

interface Outcome {
  question: EvalQuestion;
  reply: Reply;
  ok: boolean;
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const topId = (reply: Reply) => (reply.status === 'answer' ? reply.entryId : reply.matches[0]?.id);

/**
 * Scores one half of the question set. `bundle` answers the questions without a `locale`;
 * `others` the ones in another language.
 */
export function evaluate(
  bundle: KnowledgeBundle,
  questions: EvalQuestion[],
  tuning?: Parameters<typeof createResponder>[1],
  others: Readonly<Record<string, KnowledgeBundle>> = {},
): { figures: EvalFigures; outcomes: Outcome[] } {
  const responders = new Map<string | undefined, Responder>();
  const responderFor = (locale: string | undefined): Responder => {
    const key = locale === bundle.locale ? undefined : locale;
    let responder = responders.get(key);
    if (!responder) {
      const chosen = key === undefined ? bundle : others[key];
      if (!chosen) throw new Error(`no knowledge for locale ${JSON.stringify(key)}`);
      responders.set(key, (responder = createResponder(chosen, tuning)));
    }
    return responder;
  };
  const outcomes: Outcome[] = [];
  let ranked = 0;
  let answeredRight = 0;
  let topics = 0;
  let topicFallback = 0;
  let top1 = 0;
  let top3 = 0;
  let answerable = 0;
  let wrong = 0;
  let outOfScope = 0;
  let toFallback = 0;
  let urgent = 0;
  let caught = 0;
  let ordinary = 0;
  let falseUrgent = 0;
  let topicAnswered = 0;
  let requests = 0;
  let routed = 0;
  let labelled = 0;
  let passageRight = 0;
  for (const question of questions) {
    const reply = responderFor(question.locale).reply(question.q);
    let ok = true;
    if (question.kind === 'urgent') {
      urgent++;
      ok = reply.status === 'urgent' && (question.level === undefined || reply.advice.level === question.level);
      if (ok) caught++;
    } else {
      ordinary++;
      answerable++;
      if (reply.status === 'urgent') {
        falseUrgent++;
        ok = false;
      }
      // A scary question with no expected entry may be answered by any entry; only a false alarm is wrong.
      const anyAnswerWillDo = question.kind === 'scary' && question.expect === null;
      if (reply.status === 'answer' && reply.entryId !== question.expect && !anyAnswerWillDo) {
        wrong++;
        ok = false;
      }
      if (question.kind === 'needs-clinic') {
        requests++;
        if (reply.status === 'fallback' && reply.reason === 'needs-clinic') routed++;
        else ok = false;
      } else if (question.kind === 'out-of-scope') {
        outOfScope++;
        if (reply.status === 'fallback') toFallback++;
        else ok = false;
      } else if (question.expect !== null) {
        ranked++;
        const ids = reply.status === 'answer' ? [reply.entryId, ...reply.matches.map((m) => m.id).filter((id) => id !== reply.entryId)] : reply.matches.map((m) => m.id);
        if (topId(reply) === question.expect) top1++;
        else ok = false;
        if (reply.status === 'answer' && reply.entryId === question.expect) answeredRight++;
        if (question.kind === 'topic') {
          topics++;
          if (reply.status === 'fallback') topicFallback++;
          if (reply.status === 'answer') topicAnswered++;
        }
        if (ids.slice(0, 3).includes(question.expect)) top3++;
        // The passage the visitor sees: the answer's, or the one a "Did you mean" choice opens at.
        const shown = reply.status === 'answer' ? reply.passage.id : reply.status === 'clarify' ? reply.choices.find((c) => c.id === question.expect)?.passageId : undefined;
        if (question.passages?.length && topId(reply) === question.expect && shown !== undefined) {
          labelled++;
          if (question.passages.includes(shown)) passageRight++;
          else ok = false;
        }
      }
    }
    outcomes.push({ question, reply, ok });
  }
  return {
    figures: {
      questions: questions.length,
      top1: share(top1, ranked),
      top3: share(top3, ranked),
      confidentlyWrong: share(wrong, answerable),
      outOfScopeToFallback: share(toFallback, outOfScope),
      answeredRight: share(answeredRight, ranked),
      topicToFallback: topics === 0 ? 0 : topicFallback / topics,
      urgentRecall: share(caught, urgent),
      falseUrgent: share(falseUrgent, ordinary),
      topicAnswered: topics === 0 ? 0 : topicAnswered / topics,
      needsClinicRouted: share(routed, requests),
      rightPassage: share(passageRight, labelled),
    },
    outcomes,
  };
}

/**
 * The baseline the matcher's ranking must beat: MiniSearch (BM25, fuzzy 0.2, prefix) over
 * the same fields of each entry, boosting the title 3×, the example questions and keywords
 * 2×. Returns top-1 and top-3 over the questions that name an expected entry.
 */
export function miniSearchBaseline(bundle: KnowledgeBundle, questions: EvalQuestion[]): { top1: number; top3: number } {
  const search = new MiniSearch({ fields: ['title', 'questions', 'keywords', 'text'], idField: 'id' });
  search.addAll(
    bundle.entries.map((entry) => ({
      id: entry.id,
      title: entry.title,
      questions: entry.questions.join('\n'),
      keywords: entry.keywords.join('\n'),
      text: entry.passages.map((passage) => `${passage.heading}\n${passage.text}`).join('\n'),
    })),
  );
  const ranked = questions.filter((q) => q.expect !== null && (q.kind === 'topic' || q.kind === 'scary'));
  let top1 = 0;
  let top3 = 0;
  for (const question of ranked) {
    const ids = search.search(question.q, { fuzzy: 0.2, prefix: true, combineWith: 'OR', boost: { title: 3, questions: 2, keywords: 2 } }).map((hit) => String(hit.id));
    if (ids[0] === question.expect) top1++;
    if (ids.slice(0, 3).includes(question.expect!)) top3++;
  }
  return { top1: share(top1, ranked.length), top3: share(top3, ranked.length) };
}

/** Names of the figures that are outside their floors or ceilings. */
export function belowFloors(figures: EvalFigures, floors: Floors): string[] {
  return Object.entries(floors).flatMap(([name, limit]) => {
    const value = figures[name as keyof EvalFigures];
    if (limit?.min !== undefined && value < limit.min) return [`${name} ${(value * 100).toFixed(1)}% is below its floor ${(limit.min * 100).toFixed(1)}%`];
    if (limit?.max !== undefined && value > limit.max) return [`${name} ${(value * 100).toFixed(1)}% is above its ceiling ${(limit.max * 100).toFixed(1)}%`];
    return [];
  });
}

/** The questions of a JSON-lines file, or of every `.jsonl` file in a folder (in name order). */
export function readQuestions(path: string): EvalQuestion[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .flatMap((name) => readQuestions(join(path, name)));
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      let value: EvalQuestion;
      try {
        value = JSON.parse(line) as EvalQuestion;
      } catch {
        throw new Error(`${path}:${number}: not a JSON object; each line must be {"q", "kind", "expect", "half"}`);
      }
      if (typeof value.q !== 'string' || !['topic', 'out-of-scope', 'urgent', 'scary', 'needs-clinic'].includes(value.kind) || !['tune', 'held'].includes(value.half)) {
        throw new Error(`${path}:${number}: needs "q" (text), "kind" (topic, out-of-scope, urgent, scary or needs-clinic) and "half" (tune or held)`);
      }
      // `"level": null` is the same as no level (how a set writes "not urgent" lines).
      const level = (value as { level?: unknown }).level;
      if (level === null) delete value.level;
      else if (level !== undefined && (value.kind !== 'urgent' || !(URGENT_LEVELS as readonly unknown[]).includes(level))) {
        throw new Error(`${path}:${number}: "level" is for urgent questions and must be one of ${URGENT_LEVELS.join(', ')} (or leave it out)`);
      }
      if (value.locale !== undefined && value.locale !== 'en' && value.locale !== 'es') {
        throw new Error(`${path}:${number}: "locale" must be "en" or "es" (or leave it out for the run's --locale)`);
      }
      return value;
    });
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

function main(args: string[]): number {
  let questionsPath = 'test/eval/questions.jsonl';
  let floorsPath = 'test/eval/floors.json';
  let knowledge: string | undefined;
  let onlyHalf: string | undefined;
  let misses = false;
  let locale = 'en';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--questions') questionsPath = args[++i] ?? questionsPath;
    else if (arg === '--floors') floorsPath = args[++i] ?? floorsPath;
    else if (arg === '--knowledge') knowledge = args[++i];
    else if (arg === '--half') onlyHalf = args[++i];
    else if (arg === '--misses') misses = true;
    else if (arg === '--locale' && (args[i + 1] === 'en' || args[i + 1] === 'es')) locale = args[++i]!;
    else {
      console.error(`unknown argument ${JSON.stringify(arg)}\nusage: npm run eval -- [--questions FILE] [--floors FILE] [--knowledge FILE] [--locale en|es] [--half tune|held] [--misses]`);
      return 2;
    }
  }
  let bundle: KnowledgeBundle;
  const others: Record<string, KnowledgeBundle> = {};
  let questions: EvalQuestion[];
  let floors: Record<string, Floors>;
  try {
    if (knowledge) bundle = parseBundleText(readFileSync(knowledge, 'utf8'));
    else {
      // The knowledge of the questions' language: knowledge/es/ for --locale es.
      const result = compileKnowledgeDir(DEFAULT_KNOWLEDGE_DIR, locale);
      if (!result.bundle) throw new Error(result.problems.map(formatProblem).join('\n'));
      bundle = result.bundle;
    }
    questions = readQuestions(questionsPath);
    for (const other of new Set(questions.map((q) => q.locale))) {
      if (other === undefined || other === locale || others[other]) continue;
      const result = compileKnowledgeDir(DEFAULT_KNOWLEDGE_DIR, other);
      if (!result.bundle) throw new Error(result.problems.map(formatProblem).join('\n'));
      others[other] = result.bundle;
    }
    floors = JSON.parse(readFileSync(floorsPath, 'utf8')) as Record<string, Floors>;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }

  const failures: string[] = [];
  const rows: string[] = [];
  const levelRows: string[] = [];
  const baselineRows: string[] = [];
  const passageRows: string[] = [];
  for (const half of ['tune', 'held'] as const) {
    const inHalf = questions.filter((q) => q.half === half);
    if ((onlyHalf && onlyHalf !== half) || inHalf.length === 0) continue;
    const { figures, outcomes } = evaluate(bundle, inHalf, undefined, others);
    rows.push(
      `${half.padEnd(6)}${String(figures.questions).padStart(6)}${percent(figures.top1)}${percent(figures.top3)}${percent(figures.confidentlyWrong)}${percent(figures.outOfScopeToFallback)}${percent(figures.urgentRecall)}${percent(figures.falseUrgent)}${percent(figures.answeredRight)}${percent(figures.topicToFallback)}${percent(figures.topicAnswered)}${inHalf.some((q) => q.kind === 'needs-clinic') ? percent(figures.needsClinicRouted) : '      -'}`,
    );
    failures.push(...belowFloors(figures, floors[half] ?? {}).map((f) => `${half}: ${f}`));
    if (inHalf.some((q) => q.passages?.length)) passageRows.push(`${half.padEnd(6)} right passage when the entry is right: ${percent(figures.rightPassage).trim()}`);
    if (inHalf.some((q) => q.expect !== null)) {
      // Over the questions in the run's language (a mixed set's other lines have no expected entry).
      const baseline = miniSearchBaseline(bundle, inHalf.filter((q) => q.locale === undefined || q.locale === locale));
      baselineRows.push(`${half.padEnd(6)}${String(figures.questions).padStart(6)}${percent(baseline.top1)}${percent(baseline.top3)}   (MiniSearch on the same fields; ours: ${percent(figures.top1).trim()} / ${percent(figures.top3).trim()})`);
    }
    for (const level of URGENT_LEVELS) {
      const asked = outcomes.filter((o) => o.question.level === level);
      if (asked.length === 0) continue;
      const atLevel = asked.filter((o) => o.reply.status === 'urgent' && o.reply.advice.level === level).length;
      const urgentAtAll = asked.filter((o) => o.reply.status === 'urgent').length;
      levelRows.push(`${half.padEnd(6)}${level.padEnd(13)}${String(asked.length).padStart(6)}   at its level ${atLevel}, urgent at any level ${urgentAtAll}`);
    }
    if (misses) {
      for (const { question, reply } of outcomes.filter((o) => !o.ok)) {
        const got = reply.status === 'urgent' ? `urgent:${reply.advice.level}:${reply.advice.ruleId}` : `${reply.status}:${topId(reply) ?? '-'}`;
        console.log(`${half} ${question.kind}${question.level ? `:${question.level}` : ''} expect=${question.expect ?? '-'} got=${got}  ${JSON.stringify(question.q)}`);
      }
    }
  }
  console.log(`half  count  top-1  top-3  wrong  oos→fb urgent false-u  right  t→fb t→ans clinic`);
  for (const row of rows) console.log(row);
  for (const row of passageRows) console.log(row);
  if (baselineRows.length > 0) {
    console.log('baseline ranking:');
    for (const row of baselineRows) console.log(row);
  }
  if (levelRows.length > 0) {
    console.log('urgent questions by the level they must get:');
    for (const row of levelRows) console.log(row);
  }
  console.log(
    `(wrong = answered confidently with the wrong entry; oos→fb = out-of-scope sent to fallback; urgent = urgent recall; false-u = false urgent; right = answered with the right entry; t→fb = topic questions sent to fallback; t→ans = topic questions answered, not "Did you mean"; clinic = staff-only requests sent to the clinic; "held" is the never-tuned half)`,
  );
  if (failures.length > 0) {
    for (const failure of failures) console.error(failure);
    return 1;
  }
  return 0;
}

if (process.argv[1]?.endsWith('eval.ts')) process.exitCode = main(process.argv.slice(2));
