/**
 * Every string a visitor can see, by locale. The element, the CLI and the studio take
 * their words from here; nothing visible is written inline elsewhere.
 */
import { LOCALE_CHUNKS } from './chunks.js';
import { type Locale, resolveLocale } from './locale.js';

export interface Strings {
  /** Writing direction of these strings: `rtl` lays the panel out right to left. */
  dir: 'ltr' | 'rtl';
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
  /** The reply to a request only the clinic's staff can handle (a refill, results, an appointment, records, a bill). */
  needsClinic: string;
  portal: string;
  smallTalk: Record<'greeting' | 'thanks' | 'goodbye', string>;
  urgentTitle: string;
  callEmergency: (number: string) => string;
  callCrisis: (number: string) => string;
  /** The crisis line's second button: a text message (`sms:`), which 988 takes as well as calls. */
  textCrisis: (number: string) => string;
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

/**
 * What a webmaster may change (the `strings` property, or the `strings` attribute as JSON):
 * any string, with `{clinic}`, `{date}`, `{number}`, `{phone}` or `{max}` where the
 * English text has a name or number in it; a list of starter questions; small-talk replies.
 */
export type StringOverrides = {
  [K in keyof Strings]?: Strings[K] extends (value: never) => string
    ? string | Strings[K]
    : Strings[K] extends Record<string, string>
      ? Partial<Strings[K]>
      : Strings[K];
};

/** What each template's `{…}` stands for, by key (the functions of {@link Strings} take one value). */
const PLACEHOLDER = /\{(clinic|date|number|phone|max)\}/g;

/**
 * `base` with the webmaster's `overrides` applied. Unknown keys and values of the wrong
 * kind are skipped and named in the returned `problems`, so a typo never blanks the chat.
 */
export function withOverrides(base: Strings, overrides: unknown): { strings: Strings; problems: string[] } {
  const problems: string[] = [];
  if (overrides === null || overrides === undefined) return { strings: base, problems };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) return { strings: base, problems: ['"strings" must be an object of texts, like {"launcherText": "Ask us"}'] };
  const strings: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    const current = (base as unknown as Record<string, unknown>)[key];
    if (current === undefined) problems.push(`"strings" has no text named ${JSON.stringify(key)}`);
    else if (typeof current === 'function' && typeof value === 'string') strings[key] = (filler: unknown) => value.replace(PLACEHOLDER, () => String(filler));
    else if (typeof current === 'function' && typeof value === 'function') strings[key] = (filler: unknown) => String((value as (v: unknown) => unknown)(filler));
    else if (key === 'dir' && (value === 'ltr' || value === 'rtl')) strings[key] = value;
    else if (typeof current === 'string' && key !== 'dir' && typeof value === 'string') strings[key] = value;
    else if (Array.isArray(current) && Array.isArray(value) && value.every((v) => typeof v === 'string')) strings[key] = value.slice(0, 6);
    else if (key === 'smallTalk' && typeof value === 'object' && value !== null) {
      const merged: Record<string, string> = { ...base.smallTalk };
      for (const [kind, text] of Object.entries(value as Record<string, unknown>)) {
        if (kind in merged && typeof text === 'string') merged[kind] = text;
        else problems.push(`"strings.smallTalk" has no text named ${JSON.stringify(kind)} or it is not text`);
      }
      strings[key] = merged;
    } else problems.push(`"strings.${key}" must be ${key === 'dir' ? '"ltr" or "rtl"' : Array.isArray(current) ? 'a list of texts' : 'text'}`);
  }
  return { strings: strings as unknown as Strings, problems };
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
