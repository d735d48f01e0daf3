import { describe, expect, it } from 'vitest';
import { knowledgeWords } from '../../src/answer/reply.js';
import { createTriage } from '../../src/answer/triage.js';
import { bundleOf } from '../helpers.js';

const bundle = bundleOf('knowledge');
const triage = createTriage(bundle.urgent, knowledgeWords(bundle));
const levelOf = (question: string) => triage(question)[0]?.level ?? null;

describe('answer/triage', () => {
  describe('createTriage', () => {
    it.each([
      ["my legs went numb and I can't hold my bladder", 'emergency'],
      ['I lost control of my bowels and my back is killing me', 'emergency'],
      ['numbness in my groin since this morning', 'emergency'],
      ['sudden weakness in both legs', 'emergency'],
      ['I have crushing chest pain', 'emergency'],
      ["I can't breathe", 'emergency'],
      ['i was in a car accident and my neck hurts', 'emergency'],
      ['I want to kill myself, the pain never stops', 'crisis'],
      ['sometimes I think about suicide', 'crisis'],
      ['I took too many oxycodone pills', 'poison'],
      ['my injection site has pus and I have a fever', 'doctor-today'],
      ['bad headache and stiff neck after my epidural', 'doctor-today'],
      ['my pain pump alarm is beeping', 'doctor-today'],
    ])('fires on %j as %s', (question, level) => {
      expect(levelOf(question)).toBe(level);
    });

    it('forgives typos in symptom words', () => {
      expect(levelOf('cant controll my bladdr')).toBe('emergency');
      expect(levelOf('sucidal thoughts')).toBe('crisis');
    });

    it.each([
      'is a spinal cord stimulator safe?',
      'can a nerve block stop pain after a fall last year?',
      'what is an epidural steroid injection',
      'how long does radiofrequency ablation last',
      'does insurance cover a nerve block',
      'I fell off a ladder last year and my back still hurts',
    ])('does not fire on the ordinary question %j', (question) => {
      expect(triage(question)).toEqual([]);
    });

    it('does not fire a negatable rule on "no fever"', () => {
      expect(levelOf('no fever after my injection, is soreness normal')).toBeNull();
      expect(levelOf("I don't have a fever but my shot site is sore")).toBeNull();
    });

    it('still fires when a negation is in another part of the sentence', () => {
      expect(levelOf('no idea why, but I have a fever after the injection')).toBe('doctor-today');
    });

    it.each([
      ['my husband says he has a plan to end his life', 'crisis'],
      ['i just want to go to sleep and never wake up', 'crisis'],
      ['my 3 year old chewed on my fentanyl patch', 'poison'],
      ['had some wine and took my oxycodone, now im dizzy', 'poison'],
      ['my throat feels like it is closing after the shot', 'emergency'],
      ['her mouth is crooked and she is talking gibberish', 'emergency'],
      ['cant bend my neck and i have a high temp', 'emergency'],
      ['the battery site of my stimulator is swollen and red', 'doctor-today'],
      ['i feel dizzy all of a sudden after my shot', 'doctor-today'],
    ])('catches the indirect wording %j as %s', (question, level) => {
      expect(levelOf(question)).toBe(level);
    });

    it('does not treat worsening pain alone as urgent', () => {
      expect(triage('my back pain is getting worse, what can you do')).toEqual([]);
    });

    it.each(['can a stimulator shock you', 'how much tylenol is too much in a day', 'is it safe to double my gabapentin dose', 'what if i get a fever after the procedure'])(
      'lets a rule\'s "unless" phrases keep it quiet for %j',
      (question) => {
        expect(triage(question)).toEqual([]);
      },
    );

    it('reads "fewer" as a word, not as a typo of "fever"', () => {
      expect(triage('will the injections mean i need fewer pain pills')).toEqual([]);
    });

    it('lists every level that fired, most urgent first, with the advice of the locale', () => {
      const findings = triage('I took too many pills and I want to die', 'es');
      expect(findings.map((f) => f.level)).toEqual(['crisis', 'poison']);
      expect(findings[0]?.advice).toMatch(/^No tiene que pasar por esto solo/);
    });
  });
});
