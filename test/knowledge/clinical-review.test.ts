/**
 * The findings of the December 2026 clinical review (issue 22) that are about what the
 * entries say: each has a check here, so an edit that drops it fails `npm test`. What the
 * urgent rules do is held by test/answer/triage.test.ts and test/eval/red-flags.jsonl, and
 * the agreement of entries and rules by `npm run knowledge -- --check`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createResponder } from '../../src/answer/reply.js';
import { situationsIn } from '../../src/knowledge/urgent-agreement.js';
import { bundleOf } from '../helpers.js';

const read = (path: string) => readFileSync(`knowledge/${path}`, 'utf8');
/** The Markdown of one `## ` section (heading text as given), up to the next heading. */
const section = (path: string, heading: string) => {
  const text = read(path);
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${path} has no section "## ${heading}"`);
  const end = text.indexOf('\n## ', start + 4);
  return text.slice(start, end < 0 ? undefined : end);
};
const bullets = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('- '));

describe('clinical review (issue 22)', () => {
  it('procedure day, recovery and risks name the same red flags with the same step up to 911, and the same same-day call', () => {
    const sections = [section('about/procedure-day.md', 'When to get help'), section('about/recovery-and-follow-up.md', 'When to get help'), section('about/risks-and-safety.md', 'When to get help after a procedure')];
    const [first, ...others] = sections.map((s) => ({ flags: bullets(s), rest: s.split('\n').filter((line) => /^Call /.test(line)) }));
    expect(first!.flags).toEqual([
      '- a fever with a bad headache or a stiff neck',
      '- new weakness or numbness in a leg or arm that is still there when the numbing medicine should have worn off',
      '- new, severe back pain',
      '- numbness in the groin or inner thighs',
      '- trouble peeing, or losing control of your bladder or bowels',
      '- hives with swelling of the lips or tongue, trouble breathing, or chest pain',
    ]);
    for (const other of others) expect(other).toEqual(first);
    // Not "weakness that gets worse": nobody should wait for it to worsen.
    expect(sections.join('\n')).not.toMatch(/gets worse\b[^.]*911|weakness that gets worse/);
  });

  it('back pain with a fever is "call your doctor the same day" wherever an entry names it', () => {
    for (const path of ['condition/back-pain.md', 'about/book-consultation.md']) {
      expect(read(path), path).toMatch(/back pain with a fever, call your doctor the same day/);
    }
    expect(read('es/about/book-consultation.md')).toMatch(/dolor de espalda con fiebre, llame a su médico el mismo día/i);
  });

  it.each(['procedure/intrathecal-pump.md', 'procedure/spinal-cord-stimulation.md', 'es/procedure/intrathecal-pump.md', 'es/procedure/spinal-cord-stimulation.md'])(
    '%s says what to do for infection at the device and for emergencies',
    (path) => {
      const levels = new Set(situationsIn(read(path)).map((s) => s.instruction.level));
      expect(levels).toEqual(new Set(['emergency', 'doctor-today']));
    },
  );

  it.each(['procedure/intrathecal-pump.md', 'es/procedure/intrathecal-pump.md'])('%s sends pump withdrawal to the emergency room, not urgent care', (path) => {
    expect(read(path)).toMatch(/emergency room or call 911, not urgent care|sala de emergencias o llame al 911, no a un centro de atención de urgencia/);
  });

  it.each([
    ['procedure/epidural-steroid-injection.md', /FDA/, /3 or 4 a year/],
    ['es/procedure/epidural-steroid-injection.md', /FDA/, /3 o 4/],
    ['procedure/facet-joint-injection.md', /medial branch block/, /ASRA/],
    ['procedure/radiofrequency-ablation.md', /medial branch block/, /ASRA/],
    ['es/procedure/facet-joint-injection.md', /rama medial/, /ASRA/],
    ['procedure/vertebroplasty-kyphoplasty.md', /fake procedure/, /lungs/],
    ['es/procedure/vertebroplasty-kyphoplasty.md', /simulad|falso/, /pulmones/],
    ['condition/spinal-stenosis.md', /LESS/, /short time/],
    ['procedure/joint-injection.md', /AAOS|Academy of Orthopaedic Surgeons/, /mixed/],
    ['condition/knee-pain.md', /AAOS|Academy of Orthopaedic Surgeons/, /mixed/],
    ['about/procedure-day.md', /24 hours/, /numb or weak/],
    ['about/specialist-training.md', /anesthesiology/, /rehabilitation/],
  ])('%s says %s and %s', (path, first, second) => {
    const text = read(path);
    expect(text).toMatch(first);
    expect(text).toMatch(second);
  });

  it('no longer promises stenosis relief for "weeks to months"', () => {
    expect(read('condition/spinal-stenosis.md')).not.toMatch(/weeks to months/);
  });

  it('answers "can an epidural cause paralysis" with the FDA warning, not the common mild side effects', () => {
    const reply = createResponder(bundleOf('knowledge')).reply('can an epidural cause paralysis');
    expect(reply.status).toBe('answer');
    if (reply.status !== 'answer') return;
    expect(reply.entryId).toBe('epidural-steroid-injection');
    expect(reply.passage.text).toMatch(/FDA/);
  });
});
