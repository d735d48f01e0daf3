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

/** The sentences of `text`: split at . ! ? and at line breaks (list items). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[A-Za-z]/.test(sentence));
}

/** Flesch-Kincaid grade level of `text`; 0 for text without words. */
export function fleschKincaidGrade(text: string): number {
  const words = wordsOf(text);
  const sentences = sentencesOf(text).length;
  if (words.length === 0 || sentences === 0) return 0;
  const syllableCount = words.reduce((sum, word) => sum + syllables(word), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllableCount / words.length) - 15.59;
}
