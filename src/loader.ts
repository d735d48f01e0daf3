/**
 * What the script tag loads (`dist/pain-care-chat.js`):
 *
 *   <script type="module" src="…/pain-care-chat.js" data-booking-url="…" data-phone="…"></script>
 *
 * It adds one floating `<pain-care-chat>` configured by the tag's `data-*` attributes
 * (or, with `data-mode="inline"`, an inline chat right after the tag), then loads the
 * element's code. Pasted twice, it still adds one floating chat. It never throws into the page.
 */
import { ATTRIBUTES, DEFAULT_KNOWLEDGE_FILE } from './config/attributes.js';
import { warnOnce } from './elements/warn.js';

const SCRIPT_FILE = 'pain-care-chat.js';
const TAG = 'pain-care-chat';
const MOUNTED = 'data-pcc-mounted';

function ourScripts(): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((script) => {
    if (script.src === import.meta.url) return true;
    try {
      return new URL(script.src, document.baseURI).pathname.endsWith(`/${SCRIPT_FILE}`);
    } catch {
      return false;
    }
  });
}

function widgetFor(script: HTMLScriptElement): HTMLElement {
  const widget = document.createElement(TAG);
  for (const name of ATTRIBUTES) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) widget.setAttribute(name, value);
  }
  if (!widget.hasAttribute('knowledge')) widget.setAttribute('knowledge', new URL(DEFAULT_KNOWLEDGE_FILE, script.src).href);
  return widget;
}

function mount(): void {
  let floatingMounted = document.querySelector(`${TAG}:not([mode="inline"])`) !== null;
  for (const script of ourScripts()) {
    if (script.hasAttribute(MOUNTED)) continue;
    script.setAttribute(MOUNTED, '');
    if (script.getAttribute('data-mode') === 'inline') {
      script.after(widgetFor(script));
    } else if (floatingMounted) {
      warnOnce('pasted-twice', 'the script tag is on the page more than once; showing one floating chat');
    } else {
      document.body.append(widgetFor(script));
      floatingMounted = true;
    }
  }
}

try {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
  import('./index.js').catch((error: unknown) => warnOnce('chunk-failed', `could not load the chat: ${(error as Error).message}`));
} catch (error) {
  warnOnce('loader-failed', `could not start: ${(error as Error).message}`);
}
