/**
 * `npm run eval:report`: runs every question set through the same core the widget uses and
 * writes the answer-quality figures into the README (between the `figures:eval` markers,
 * dated, with the machine; see `scripts/figures.ts`). Never-tuned halves (nobody has read
 * their misses) are reported apart from the halves the rules and thresholds were tuned on.
 * Prints the table too; exits 0 whatever the figures (`npm test` holds the floors).
 */
import { type EvalFigures, type EvalQuestion, evaluate, miniSearchBaseline, readQuestions } from '../src/cli/eval.js';
import { DEFAULT_KNOWLEDGE_DIR, compileKnowledgeDir, formatProblem } from '../src/cli/files.js';
import type { KnowledgeBundle } from '../src/knowledge/schema.js';
import { provenance, writeFigures } from './figures.js';

const SETS: { name: string; path: string; locale: 'en' | 'es'; what: string }[] = [
  { name: 'blind personas', path: 'test/eval/blind', locale: 'en', what: '1,872 questions from six persona writers (older adults and caregivers, second language and phone typing, long stories and skeptics, the days after a procedure; then emergencies and their look-alikes from families and elders, and from people with chronic pain)' },
  { name: 'first blind set', path: 'test/eval/questions.jsonl', locale: 'en', what: '380 questions written from the entry titles' },
  { name: 'Spanish', path: 'test/eval/questions.es.jsonl', locale: 'es', what: '160 Spanish questions written from the entry titles' },
  { name: 'Spanish blind personas', path: 'test/eval/blind-es', locale: 'es', what: '358 Spanish questions from four persona writers, on all 52 topics while the Spanish knowledge has 13 entries (issue 21)' },
  { name: 'right passage', path: 'test/eval/passages.jsonl', locale: 'en', what: '260 blind topic questions labelled with the passages that answer them' },
  { name: 'more tuning', path: 'test/eval/more-tuning.jsonl', locale: 'en', what: '3,297 tuning questions' },
  { name: 'red flags', path: 'test/eval/red-flags.jsonl', locale: 'en', what: '349 red flags after procedures and look-alikes, English and Spanish' },
  { name: 'Spanish urgent', path: 'test/eval/urgent-tune.es.jsonl', locale: 'es', what: '782 Spanish urgent and ordinary messages' },
];

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const bundles = new Map<string, KnowledgeBundle>();
function bundleFor(locale: string): KnowledgeBundle {
  let bundle = bundles.get(locale);
  if (!bundle) {
    const result = compileKnowledgeDir(DEFAULT_KNOWLEDGE_DIR, locale);
    if (!result.bundle) throw new Error(result.problems.map(formatProblem).join('\n'));
    bundles.set(locale, (bundle = result.bundle));
  }
  return bundle;
}

function row(name: string, questions: EvalQuestion[], figures: EvalFigures, baseline: { top1: number } | undefined): string {
  const has = (kind: EvalQuestion['kind']) => questions.some((q) => q.kind === kind);
  const ranked = questions.some((q) => q.expect !== null);
  const cells = [
    name,
    String(figures.questions),
    ranked ? pct(figures.top1) : '—',
    baseline ? pct(baseline.top1) : '—',
    has('topic') ? pct(figures.topicAnswered) : '—',
    pct(figures.confidentlyWrong),
    has('out-of-scope') ? pct(figures.outOfScopeToFallback) : '—',
    has('urgent') ? pct(figures.urgentRecall) : '—',
    pct(figures.falseUrgent),
    has('needs-clinic') ? pct(figures.needsClinicRouted) : '—',
    questions.some((q) => q.passages?.length) ? pct(figures.rightPassage) : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

const HEADER = [
  '| set | questions | right entry first | MiniSearch first | topic answered | confidently wrong | out of scope → "I don\'t know" | emergencies caught | ordinary → urgent | staff requests → clinic | right passage |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

const neverTuned: string[] = [];
const tuned: string[] = [];
for (const set of SETS) {
  const questions = readQuestions(set.path);
  const others = { es: bundleFor('es'), en: bundleFor('en') };
  for (const half of ['held', 'tune'] as const) {
    const inHalf = questions.filter((q) => q.half === half);
    if (inHalf.length === 0) continue;
    const bundle = bundleFor(set.locale);
    const { figures } = evaluate(bundle, inHalf, undefined, others);
    const baseline = inHalf.some((q) => q.expect !== null) ? miniSearchBaseline(bundle, inHalf) : undefined;
    (half === 'held' ? neverTuned : tuned).push(row(set.name, inHalf, figures, baseline));
  }
}

const body = [
  '**Never tuned** (the held-out halves: nobody has read their misses):',
  '',
  ...HEADER,
  ...neverTuned,
  '',
  '**Tuned on** (their misses were read and the rules, vocabulary or thresholds changed for them; shown for regressions, not as a measure of quality):',
  '',
  ...HEADER,
  ...tuned,
  '',
  'The sets: ' + SETS.map((set) => `*${set.name}* (\`${set.path}\`): ${set.what}`).join('; ') + '.',
].join('\n');

console.log(body);
const written = writeFigures('eval', provenance('eval'), body);
console.log(`\n${written === 'written' ? 'wrote these figures into README.md' : 'README.md already has these figures'}`);
