/**
 * Where each locale's strings other than English live: a chunk of its own, loaded only for
 * pages in that language. The script tag starts it early; `strings.ts` waits for it.
 */
import type { Locale } from './locale.js';
import type { Strings } from './strings.js';

export const LOCALE_CHUNKS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Strings>>> = {
  es: () => import('./es.js').then((module) => module.es),
};
