import { describe, expect, it } from 'vitest';
import { fleschKincaidGrade, sentencesOf, syllables } from '../../src/knowledge/readability.js';

describe('knowledge/readability', () => {
  describe('syllables', () => {
    it('counts vowel groups, not a silent final e', () => {
      expect(['pain', 'nerve', 'injection', 'table', 'the'].map(syllables)).toEqual([1, 1, 3, 2, 1]);
    });
  });
  describe('sentencesOf', () => {
    it('splits at sentence ends and at list lines', () => {
      expect(sentencesOf('One. Two!\n- three\n- four')).toEqual(['One.', 'Two!', '- three', '- four']);
    });
  });
  describe('fleschKincaidGrade', () => {
    it('rates short plain sentences low and long technical ones high', () => {
      expect(fleschKincaidGrade('The shot is quick. It may sting a bit. You can go home soon.')).toBeLessThan(3);
      expect(fleschKincaidGrade('Interventional anesthesiologists administer concentrated anesthetic medication circumferentially.')).toBeGreaterThan(16);
    });
    it('is 0 for text without words', () => {
      expect(fleschKincaidGrade('')).toBe(0);
    });
  });
});
