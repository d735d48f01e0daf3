/**
 * What the script tag loads (`dist/pain-care-chat.js`):
 *
 *   <script type="module" src="…/pain-care-chat.js" data-booking-url="…" data-phone="…"></script>
 *
 * It adds one floating `<pain-care-chat>` configured by the tag's `data-*` attributes
 * (or, with `data-mode="inline"`, an inline chat right after the tag). A floating chat
 * shows a placeholder launcher and loads the chat's code only when the visitor shows
 * interest (points at it, focuses it, touches it) or when it starts open; inline chats
 * load it at once. Pasted twice, it still adds one floating chat. It never throws into
 * the page.
 */
import { ATTRIBUTES, defaultKnowledgeFile } from './config/attributes.js';
import { installEarlyApi } from './elements/early-api.js';
import { drawPlaceholder, drawUnavailable, localeOf } from './elements/launcher-placeholder.js';
import { LOCALE_CHUNKS } from './i18n/chunks.js';
import { embeddedKnowledgeUrl } from './knowledge/embedded.js';
import { prefetchKnowledge } from './knowledge/fetch.js';
import { registerThemeProperties } from './elements/theme-properties.js';
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
  // The knowledge in the chat's language, beside the script: the page's language where the script tag is.
  const locale = localeOf(widget, script);
  // A standalone build has its knowledge built in: then there is no file to point at.
  if (!widget.hasAttribute('knowledge') && embeddedKnowledgeUrl(locale) === null) widget.setAttribute('knowledge', new URL(defaultKnowledgeFile(locale), script.src).href);
  return widget;
}

let code: Promise<unknown> | undefined;
/** Chats to tell when the code cannot load: those the visitor asked to see. */
const waiting = new Set<HTMLElement>();

/**
 * Loads the chat's code (once; again after a failure, so a visitor back online gets the
 * chat at the next sign of interest) and, at the same time, the knowledge and words of
 * `widgets`. When it fails, each chat the visitor asked to see (`show`) offers the phone,
 * the booking link and "Try again" instead.
 */
function loadChat(widgets: HTMLElement[], show = false): void {
  const defined = customElements.get(TAG) !== undefined;
  if (show && !defined) for (const widget of widgets) waiting.add(widget);
  code ??= import('./index.js').then(
    () => waiting.clear(),
    (error: unknown) => {
      code = undefined;
      warnOnce('chunk-failed', `could not load the chat: ${(error as Error).message}; it tries again when the visitor next points at it`);
      for (const widget of waiting) drawUnavailable(widget, () => loadChat([widget], true));
      waiting.clear();
    },
  );
  // The code is asked for first (it takes longest to get ready); once it is here, each chat
  // asks for its own knowledge and words, so this is only for chats drawn before that.
  if (defined) return;
  for (const widget of widgets) {
    prefetchKnowledge(widget.getAttribute('knowledge'), widget.getAttribute('integrity') ?? undefined);
    LOCALE_CHUNKS[localeOf(widget)]().catch(() => undefined);
  }
}

function mount(): void {
  let floatingMounted = document.querySelector(`${TAG}:not([mode="inline"])`) !== null;
  const now = [...document.querySelectorAll<HTMLElement>(TAG)];
  // The webmaster's own <pain-care-chat> elements: their methods work at once, too.
  for (const widget of now) installEarlyApi(widget, (open) => loadChat([widget], open));
  for (const script of ourScripts()) {
    if (script.hasAttribute(MOUNTED)) continue;
    script.setAttribute(MOUNTED, '');
    if (script.getAttribute('data-mode') === 'inline') {
      const widget = widgetFor(script);
      installEarlyApi(widget, (open) => loadChat([widget], open));
      script.after(widget);
      now.push(widget);
    } else if (floatingMounted) {
      warnOnce('pasted-twice', 'the script tag is on the page more than once; showing one floating chat');
    } else {
      const widget = widgetFor(script);
      installEarlyApi(widget, (open) => loadChat([widget], open));
      document.body.append(widget);
      floatingMounted = true;
      const waits =
        !widget.hasAttribute('open') &&
        drawPlaceholder(widget, (open) => {
          if (open) widget.setAttribute('open', '');
          loadChat([widget], open);
        });
      if (!waits) now.push(widget);
    }
  }
  // Chats that show at once (inline, or starting open) say so when the code cannot load.
  if (now.length > 0) loadChat(now, true);
}

try {
  registerThemeProperties();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
} catch (error) {
  warnOnce('loader-failed', `could not start: ${(error as Error).message}`);
}
