/**
 * Attributes (on the element, or `data-*` on the script tag) → a checked configuration.
 * Pure: takes a lookup function, returns the configuration and what was wrong with it.
 * A bad value never breaks the widget; it is replaced by the default and reported once.
 */
import { DEFAULT_URGENT_NUMBERS } from '../answer/urgent-numbers.js';
import { type Locale, resolveLocale } from '../i18n/locale.js';
import { isSafeUrl } from '../render/url-policy.js';

/** The attributes the element reads, in kebab-case; the script tag takes the same names as `data-*`. */
export const ATTRIBUTES = Object.freeze([
  'knowledge',
  'clinic-name',
  'booking-url',
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

/** A colour as CSS writes one (`#0a7`, `rgb(0 120 90)`, `teal`); the element asks the browser whether it is real. */
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch|color)\([-+0-9a-z.,%\s/]*\))$/i;

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

const PHONE = /^[+()\d\s.\-]{3,30}$/;

/** The `tel:` URL for a phone number as people write it ("(555) 010-2000" → "tel:5550102000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * Reads the configuration. `get(name)` returns the attribute's value or `null`;
 * `fallbackLocale` is used when `locale` is not set (the page's `lang`).
 */
export function readConfig(get: (name: AttributeName) => string | null, fallbackLocale?: string | null): { config: WidgetConfig; warnings: ConfigWarning[] } {
  const warnings: ConfigWarning[] = [];
  const text = (name: AttributeName): string | null => {
    const value = get(name);
    return value === null || value.trim() === '' ? null : value.trim().slice(0, 500);
  };
  const url = (name: AttributeName): string | null => {
    const value = text(name);
    if (value === null) return null;
    if (isSafeUrl(value)) return value;
    warnings.push({ code: 'bad-url', attribute: name, message: `"${name}" ${JSON.stringify(value)} is not allowed; use an https:, http:, tel:, mailto: or relative URL` });
    return null;
  };
  const oneOf = <T extends string>(name: AttributeName, allowed: readonly T[], fallback: T): T => {
    const value = text(name);
    if (value === null) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    warnings.push({ code: 'bad-value', attribute: name, message: `"${name}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}, using ${JSON.stringify(fallback)}` });
    return fallback;
  };
  const number = (name: AttributeName, fallback: string): string => {
    const value = text(name);
    if (value === null) return fallback;
    if (PHONE.test(value)) return value;
    warnings.push({ code: 'bad-phone', attribute: name, message: `"${name}" must be a phone number like 911 or +1 555 010 2000; got ${JSON.stringify(value)}, using ${fallback}` });
    return fallback;
  };

  const phoneValue = text('phone');
  let phone: string | null = null;
  if (phoneValue !== null) {
    if (PHONE.test(phoneValue)) phone = phoneValue;
    else warnings.push({ code: 'bad-phone', attribute: 'phone', message: `"phone" must be a phone number like (555) 010-2000; got ${JSON.stringify(phoneValue)}` });
  }
  const flag = (name: AttributeName): boolean => {
    const value = get(name);
    return value !== null && value !== 'false';
  };
  const accentValue = text('accent');
  let accent: string | null = null;
  if (accentValue !== null) {
    if (COLOR.test(accentValue) && accentValue.length <= 100) accent = accentValue;
    else warnings.push({ code: 'bad-color', attribute: 'accent', message: `"accent" must be a CSS colour like #1f5f8b or rgb(31 95 139); got ${JSON.stringify(accentValue)}, using --pcc-accent` });
  }
  let strings: unknown = null;
  const stringsValue = get('strings');
  if (stringsValue !== null && stringsValue.trim() !== '') {
    try {
      strings = JSON.parse(stringsValue);
    } catch {
      warnings.push({ code: 'bad-strings', attribute: 'strings', message: `"strings" must be JSON, like {"launcherText": "Ask us"}; it is not, so the chat's own words are used` });
    }
  }
  const config: WidgetConfig = {
    knowledge: url('knowledge'),
    clinicName: text('clinic-name'),
    bookingUrl: url('booking-url'),
    phone,
    phoneHref: phone === null ? null : telHref(phone),
    locale: resolveLocale(text('locale') ?? fallbackLocale),
    position: oneOf('position', POSITIONS, DEFAULTS.position),
    mode: oneOf('mode', MODES, DEFAULTS.mode),
    open: flag('open'),
    accent,
    theme: oneOf('theme', THEMES, DEFAULTS.theme),
    shareQuestions: flag('share-questions'),
    strings,
    integrity: text('integrity'),
    emergencyNumber: number('emergency-number', DEFAULTS.emergencyNumber),
    crisisLine: number('crisis-line', DEFAULTS.crisisLine),
    poisonControl: number('poison-control', DEFAULTS.poisonControl),
  };
  return { config, warnings };
}
