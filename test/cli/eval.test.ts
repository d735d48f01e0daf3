import { describe, expect, it } from 'vitest';
import { type EvalQuestion, belowFloors, evaluate } from '../../src/cli/eval.js';
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

  describe('belowFloors', () => {
    it('names each figure outside its floor or ceiling', () => {
      const figures = { questions: 1, top1: 0.8, top3: 0.9, confidentlyWrong: 0.05, outOfScopeToFallback: 1, urgentRecall: 1, falseUrgent: 0, answeredRight: 0.7, topicToFallback: 0 };
      expect(belowFloors(figures, { top1: { min: 0.9 }, confidentlyWrong: { max: 0.03 }, urgentRecall: { min: 1 } })).toEqual([
        'top1 80.0% is below its floor 90.0%',
        'confidentlyWrong 5.0% is above its ceiling 3.0%',
      ]);
    });
  });
});
