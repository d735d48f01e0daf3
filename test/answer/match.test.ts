import { describe, expect, it } from 'vitest';
import { MAX_MATCHES, createMatcher } from '../../src/answer/match.js';
import { readQuestions } from '../../src/cli/eval.js';
import type { Entry, KnowledgeBundle } from '../../src/knowledge/schema.js';
import { bundleOf } from '../helpers.js';

/** The default knowledge grown to `count` entries: copies with a few words of other entries mixed in. */
function grown(base: KnowledgeBundle, count: number): KnowledgeBundle {
  const words = base.entries.flatMap((e) => e.title.split(' '));
  const entries: Entry[] = Array.from({ length: count }, (_, i) => {
    const model = base.entries[i % base.entries.length]!;
    const extra = `${words[(i * 7) % words.length]} ${words[(i * 13) % words.length]}`;
    return { ...model, id: `${model.id}-${i}`, keywords: [...model.keywords, extra], passages: model.passages.map((p) => ({ ...p, text: `${p.text} ${extra}` })) };
  });
  return { ...base, entries };
}

describe('answer/match', () => {
  const questions = readQuestions('test/eval/questions.jsonl').map((q) => q.q);

  it.each([
    ['the default knowledge', () => bundleOf('knowledge')],
    ['600 entries', () => grown(bundleOf('knowledge'), 600)],
  ])('finds exactly the entries and scores that scoring every entry finds, on %s', (_, make) => {
    const bundle = make();
    const fast = createMatcher(bundle);
    const full = createMatcher(bundle, { exhaustive: true });
    for (const question of questions.slice(0, 120)) {
      const a = fast.match(question).matches;
      const b = full.match(question).matches;
      expect(a.map((m) => [m.entryId, m.score.toFixed(9), m.passageId])).toEqual(b.map((m) => [m.entryId, m.score.toFixed(9), m.passageId]));
    }
  });

  it(`returns at most ${MAX_MATCHES} entries, best first, with scores in [0, 1]`, () => {
    const { matches } = createMatcher(bundleOf('knowledge')).match('pain injection nerve back neck knee treatment');
    expect(matches.length).toBeLessThanOrEqual(MAX_MATCHES);
    for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
    for (const m of matches) expect(m.score).toBeGreaterThan(0), expect(m.score).toBeLessThanOrEqual(1);
  });
});
