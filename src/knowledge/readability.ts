/**
 * Reading level of plain text, for the knowledge checker. Pure.
 *
 * Uses the Flesch-Kincaid grade level:
 *   0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 * with syllables counted as vowel groups (a silent final "e" not counted) and each line
 * of a list counted as a sentence.
 */

/** Highest Flesch-Kincaid grade an entry may read at. Lower is easier to read. */
export const MAX_GRADE = 8;

/** Most words a summary (the passage shown by default) may have. */
export const MAX_SUMMARY_WORDS = 60;

const WORD = /[A-Za-z0-9][A-Za-z0-9'’-]*/g;

/** Estimated syllables in one English word. */
export function syllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return 1;
  let count = (letters.match(/[aeiouy]+/g) ?? []).length;
  if (letters.endsWith('e') && !letters.endsWith('le') && count > 1) count--;
  return Math.max(1, count);
}

/** The words of `text`. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The sentences of `text` (in any language): split at . ! ? and at line breaks (list items). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}

/** Flesch-Kincaid grade level of `text`; 0 for text without words. */
export function fleschKincaidGrade(text: string): number {
  const words = wordsOf(text);
  const sentences = sentencesOf(text).length;
  if (words.length === 0 || sentences === 0) return 0;
  const syllableCount = words.reduce((sum, word) => sum + syllables(word), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllableCount / words.length) - 15.59;
}

const SPANISH_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * Estimated syllables in one Spanish word: vowel groups, where two strong vowels (a, e, o)
 * side by side, or an accented í or ú, make two syllables ("le-ón", "dí-a").
 */
export function syllablesSpanish(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '');
  if (letters === '') return 1;
  const marked = letters
    .replace(/([aeoáéó])(?=[aeoáéó])/g, '$1|')
    .replace(/([aeiouáéóü])(?=[íú])/g, '$1|')
    .replace(/([íú])(?=[aeiouáéóü])/g, '$1|');
  return Math.max(1, (marked.match(/[aeiouáéíóúü]+/g) ?? []).length);
}

/**
 * School grade of Spanish `text` by Crawford's formula (1984), made for Spanish, as the
 * counterpart of Flesch-Kincaid:
 *   −0.205 × (sentences per 100 words) + 0.049 × (syllables per 100 words) − 3.407
 * 0 for text without words.
 */
export function crawfordGrade(text: string): number {
  const words = text.match(SPANISH_WORD) ?? [];
  const sentences = sentencesOf(text).length;
  if (words.length === 0 || sentences === 0) return 0;
  const syllableCount = words.reduce((sum, word) => sum + syllablesSpanish(word), 0);
  return -0.205 * ((sentences / words.length) * 100) + 0.049 * ((syllableCount / words.length) * 100) - 3.407;
}

/** The reading grade of `text` by the formula for its language: Crawford for Spanish, Flesch-Kincaid otherwise. */
export function readingGrade(text: string, locale: string | undefined): { grade: number; formula: string } {
  return locale === 'es' ? { grade: crawfordGrade(text), formula: 'Crawford' } : { grade: fleschKincaidGrade(text), formula: 'Flesch-Kincaid' };
}

/** The words of `text` in its language (Spanish words keep their accented letters). */
export function wordsIn(text: string, locale: string | undefined): string[] {
  return locale === 'es' ? (text.match(SPANISH_WORD) ?? []) : wordsOf(text);
}
