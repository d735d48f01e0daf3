import { describe, expect, it } from 'vitest';
import { MAX_MATCHES, buildIndex, createMatcher, usableIndex } from '../../src/answer/match.js';
import { createResponder } from '../../src/answer/reply.js';
import { readQuestions } from '../../src/cli/eval.js';
import { bundleForBrowser } from '../../src/knowledge/compile.js';
import { parseBundle } from '../../src/knowledge/load.js';
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

  it("scores each passage of a match by the share of the question it explains, and shows the best", () => {
    const matcher = createMatcher(bundleOf('knowledge'));
    const [rfa] = matcher.match('how long does rfa pain relief last').matches;
    expect(rfa!.entryId).toBe('radiofrequency-ablation');
    const entry = matcher.entry('radiofrequency-ablation')!;
    expect(rfa!.passages.map((p) => p.passageId)).toEqual(entry.passages.map((p) => p.id));
    for (const { score } of rfa!.passages) expect(score >= 0 && score <= 1).toBe(true);
    const best = Math.max(...rfa!.passages.map((p) => p.score));
    expect(best).toBeGreaterThan(0);
    expect(entry.passages.find((p) => p.id === rfa!.passageId)!.heading).toMatch(/how long/i);
  });

  it('shows the section that answers the kind of question asked, not the one that shares the story (asks: in vocabulary.yaml)', () => {
    const matcher = createMatcher(bundleOf('knowledge'));
    const passageFor = (question: string, id: string) => matcher.match(question).matches.find((m) => m.entryId === id)?.passageId;
    expect(passageFor('my sciatica burns down my leg every night and the pills do nothing, what can be done', 'sciatica')).toBe('sciatica#treatment-options');
    expect(passageFor('my back has hurt for years and my doctor keeps saying facet arthritis, what is that exactly', 'facet-arthritis')).toMatch(/^facet-arthritis(#what-it-is)?$/);
    expect(passageFor('how fast does a trigger point injection start to work', 'trigger-point-injection')).toMatch(/how-long/);
    // Without asks, the same question shows the section that shares the most words.
    const plain = createMatcher({ ...bundleOf('knowledge'), asks: undefined, index: undefined });
    expect(plain.match('my sciatica burns down my leg every night and the pills do nothing, what can be done').matches[0]?.passageId).not.toBe('sciatica#treatment-options');
  });

  describe('the index the compiler ships', () => {
    const compiled = bundleOf('knowledge');
    const shipped = () => parseBundle(JSON.parse(JSON.stringify(bundleForBrowser(compiled))));
    // The blind set and every fourth tuning question: all four statuses, typos, vocabulary.
    const allQuestions = [...questions, ...readQuestions('test/eval/more-tuning.jsonl').filter((_, i) => i % 4 === 0).map((q) => q.q)];

    it('gives the same replies, matches and scores as working the terms out in the browser', () => {
      const loaded = shipped();
      expect(usableIndex(loaded)).toBeDefined();
      const withIndex = createResponder(loaded);
      const without = createResponder({ ...loaded, index: undefined });
      for (const question of allQuestions) {
        const a = withIndex.reply(question);
        const b = without.reply(question);
        expect([a.status, a.matches], question).toEqual([b.status, b.matches]);
      }
      expect(allQuestions.length).toBeGreaterThan(1000);
    });

    it('is the same after the trip through the knowledge file', () => {
      expect(usableIndex(shipped())).toEqual(buildIndex(compiled));
    });

    it('is not used when made by code that reads words differently, or for other entries', () => {
      const loaded = shipped();
      expect(usableIndex({ ...loaded, index: { ...loaded.index!, normalizer: '00000000' } })).toBeUndefined();
      expect(usableIndex({ ...loaded, entries: loaded.entries.slice(1) })).toBeUndefined();
      const fewerPassages = loaded.entries.map((e, i) => (i === 3 ? { ...e, passages: e.passages.slice(1) } : e));
      expect(usableIndex({ ...loaded, entries: fewerPassages })).toBeUndefined();
    });

    it('is left out when damaged, and the bundle still loads', () => {
      const data = JSON.parse(JSON.stringify(bundleForBrowser(compiled)));
      data.index.entries[2].passages[0] = 'not a pair';
      const loaded = parseBundle(data);
      expect(loaded.index).toBeUndefined();
      expect(createResponder(loaded).reply('what is a nerve block').status).toBe('answer');
    });
  });

  it(`returns at most ${MAX_MATCHES} entries, best first, with scores in [0, 1]`, () => {
    const { matches } = createMatcher(bundleOf('knowledge')).match('pain injection nerve back neck knee treatment');
    expect(matches.length).toBeLessThanOrEqual(MAX_MATCHES);
    for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
    for (const m of matches) expect(m.score).toBeGreaterThan(0), expect(m.score).toBeLessThanOrEqual(1);
  });
});
