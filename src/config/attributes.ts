/**
 * The attributes the chat takes (on the element, or `data-*` on the script tag): their
 * names, values, defaults and the configuration they make. Reading them is in
 * read-config.ts, which only the chat's code needs; this part the script tag needs too.
 */
import { DEFAULT_URGENT_NUMBERS } from '../answer/urgent-numbers.js';
import type { Locale } from '../i18n/locale.js';

/** The attributes the element reads, in kebab-case; the script tag takes the same names as `data-*`. */
export const ATTRIBUTES = Object.freeze([
  'knowledge',
  'clinic-name',
  'booking-url',
  'portal-url',
  'phone',
  'locale',
  'position',
  'mode',
  'open',
  'emergency-number',
  'crisis-line',
  'poison-control',
  'accent',
  'theme',
  'share-questions',
  'strings',
  'integrity',
] as const);
export type AttributeName = (typeof ATTRIBUTES)[number];

export const POSITIONS = Object.freeze(['bottom-right', 'bottom-left'] as const);
export const MODES = Object.freeze(['floating', 'inline'] as const);
export const THEMES = Object.freeze(['auto', 'light', 'dark'] as const);

/** File name of the default knowledge, resolved beside the script that loads the widget. */
export const DEFAULT_KNOWLEDGE_FILE = 'knowledge.json';

/** The default knowledge file for a language: `knowledge.json` for English, `knowledge.es.json` for Spanish (built from `knowledge/es/`). */
export function defaultKnowledgeFile(locale: Locale): string {
  return locale === 'en' ? DEFAULT_KNOWLEDGE_FILE : `knowledge.${locale}.json`;
}

export const DEFAULTS = Object.freeze({
  position: 'bottom-right',
  mode: 'floating',
  theme: 'auto',
  emergencyNumber: DEFAULT_URGENT_NUMBERS.emergency,
  crisisLine: DEFAULT_URGENT_NUMBERS.crisis,
  poisonControl: DEFAULT_URGENT_NUMBERS.poison,
} as const);

export interface WidgetConfig {
  /** URL of the knowledge bundle, or `null` to use the default beside the script. */
  knowledge: string | null;
  /** Clinic name shown in the header and greeting, or `null` for the locale's "our clinic". */
  clinicName: string | null;
  /** Checked booking URL, or `null` when none was given or it was refused. */
  bookingUrl: string | null;
  /** Checked patient-portal URL (refills, results, appointments, bills), or `null`. */
  portalUrl: string | null;
  /** Phone number as given (for display), or `null`. */
  phone: string | null;
  /** `tel:` link for {@link phone}, or `null`. */
  phoneHref: string | null;
  locale: Locale;
  position: (typeof POSITIONS)[number];
  mode: (typeof MODES)[number];
  open: boolean;
  /** Brand colour from the `accent` attribute, or `null` to use `--pcc-accent`. */
  accent: string | null;
  /** `auto` follows the visitor's system (prefers-color-scheme). */
  theme: (typeof THEMES)[number];
  /** Put the question text in `pcc-reply` events (the webmaster's analytics then receives it). */
  shareQuestions: boolean;
  /** The webmaster's own texts (the `strings` attribute, parsed), or `null`. */
  strings: unknown;
  /** Subresource Integrity hash the knowledge file must match (`sha384-…`), or `null`. */
  integrity: string | null;
  emergencyNumber: string;
  crisisLine: string;
  poisonControl: string;
}

/** A problem with one attribute: `code` is stable for the console and tests. */
export interface ConfigWarning {
  code: 'bad-url' | 'bad-value' | 'bad-phone' | 'bad-color' | 'bad-strings';
  attribute: AttributeName;
  message: string;
}

export const PHONE = /^[+()\d\s.\-]{3,30}$/;

/** Whether `value` reads as a phone number: 3 to 30 of digits, spaces and `+ ( ) . -`. */
export function isPhone(value: string): boolean {
  return PHONE.test(value.trim());
}

/** The `tel:` URL for a phone number as people write it ("(555) 010-2000" → "tel:5550102000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** An `sms:` URL for a phone number, for a text message instead of a call (the crisis line). */
export function smsHref(phone: string): string {
  return `sms:${phone.replace(/[^\d+]/g, '')}`;
}
