/**
 * Property-based tests (fast-check): any text a visitor can send, up to 10,000 characters
 * of any Unicode (control characters and lone surrogates too), through the normalizer, the
 * urgent check and the responder; the urgent check's work grows linearly with the question,
 * counted in steps; and the compiler, fed mutated knowledge files, only ever reports
 * `path:line: message` problems.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileKnowledgeDir, formatProblem, readKnowledgeDir } from '../../src/cli/files.js';
import { SPANISH, foldText, terms, words } from '../../src/answer/normalize.js';
import { createResponder } from '../../src/answer/reply.js';
import { type TriageMeter, createTriage } from '../../src/answer/triage.js';
import { type KnowledgeFile, compileKnowledge } from '../../src/knowledge/compile.js';

const english = compileKnowledgeDir('knowledge').bundle!;
const spanish = compileKnowledgeDir('knowledge', 'es').bundle!;
const responders = [createResponder(english), createResponder(spanish)];
const STATUSES = ['answer', 'clarify', 'fallback', 'urgent'];

/** Any string up to `max` UTF-16 units: every code point, lone surrogates, control characters, and words the rules know. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: max, size: 'max' }),
    fc.string({ unit: fc.constantFrom('\u0000', '\u200b', '\ud800', '\udfff', '\u202e', 'é', '\n', '.', ' ', 'a', 'chest', ' pain ', 'no ', 'epidural', 'suicid'), maxLength: max, size: 'max' }).map((text) => text.slice(0, max)),
    fc.array(fc.constantFrom('chest', 'pain', "can't", 'breathe', 'not', 'numb', 'leg', 'bladder', 'fiebre', 'pecho', 'pills', 'too', 'many', '.', ','), { maxLength: 2000, size: 'max' }).map((list) => list.join(' ').slice(0, max)),
  );

describe('any visitor text', () => {
  it('is folded, split and stemmed without throwing, into plain words', () => {
    fc.assert(
      fc.property(anyText(10_000), (text) => {
        const folded = foldText(text);
        expect(typeof folded).toBe('string');
        for (const word of [...words(text), ...terms(text), ...SPANISH.terms(text)]) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
      { numRuns: 300 },
    );
  });

  it('always gets one of the four replies, in English and in Spanish, and never throws', () => {
    fc.assert(
      fc.property(anyText(10_000), fc.constantFrom(0, 1), (text, which) => {
        const reply = responders[which]!.reply(text, { locale: which === 0 ? 'en' : 'es' });
        expect(STATUSES).toContain(reply.status);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the urgent check', () => {
  it('does work linear in the question, counted in steps, for adversarial questions', () => {
    const meter: TriageMeter = { work: 0 };
    const triage = createTriage(english.urgent, [], meter);
    const workFor = (text: string) => {
      meter.work = 0;
      triage(text);
      return meter.work;
    };
    // Words that begin many rules' phrases, repeated, without a clause break: the worst case for phrase matching.
    const adversarial = ['chest ', 'no no no ', 'pain ', 'my leg ', 'numb ', 'aaaaaaaaaa ', 'suicid ', 'cant '];
    for (const unit of adversarial) {
      const at = (chars: number) => workFor(unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars));
      const small = at(100);
      const large = at(1000);
      // Ten times the text, at most ten times the work (and a margin for words cut at the end).
      expect(large, `${JSON.stringify(unit)}: ${small} steps for 100 characters, ${large} for 1,000`).toBeLessThanOrEqual(small * 10 * 1.25 + 500);
    }
    fc.assert(
      fc.property(anyText(1000), (text) => {
        const work = workFor(text);
        const doubled = workFor(`${text} ${text}`);
        expect(doubled).toBeLessThanOrEqual(work * 2.5 + 2000);
      }),
      { numRuns: 200 },
    );
  });
});

describe('invisible format characters inside words', () => {
  const FORMAT = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufeff', '\u180e'];
  /** Up to eight invisible characters, each after a random letter of the question. */
  const insertions = fc.array(fc.record({ at: fc.nat(), char: fc.constantFrom(...FORMAT) }), { minLength: 1, maxLength: 8 });
  const hide = (text: string, marks: { at: number; char: string }[]) => {
    const letters = [...text];
    for (const { at, char } of marks) letters.splice(1 + (at % Math.max(1, letters.length - 1)), 0, char);
    return letters.join('');
  };
  const urgentTuning = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { q: string; kind: string; half?: string })
      .filter((q) => q.kind === 'urgent' && q.half !== 'held')
      .map((q) => q.q);

  it.each([
    ['English', 0, 'en', ['test/eval/questions.jsonl', 'test/eval/more-tuning.jsonl']],
    ['Spanish', 1, 'es', ['test/eval/urgent-tune.es.jsonl']],
  ] as const)('leave every urgent tuning question (%s) as urgent as it was', (_, which, locale, files) => {
    const responder = responders[which]!;
    const levelOf = (text: string) => responder.urgentReply(text, { locale })?.advice.level ?? null;
    const questions = files.flatMap(urgentTuning);
    expect(questions.length).toBeGreaterThan(100);
    questions.forEach((question, seed) => {
      const level = levelOf(question);
      if (level === null) return;
      const [marks] = fc.sample(insertions, { numRuns: 1, seed });
      const hidden = hide(question, marks!);
      expect(levelOf(hidden), JSON.stringify(hidden)).toBe(level);
    });
  });

  it('keep "I can\'t feel my legs and I wet myself after my injection" urgent', () => {
    const hidden = 'I can\'t fe\u200bel my le\u00adgs and I w\u200det my\u2060self after my inj\ufeffection';
    expect(responders[0]!.reply(hidden).status).toBe('urgent');
  });
});

describe('the knowledge compiler, on mutated files', () => {
  const files = readKnowledgeDir('test/fixtures/knowledge-small');
  const mutation = fc.record({
    file: fc.nat({ max: files.length - 1 }),
    at: fc.nat(),
    kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate-line', 'drop-line', 'truncate'),
    text: fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('---', ':', '- ', '  ', '"', "'", '[', '{', '&a', '*a', '!!binary', '\t', '\n', '## ', '<script>', '](javascript:x)', 'id: ', 'reviewed: x')),
  });
  const mutate = (list: KnowledgeFile[], change: { file: number; at: number; kind: string; text: string }) => {
    const file = list[change.file]!;
    const text = file.text;
    const at = change.at % (text.length + 1);
    const lines = text.split('\n');
    const line = change.at % lines.length;
    const changed =
      change.kind === 'insert' ? text.slice(0, at) + change.text + text.slice(at)
      : change.kind === 'delete' ? text.slice(0, at) + text.slice(at + change.text.length + 1)
      : change.kind === 'replace' ? text.slice(0, at) + change.text + text.slice(at + change.text.length)
      : change.kind === 'duplicate-line' ? [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n')
      : change.kind === 'drop-line' ? [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n')
      : text.slice(0, at);
    return list.map((f, i) => (i === change.file ? { ...f, text: changed } : f));
  };

  it('takes any text as an entry, the vocabulary or the urgent rules without throwing', () => {
    fc.assert(
      fc.property(anyText(10_000), fc.constantFrom('procedure/nerve-block.md', 'vocabulary.yaml', 'urgent.yaml'), (text, name) => {
        const path = `test/fixtures/knowledge-small/${name}`;
        const result = compileKnowledge(files.map((f) => (f.path === path ? { ...f, text } : f)));
        for (const problem of result.problems) expect(formatProblem(problem)).toMatch(/^test\/fixtures\/knowledge-small\/[\w/.-]+:\d+: \S/);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, and names every problem by path and line, with no stack trace', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const mutated = changes.reduce(mutate, files);
        const result = compileKnowledge(mutated);
        for (const problem of result.problems) {
          expect(files.map((f) => f.path)).toContain(problem.path);
          expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
          const line = formatProblem(problem);
          expect(line).toMatch(/^test\/fixtures\/knowledge-small\/[\w/.-]+:\d+: \S/);
          expect(line).not.toMatch(/\n\s+at |Error:|undefined|\[object Object\]/);
        }
        expect(result.bundle !== null || result.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
