/**
 * The launcher's words, by locale: the only strings the script tag needs before the chat's
 * code has loaded, kept apart so the loader stays small.
 */
import type { Locale } from './locale.js';

export interface LauncherStrings {
  text: string;
  label: string;
  /** Shown when the chat's code could not load (offline, blocked): the way to reach the clinic meanwhile. */
  unavailable: string;
  retry: string;
  book: string;
  call: string;
}

export const LAUNCHER_STRINGS: Readonly<Record<Locale, LauncherStrings>> = Object.freeze({
  en: {
    text: 'Questions?',
    label: 'Open pain care questions chat',
    unavailable: 'The chat could not load. Check your connection and try again, or contact the clinic.',
    retry: 'Try again',
    book: 'Book a consultation',
    call: 'Call',
  },
  es: {
    text: '¿Preguntas?',
    label: 'Abrir el chat de preguntas sobre el dolor',
    unavailable: 'El chat no pudo cargarse. Revise su conexión e intente de nuevo, o comuníquese con la clínica.',
    retry: 'Intentar de nuevo',
    book: 'Reservar una consulta',
    call: 'Llamar al',
  },
});
