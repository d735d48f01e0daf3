import { describe, expect, it } from 'vitest';
import { ENGLISH, SPANISH, analyzerFor, foldText, isNearMiss, stem, terms, words } from '../../src/answer/normalize.js';

describe('answer/normalize', () => {
  describe('foldText', () => {
    it('lower-cases, removes accents and punctuation, and joins apostrophes', () => {
      expect(foldText("Can't I get an INYECCIÓN, José?!")).toBe('cant i get an inyeccion jose');
    });
    it('folds plain ASCII text (its fast path) exactly as it folds other text', () => {
      expect(foldText("It's 10:30\tNOW!\n(really)")).toBe('its 10 30 now really');
      expect(foldText("It's 10:30\tNOW!\n(réally)")).toBe('its 10 30 now really');
    });

    it('does not throw on lone surrogates and control characters', () => {
      expect(foldText('a\ud800b\u0000c\u202e')).toBe('a b c');
    });
  });

  describe('words', () => {
    it('drops empty words and words too long to be words', () => {
      expect(words(`  hi   ${'x'.repeat(60)} there `)).toEqual(['hi', 'there']);
    });

    it('spells out chat shorthand', () => {
      expect(words('wat r u guys doing b4 my 1st appt')).toEqual(['what', 'are', 'you', 'guys', 'doing', 'before', 'my', 'first', 'appt']);
    });
  });

  describe('stem', () => {
    it('gives one stem for the forms of a word', () => {
      expect(new Set(['injection', 'injections', 'injected', 'injecting'].map(stem))).toEqual(new Set(['inject']));
      expect(stem('therapies')).toBe('therapy');
      expect(stem('lasts')).toBe(stem('lasting'));
    });
    it('leaves short words and words ending in ss, us or is alone', () => {
      expect(['leg', 'stress', 'sinus', 'arthritis'].map(stem)).toEqual(['leg', 'stress', 'sinus', 'arthritis']);
    });
  });

  describe('terms', () => {
    it('keeps topic words and removes question words', () => {
      expect(terms('How long does the epidural last?')).toEqual(['long', 'epidural', 'last']);
    });
  });

  describe('isNearMiss', () => {
    it('accepts one typo in a word of five or more letters', () => {
      expect(isNearMiss('bladdr', 'bladder')).toBe(true);
      expect(isNearMiss('epidrual', 'epidural')).toBe(true);
    });
    it('does not confuse words that differ in their first letter', () => {
      expect(isNearMiss('ladder', 'bladder')).toBe(false);
    });
    it('does not correct short words', () => {
      expect(isNearMiss('pan', 'pain')).toBe(false);
    });
  });
});

describe('the Spanish analyzer', () => {
  it('brings plural, gender, accent and -ción forms of a word together, and drops Spanish filler', () => {
    const same = (a: string, b: string) => expect(SPANISH.terms(a)).toEqual(SPANISH.terms(b));
    same('inyecciones', 'inyección');
    same('nervios', 'nervio');
    same('bloqueos', 'bloqueo');
    same('dolorosa', 'doloroso');
    expect(SPANISH.terms('¿Cuánto dura el alivio de la inyección?')).toEqual(['dura', 'alivi', 'inyec']);
    expect(SPANISH.terms('')).toEqual([]);
  });

  it('is the analyzer of a Spanish bundle only, with a fingerprint of its own', () => {
    expect(analyzerFor('es')).toBe(SPANISH);
    expect(analyzerFor(undefined)).toBe(ENGLISH);
    expect(analyzerFor('fr')).toBe(ENGLISH);
    expect(SPANISH.fingerprint).not.toBe(ENGLISH.fingerprint);
    expect(ENGLISH.terms('injections')).toEqual(terms('injections'));
  });
});
