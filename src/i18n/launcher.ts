/**
 * The launcher's words, by locale: the only strings the script tag needs before the chat's
 * code has loaded, kept apart so the loader stays small.
 */
import type { Locale } from './locale.js';

export const LAUNCHER_STRINGS: Readonly<Record<Locale, { text: string; label: string }>> = Object.freeze({
  en: { text: 'Questions?', label: 'Open pain care questions chat' },
  es: { text: '¿Preguntas?', label: 'Abrir el chat de preguntas sobre el dolor' },
});
