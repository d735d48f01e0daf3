import { describe, expect, it } from 'vitest';
import { createResponder } from '../../src/answer/reply.js';
import { compileKnowledgeDir } from '../../src/cli/files.js';
import { coverageOf, visitorCoverage } from '../../src/studio/coverage.js';

const bundle = compileKnowledgeDir('knowledge').bundle!;
const responder = createResponder(bundle);

describe('studio/coverage', () => {
  it('runs every example question of every entry and says where each lands', () => {
    const { rows, competing } = coverageOf(bundle, responder);
    expect(rows).toHaveLength(bundle.entries.reduce((n, e) => n + e.questions.length, 0));
    for (const row of rows) {
      const reply = responder.reply(row.question);
      expect(row.status).toBe(reply.status);
      if (reply.status === 'answer') expect(row.verdict).toBe(reply.entryId === row.entryId ? 'right' : 'wrong');
      else expect(row.verdict).toBe(reply.status);
    }
    expect(rows.filter((r) => r.verdict === 'right').length / rows.length).toBeGreaterThan(0.8);
    for (const pair of competing) expect(pair.a < pair.b && pair.questions > 0).toBe(true);
  });

  it('reports a question that lands on another entry as wrong, and the two entries as competing', () => {
    // An example question that belongs to another entry, as an editor might paste by mistake.
    const entries = bundle.entries.map((e) => (e.id === 'radiofrequency-ablation' ? { ...e, questions: [...e.questions, 'what is an epidural steroid injection'] } : e));
    const changed = { ...bundle, entries };
    const { rows, competing } = coverageOf(changed, createResponder(changed));
    const lost = rows.find((r) => r.question === 'what is an epidural steroid injection');
    expect(lost).toMatchObject({ entryId: 'radiofrequency-ablation', verdict: 'wrong', landedOn: 'epidural-steroid-injection' });
    expect(competing).toContainEqual(expect.objectContaining({ a: 'epidural-steroid-injection', b: 'radiofrequency-ablation' }));
  });

  it('reads visitor questions one a line, skipping blanks and comments', () => {
    const rows = visitorCoverage(responder, '# from the front desk\nhow long does rfa last\n\n  what is a nerve block  \n');
    expect(rows.map((r) => [r.question, r.status, r.verdict])).toEqual([
      ['how long does rfa last', 'answer', null],
      ['what is a nerve block', 'answer', null],
    ]);
    expect(rows[0]!.landedOn).toBe('radiofrequency-ablation');
  });
});
