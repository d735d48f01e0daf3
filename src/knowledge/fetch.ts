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

const request = (url: string) => fetch(url, { credentials: 'same-origin' });

/** Starts loading the knowledge at `url` now, for {@link fetchKnowledge} to take later. Never throws. */
export function prefetchKnowledge(url: string | null): void {
  try {
    if (url === null || !isSafeUrl(url)) return;
    const key = absolute(url);
    if (early.has(key)) return;
    const pending = request(key);
    // A failure is reported when the chat takes the response, not here.
    pending.catch(() => undefined);
    early.set(key, pending);
  } catch {
    // An unusable URL: the chat reports it when it loads the knowledge itself.
  }
}

/** The response for `url`: the one started early if there is one, else a new request. */
export function fetchKnowledge(url: string): Promise<Response> {
  const key = absolute(url);
  const pending = early.get(key);
  early.delete(key);
  return pending ?? request(key);
}
