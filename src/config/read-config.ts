/**
 * Attributes (on the element, or `data-*` on the script tag) → a checked configuration.
 * Pure: takes a lookup function, returns the configuration and what was wrong with it.
 * A bad value never breaks the widget; it is replaced by the default and reported once.
 */
import { resolveLocale } from '../i18n/locale.js';
import { isSafeUrl } from '../render/url-policy.js';
import { type AttributeName, type ConfigWarning, DEFAULTS, MODES, PHONE, POSITIONS, THEMES, type WidgetConfig, telHref } from './attributes.js';

/** A colour as CSS writes one (`#0a7`, `rgb(0 120 90)`, `teal`); the element asks the browser whether it is real. */
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch|color)\([-+0-9a-z.,%\s/]*\))$/i;

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
    portalUrl: url('portal-url'),
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
