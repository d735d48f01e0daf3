/** The locales the widget ships, and how a requested locale resolves to one of them. */
export const SUPPORTED_LOCALES = Object.freeze(['en', 'es'] as const);
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The shipped locale for `locale` ("es-MX" → "es"); English for anything unknown or missing. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const language = String(locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : 'en';
}
