/**
 * The knowledge file's request, which the script tag may start early: at the visitor's
 * first sign of interest it asks for the chat's code and the knowledge at the same time,
 * and the chat, once its code has arrived, takes the response already on its way instead
 * of asking again. No DOM; the only side effect is the request itself.
 */
import { isSafeUrl } from '../render/url-policy.js';

/** Requests started before the chat's code arrived, by absolute URL; each is taken once. */
const early = new Map<string, Promise<Response>>();

function absolute(url: string): string {
  // Outside a page (unit tests, server-side rendering) a URL is taken as it is.
  return typeof document === 'undefined' ? url : new URL(url, document.baseURI).href;
}

/**
 * Subresource Integrity metadata as the `integrity` attribute takes it: one or more
 * `sha256-`, `sha384-` or `sha512-` hashes in base64, separated by spaces.
 */
const INTEGRITY = /^\s*(sha(256|384|512)-[A-Za-z0-9+/]+={0,2}\s*)+$/;

/** True when `integrity` is well-formed SRI metadata (a browser ignores malformed metadata, so the chat checks first). */
export function isIntegrity(integrity: string): boolean {
  return INTEGRITY.test(integrity);
}

/** The browser checks the response against `integrity` (SRI) and rejects it when they differ. */
const request = (url: string, integrity: string | undefined) =>
  fetch(url, integrity === undefined ? { credentials: 'same-origin' } : { credentials: 'same-origin', integrity: integrity.trim() });

const keyOf = (url: string, integrity: string | undefined) => `${integrity?.trim() ?? ''} ${absolute(url)}`;

/** Starts loading the knowledge at `url` now, for {@link fetchKnowledge} to take later. Never throws. */
export function prefetchKnowledge(url: string | null, integrity?: string): void {
  try {
    if (url === null || !isSafeUrl(url) || (integrity !== undefined && !isIntegrity(integrity))) return;
    const key = keyOf(url, integrity);
    if (early.has(key)) return;
    const pending = request(absolute(url), integrity);
    // A failure is reported when the chat takes the response, not here.
    pending.catch(() => undefined);
    early.set(key, pending);
  } catch {
    // An unusable URL: the chat reports it when it loads the knowledge itself.
  }
}

/** The response for `url` (checked against `integrity` when given): the one started early if there is one, else a new request. */
export function fetchKnowledge(url: string, integrity?: string): Promise<Response> {
  const key = keyOf(url, integrity);
  const pending = early.get(key);
  early.delete(key);
  return pending ?? request(absolute(url), integrity);
}
