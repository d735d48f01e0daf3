import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EvalQuestion, belowFloors, evaluate, readQuestions } from '../../src/cli/eval.js';
import { bundleOf } from '../helpers.js';

const bundle = bundleOf('test/fixtures/knowledge-small');
const question = (q: string, kind: EvalQuestion['kind'], expect: string | null = null): EvalQuestion => ({ q, kind, expect, half: 'tune' });

describe('cli/eval', () => {
  describe('evaluate', () => {
    it('scores top-1, fallback, urgent recall and false alarms', () => {
      const { figures } = evaluate(bundle, [
        question('how long does a nerve block last', 'topic', 'nerve-block'),
        question('how do I book an appointment', 'topic', 'book-consultation'),
        question('what is the capital of France', 'out-of-scope'),
        question('I have chest pain right now', 'urgent'),
        question('I lost control of my bladder', 'urgent'),
        question('is chest pain a side effect of a nerve block', 'scary', 'nerve-block'),
      ]);
      expect(figures).toMatchObject({
        questions: 6,
        top1: 2 / 3,
        outOfScopeToFallback: 1,
        urgentRecall: 1,
        falseUrgent: 1 / 4,
      });
    });
  });

  it('counts an urgent question with a level as caught only at that level, and answers each line in its own language', () => {
    const spanish = bundleOf('knowledge', 'es');
    const { figures, outcomes } = evaluate(
      bundle,
      [
        { ...question('I have chest pain right now', 'urgent'), level: 'emergency' },
        { ...question('I lost control of my bladder', 'urgent'), level: 'doctor-today' },
        { ...question('tengo un dolor de pecho muy fuerte ahorita', 'urgent'), level: 'emergency', locale: 'es' },
      ],
      undefined,
      { es: spanish },
    );
    expect(figures.urgentRecall).toBe(2 / 3);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
  });

  describe('readQuestions', () => {
    const file = (lines: string) => {
      const path = join(mkdtempSync(join(tmpdir(), 'pcc-eval-')), 'set.jsonl');
      writeFileSync(path, lines);
      return path;
    };
    it('reads "level" and "locale", with "level": null as no level', () => {
      const [a, b] = readQuestions(file('{"q":"x","kind":"urgent","expect":null,"half":"tune","level":"emergency","locale":"es"}\n{"q":"y","kind":"scary","expect":null,"half":"held","level":null}\n'));
      expect(a).toMatchObject({ level: 'emergency', locale: 'es' });
      expect(b).not.toHaveProperty('level');
    });
    it('names the line and the fix for a level on a question that is not urgent, or an unknown language', () => {
      expect(() => readQuestions(file('{"q":"x","kind":"topic","expect":"a","half":"tune","level":"emergency"}\n'))).toThrow(/set\.jsonl:1: "level" is for urgent questions/);
      expect(() => readQuestions(file('{"q":"x","kind":"urgent","expect":null,"half":"tune","locale":"fr"}\n'))).toThrow(/:1: "locale" must be "en" or "es"/);
    });
  });

  describe('belowFloors', () => {
    it('names each figure outside its floor or ceiling', () => {
      const figures = { questions: 1, top1: 0.8, top3: 0.9, confidentlyWrong: 0.05, outOfScopeToFallback: 1, urgentRecall: 1, falseUrgent: 0, answeredRight: 0.7, topicToFallback: 0, topicAnswered: 0.6, needsClinicRouted: 1, rightPassage: 1 };
      expect(belowFloors(figures, { top1: { min: 0.9 }, confidentlyWrong: { max: 0.03 }, urgentRecall: { min: 1 } })).toEqual([
        'top1 80.0% is below its floor 90.0%',
        'confidentlyWrong 5.0% is above its ceiling 3.0%',
      ]);
    });
  });
});
