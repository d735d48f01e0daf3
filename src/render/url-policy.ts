/**
 * The one place that decides which URLs may become a link or a booking target.
 * Pure: used by the knowledge compiler at build time and by the element at run time.
 */

/** Schemes a link may use. Anything else (javascript:, data:, vbscript:, file:, …) is refused. */
export const ALLOWED_URL_SCHEMES: readonly string[] = Object.freeze(['https:', 'http:', 'tel:', 'mailto:']);

// Browsers drop ASCII tab and newline anywhere in a URL and C0 controls or spaces at its
// ends, so "java\tscript:" is javascript:. Strip the same before reading the scheme.
// eslint-disable-next-line no-control-regex
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The scheme of `url` in lower case with its colon (`"https:"`), or `null` for a relative URL. */
export function urlScheme(url: string): string | null {
  const match = SCHEME.exec(url.replace(IGNORED_BY_BROWSERS, ''));
  return match ? `${match[1]!.toLowerCase()}:` : null;
}

/** True when `url` is relative or uses one of {@link ALLOWED_URL_SCHEMES}. */
export function isSafeUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  const scheme = urlScheme(url);
  return scheme === null || ALLOWED_URL_SCHEMES.includes(scheme);
}

/** True when a link to `url` leaves the page's own site (an absolute http(s) URL). */
export function isExternalUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === 'https:' || scheme === 'http:' || url.trim().startsWith('//');
}
