/**
 * Every string a visitor can see, by locale. The element, the CLI and the studio take
 * their words from here; nothing visible is written inline elsewhere.
 */
import { LOCALE_CHUNKS } from './chunks.js';
import { type Locale, resolveLocale } from './locale.js';

export interface Strings {
  launcherLabel: string;
  launcherText: string;
  panelTitle: (clinic: string) => string;
  defaultClinicName: string;
  close: string;
  greeting: (clinic: string) => string;
  starterHeading: string;
  starters: string[];
  inputLabel: string;
  inputPlaceholder: string;
  send: string;
  clear: string;
  disclaimer: string;
  conversationLabel: string;
  you: string;
  assistant: string;
  sourcesLabel: string;
  reviewed: (date: string) => string;
  relatedLabel: string;
  clarifyIntro: string;
  fallback: string;
  smallTalk: Record<'greeting' | 'thanks' | 'goodbye', string>;
  urgentTitle: string;
  callEmergency: (number: string) => string;
  callCrisis: (number: string) => string;
  callPoison: (number: string) => string;
  bookPrompt: string;
  book: string;
  call: (phone: string) => string;
  loading: string;
  slow: string;
  unavailable: string;
  emptyQuestion: string;
  questionTooLong: (max: number) => string;
}


const loaded: Partial<Record<Locale, Strings>> = {};
const loading = new Map<Locale, Promise<void>>();

/**
 * The strings for `locale` ("es", "es-MX" → Spanish) once {@link loadStrings} has brought
 * them; English where those could not load, and for anything unknown; `undefined` until
 * then. Every language, English too, is a chunk of its own, so a page downloads only its own.
 */
export function stringsFor(locale: string | null | undefined): Strings | undefined {
  return loaded[resolveLocale(locale)] ?? loaded.en;
}

/** {@link stringsFor}, for callers that have awaited {@link loadStrings}: throws if nothing has loaded. */
export function requireStrings(locale: string | null | undefined): Strings {
  const strings = stringsFor(locale);
  if (!strings) throw new Error(`the ${resolveLocale(locale)} strings are not loaded: await loadStrings() first`);
  return strings;
}

/** True when {@link stringsFor} already gives `locale`'s own strings. */
export function hasStrings(locale: string | null | undefined): boolean {
  return loaded[resolveLocale(locale)] !== undefined;
}

function loadChunk(locale: Locale): Promise<void> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOCALE_CHUNKS[locale]().then(
      (strings) => void (loaded[locale] = strings),
      () => void loading.delete(locale),
    );
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Loads the strings for `locale` (once), and English instead when they cannot load. Never
 * rejects: when nothing can load, {@link stringsFor} stays `undefined`.
 */
export async function loadStrings(locale: string | null | undefined): Promise<void> {
  const resolved = resolveLocale(locale);
  if (!loaded[resolved]) await loadChunk(resolved);
  if (!loaded[resolved] && !loaded.en) await loadChunk('en');
}
