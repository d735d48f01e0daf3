/**
 * `npm run bench`: how fast the core answers, at the default knowledge and at 1,000 and
 * 10,000 synthetic entries, next to fuse.js with default options over the same entries in
 * the same run. Prints figures, and writes what it printed into the README's Performance
 * section (between the `figures:bench` markers, dated, with the machine and the browser;
 * see `scripts/figures.ts`); never fails on a time.
 */
import { cpus, totalmem } from 'node:os';
import Fuse from 'fuse.js';
import { buildIndex } from '../src/answer/match.js';
import { createResponder } from '../src/answer/reply.js';
import { readQuestions } from '../src/cli/eval.js';
import { compileKnowledgeDir } from '../src/cli/files.js';
import type { Entry, KnowledgeBundle } from '../src/knowledge/schema.js';
import { browserBench } from './bench-browser.js';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../test/browser/chromium.js';
import { provenance, writeFigures } from './figures.js';

// Everything this run prints (the browser half included) is also what it writes into the
// README, so the figures there are exactly the ones measured.
const printed: string[] = [];
const print = console.log;
console.log = (...args: unknown[]) => {
  print(...args);
  printed.push(args.join(' '));
};

/** Questions and rounds per size, so the whole run stays within a few minutes on 2 cores. */
const PLAN: Record<number, { questions: number; rounds: number; fuseQuestions: number }> = {
  1000: { questions: 120, rounds: 1, fuseQuestions: 30 },
  10000: { questions: 80, rounds: 1, fuseQuestions: 5 },
};
const DEFAULT_PLAN = { questions: Infinity, rounds: 3, fuseQuestions: 100 };

/** A small deterministic random generator, so every run benchmarks the same entries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` entries made from the real ones, with words shuffled in from the whole knowledge. */
function synthetic(base: KnowledgeBundle, count: number): KnowledgeBundle {
  const next = random(count);
  const vocabulary = base.entries.flatMap((e) => e.passages.flatMap((p) => p.text.split(/\s+/))).filter((w) => w.length > 3);
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const model = base.entries[i % base.entries.length]!;
    const id = `${model.id}-${i}`;
    const extra = () => Array.from({ length: 4 }, pick).join(' ');
    entries.push({
      ...model,
      id,
      title: i < base.entries.length ? model.title : `${model.title} ${extra()}`,
      keywords: [...model.keywords.slice(0, 6), extra()],
      questions: model.questions.map((q) => `${q} ${pick()}`),
      related: [],
      passages: model.passages.map((p) => ({ ...p, id: `${id}#${p.id}`, text: `${p.text} ${extra()}` })),
    });
  }
  return { ...base, entries };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(questions: string[], rounds: number, ask: (q: string) => unknown): { p50: number; p95: number } {
  // One untimed pass first: the first calls pay for JIT compilation and lazily built indexes.
  for (const q of questions.slice(0, 50)) ask(q);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const start = performance.now();
      ask(q);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1)).padStart(8);
const base = compileKnowledgeDir('knowledge').bundle!;
const allQuestions = readQuestions('test/eval/questions.jsonl').map((q) => q.q);

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`questions from test/eval/questions.jsonl (all ${allQuestions.length} × ${DEFAULT_PLAN.rounds} rounds at the default size, fewer at larger sizes); times in ms\n`);
console.log('entries   build  load*  heap MB   p50      p95   | fuse.js defaults: p50      p95   | p95 ratio');
for (const size of [base.entries.length, 1000, 10000]) {
  const bundle = size === base.entries.length ? base : synthetic(base, size);
  const plan = PLAN[size] ?? DEFAULT_PLAN;
  const questions = allQuestions.slice(0, plan.questions);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const responder = createResponder(bundle);
  const build = performance.now() - buildStart;
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  // What the browser does instead: read the terms from the index the compiler ships.
  const index = buildIndex(bundle);
  const loadStart = performance.now();
  createResponder({ ...bundle, index });
  const load = performance.now() - loadStart;
  const ours = time(questions, plan.rounds, (q) => responder.reply(q));
  const fuse = new Fuse(
    bundle.entries.flatMap((e) => e.passages.map((p) => ({ title: e.title, text: p.text }))),
    { keys: ['title', 'text'] },
  );
  const theirs = time(questions.slice(0, plan.fuseQuestions), 1, (q) => fuse.search(q));
  console.log(
    `${String(size).padStart(7)} ${ms(build)}${ms(load).slice(1)} ${heap.toFixed(1).padStart(8)} ${ms(ours.p50)} ${ms(ours.p95)} |                ${ms(theirs.p50)} ${ms(theirs.p95)} | ${(theirs.p95 / ours.p95).toFixed(1).padStart(6)}×`,
  );
}

console.log('(build: from the entries\' text; load*: from the index the compiler writes into knowledge.json, as the browser does)');

let browser = '';
if (existsSync('dist/pain-care-chat.js')) {
  await browserBench();
  browser = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} else console.log('\nbrowser figures skipped: run "npm run build" first');

console.log = print;
writeFigures('bench', provenance('bench', browser), ['```text', ...printed.join('\n').trim().split('\n'), '```'].join('\n'));
print('\nwrote these figures into README.md');
