/**
 * The one way knowledge HTML reaches the DOM: a sanitizer's output, as a DocumentFragment
 * (so no HTML string is ever assigned and Trusted Types stay satisfied).
 *
 * The sanitizer is the browser's own where it has the HTML Sanitizer API (`setHTML`, in
 * Chromium and Firefox): it parses into an inert tree and never runs or loads anything.
 * Elsewhere it is DOMPurify, loaded on demand from its own chunk. Either way the result is
 * then walked once more against the allowlist below, so the allowlist, not the browser
 * version, decides what survives: only the tags marked produces for plain Markdown, no
 * attribute but `href` and `title`, links that pass the URL policy, and external links
 * opening in a new tab without an opener or referrer.
 */
import { isExternalUrl, isSafeUrl } from './url-policy.js';

/**
 * Tags an answer may contain. Everything else is removed (DOMPurify keeps its text, the
 * browser's sanitizer drops it; the compiler never writes other tags, so only a
 * hand-edited knowledge file sees the difference).
 */
export const ALLOWED_TAGS = Object.freeze(['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
export const ALLOWED_ATTRIBUTES = Object.freeze(['href', 'title']);

type Sanitize = (html: string) => DocumentFragment;

let sanitize: Sanitize | undefined;
let preparing: Promise<void> | undefined;

// Checks that the browser's sanitizer honours our configuration before trusting it: an
// early or partial implementation that ignored it would let other elements through. No
// `on*` attribute in it: Chromium 156 reports a `script-src-attr` violation for any handler
// given to `setHTML`, even one it strips, and a strict-CSP page would log that on every load.
const PROBE = '<p title="t">a<u>u</u><b lang="x">b</b><a href="https://e.test/">c</a></p><style>p{}</style>';
const PROBE_RESULT = '<p title="t">a<b>b</b><a href="https://e.test/">c</a></p>';

/**
 * Renames every `on…` attribute inside the tags of `html` to `data-x-on…`, so the browser's
 * sanitizer never sees an event handler (and a strict-CSP page reports no violation for a
 * hand-edited passage that has one); the allowlist removes the renamed attribute anyway.
 * One pass over the text, in linear time: a tag is read up to its `>` outside quotes.
 */
export function defuseEventHandlers(html: string): string {
  let out = '';
  let from = 0;
  let inTag = false;
  let quote = '';
  for (let i = 0; i < html.length; i++) {
    const c = html[i]!;
    if (!inTag) {
      if (c === '<' && /[a-z]/i.test(html[i + 1] ?? '')) inTag = true;
    } else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      inTag = false;
    } else if ((c === 'o' || c === 'O') && (html[i + 1] === 'n' || html[i + 1] === 'N') && /[\s/"']/.test(html[i - 1] ?? '')) {
      // An attribute name starting "on" (after a space, a slash or a closing quote).
      out += html.slice(from, i) + 'data-x-';
      from = i;
    }
  }
  return out + html.slice(from);
}

type SetHTML = (html: string, options: { sanitizer: { elements: string[]; attributes: string[]; comments: boolean } }) => void;

function nativeSanitizer(): Sanitize | undefined {
  try {
    const setHTML = (Element.prototype as unknown as { setHTML?: SetHTML }).setHTML;
    if (typeof setHTML !== 'function') return undefined;
    const options = { sanitizer: { elements: [...ALLOWED_TAGS], attributes: [...ALLOWED_ATTRIBUTES], comments: false } };
    const run: Sanitize = (html) => {
      const holder = document.createElement('div');
      setHTML.call(holder, defuseEventHandlers(html), options);
      const fragment = document.createDocumentFragment();
      fragment.append(...holder.childNodes);
      return fragment;
    };
    const probe = document.createElement('div');
    probe.append(run(PROBE));
    return probe.innerHTML === PROBE_RESULT ? run : undefined;
  } catch {
    return undefined;
  }
}

const ALLOWED_TAG_NAMES = new Set(ALLOWED_TAGS.map((tag) => tag.toUpperCase()));

/**
 * Removes from `root` every element the allowlist does not name (keeping its text), every
 * attribute but the allowed ones, and every link the URL policy refuses; marks external
 * links to open without an opener or referrer.
 */
export function enforceAllowlist(root: DocumentFragment): DocumentFragment {
  const walk = (parent: Node) => {
    for (const node of [...parent.childNodes]) {
      if (node.nodeType === Node.TEXT_NODE) continue;
      if (node.nodeType !== Node.ELEMENT_NODE) {
        node.remove();
        continue;
      }
      const element = node as Element;
      walk(element);
      if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !ALLOWED_TAG_NAMES.has(element.tagName)) {
        element.replaceWith(...element.childNodes);
        continue;
      }
      for (const { name } of [...element.attributes]) if (!ALLOWED_ATTRIBUTES.includes(name)) element.removeAttribute(name);
      const href = element.getAttribute('href');
      if (href === null) continue;
      if (element.tagName !== 'A' || !isSafeUrl(href)) element.removeAttribute('href');
      else if (isExternalUrl(href)) {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      }
    }
  };
  walk(root);
  return root;
}

/**
 * Gets the sanitizer ready: at once where the browser has its own, else after DOMPurify's
 * chunk has loaded. Call it as soon as answers may be needed; it is cheap to call again.
 * Never rejects: when the chunk cannot load, answers are shown as plain text.
 */
export function prepareSanitizer(): Promise<void> {
  preparing ??= (async () => {
    const native = nativeSanitizer();
    if (native) {
      sanitize = native;
      return;
    }
    try {
      const { createPurifier } = await import('./purify.js');
      sanitize = createPurifier({ tags: ALLOWED_TAGS, attributes: ALLOWED_ATTRIBUTES });
    } catch {
      preparing = undefined;
    }
  })();
  return preparing;
}

/**
 * Sanitizes build-time HTML from a knowledge file into a fragment ready to insert, or
 * returns `undefined` while the sanitizer is still loading (see {@link prepareSanitizer}).
 */
export function sanitizeToFragment(html: string): DocumentFragment | undefined {
  return sanitize ? enforceAllowlist(sanitize(String(html))) : undefined;
}
