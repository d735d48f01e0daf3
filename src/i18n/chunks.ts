/**
 * Where each locale's strings live: a chunk of its own, English too, loaded only for pages
 * in that language. The script tag starts it with the chat's code; `strings.ts` waits for it.
 */
import type { Locale } from './locale.js';
import type { Strings } from './strings.js';

export const LOCALE_CHUNKS: Readonly<Record<Locale, () => Promise<Strings>>> = {
  en: () => import('./en.js').then((module) => module.en),
  es: () => import('./es.js').then((module) => module.es),
};
