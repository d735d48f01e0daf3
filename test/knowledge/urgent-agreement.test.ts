import { describe, expect, it } from 'vitest';
import type { UrgentGroup } from '../../src/knowledge/schema.js';
import { checkUrgentAgreement, situationsIn } from '../../src/knowledge/urgent-agreement.js';

const rules: UrgentGroup[] = [
  {
    level: 'emergency',
    advice: { en: 'Call 911.' },
    rules: [{ id: 'weak-legs', name: 'Weak legs', any: ['legs weak', 'weak legs'], all: [], unless: ['can * cause'], negatable: false }],
  },
  {
    level: 'doctor-today',
    advice: { en: 'Call today.' },
    rules: [{ id: 'fever-back', name: 'Back pain with fever', any: [], all: [['fever'], ['back pain']], unless: [], negatable: false }],
  },
];

const entry = (body: string) => `---\nid: x\ntitle: X\n---\n\n${body}\n`;

describe('knowledge/urgent-agreement', () => {
  it('finds the sentences and list items that give an instruction, each at its line, a list read with its lead-in', () => {
    const found = situationsIn(entry('## When to get help\n\nCall 911 if, after your procedure, you have any of these:\n\n- weak legs\n- a rash\n\nIf you have back pain with a fever, call your doctor the same day. Rest well.'));
    expect(found.map((s) => [s.line, s.instruction.level, s.shown])).toEqual([
      [10, 'emergency', 'weak legs'],
      [11, 'emergency', 'a rash'],
      [13, 'doctor-today', 'If you have back pain with a fever, call your doctor the same day.'],
    ]);
    expect(found[0]!.asked).toContain('after your procedure');
  });

  it('reads the situation a paragraph names before its instruction ("… The same goes for X. Call 911.")', () => {
    const [situation] = situationsIn(entry('Do not wait if your legs are weak.\nCall 911 or go to the nearest emergency room.'));
    expect(situation?.line).toBe(7);
    expect(situation?.asked).toContain('legs are weak');
  });

  it('skips a sentence that gives two instructions for one situation', () => {
    expect(situationsIn(entry('Call the clinic today; if no one answers, call 911.'))).toEqual([]);
  });

  it('warns, at file and line, where an entry and the urgent rules give different instructions for the same words', () => {
    const problems = checkUrgentAgreement([{ path: 'condition/back-pain.md', text: entry('If you have back pain with a fever, call 911.') }], rules, []);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'condition/back-pain.md', line: 6, severity: 'warning' });
    expect(problems[0]!.message).toMatch(/says "call 911 or go to the emergency room".*told to call the clinic today \(urgent rule fever-back\).*one situation, one instruction/);
  });

  it('warns where an entry says 911 for something the urgent check does not catch', () => {
    const [problem] = checkUrgentAgreement([{ path: 'about/x.md', text: entry('Call 911 for a sudden rash.') }], rules, []);
    expect(problem?.message).toMatch(/does not catch it.*add a rule to urgent.yaml/);
  });

  it('reads an entry as a statement, not a question: the rules\' "unless" phrases do not apply', () => {
    const text = entry('Call 911 if you can feel that weak legs can really cause falls.');
    expect(checkUrgentAgreement([{ path: 'about/x.md', text }], rules, [])).toEqual([]);
  });

  it('is quiet where they agree, in Spanish too', () => {
    const spanish: UrgentGroup[] = [{ ...rules[0]!, rules: [{ ...rules[0]!.rules[0]!, any: ['piernas debiles'] }] }];
    expect(checkUrgentAgreement([{ path: 'es/about/x.md', text: entry('Si tiene las piernas debiles, llame al 911.') }], spanish, [], 'es')).toEqual([]);
  });
});
