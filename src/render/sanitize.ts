/**
 * The one way knowledge HTML reaches the DOM: DOMPurify's output, as a DocumentFragment
 * (so no HTML string is ever assigned and Trusted Types stay satisfied). Only the tags
 * marked produces for plain Markdown survive; links pass the URL policy and external ones
 * open in a new tab without an opener or referrer.
 */
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { isExternalUrl, isSafeUrl } from './url-policy.js';

/** Tags an answer may contain. Everything else is removed, keeping its text. */
export const ALLOWED_TAGS = Object.freeze(['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
export const ALLOWED_ATTRIBUTES = Object.freeze(['href', 'title']);

let purifier: Purifier | undefined;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A private instance, so these hooks never touch a DOMPurify the host page uses.
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href');
    if (href === null || !isSafeUrl(href)) {
      node.removeAttribute('href');
      return;
    }
    if (isExternalUrl(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = instance;
  return instance;
}

/** Sanitizes build-time HTML from a knowledge file into a fragment ready to insert. */
export function sanitizeToFragment(html: string): DocumentFragment {
  return getPurifier().sanitize(String(html), {
    ALLOWED_TAGS: [...ALLOWED_TAGS],
    ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
