/**
 * The sanitizer for browsers without the HTML Sanitizer API: DOMPurify, loaded on demand
 * (see `sanitize.ts`), so browsers that have one never download it.
 */
import DOMPurify from 'dompurify';

/** A private DOMPurify instance for `allowed`, so nothing touches a DOMPurify the host page uses. */
export function createPurifier(allowed: { tags: readonly string[]; attributes: readonly string[] }): (html: string) => DocumentFragment {
  const instance = DOMPurify(window);
  return (html) =>
    instance.sanitize(html, {
      ALLOWED_TAGS: [...allowed.tags],
      ALLOWED_ATTR: [...allowed.attributes],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
    });
}
