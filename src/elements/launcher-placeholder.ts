/**
 * The launcher the script tag draws before the chat's code has loaded: the same button,
 * the same look, a few hundred bytes. Pointing at it, focusing it or touching it loads the
 * chat; clicking it also opens the chat as soon as it is ready. The element, once defined,
 * takes over the same shadow root (see `createRenderRoot` in pain-care-chat.ts).
 *
 * Built with DOM calls only (no HTML strings), so it needs no Trusted Types policy.
 */
import { isPhone, telHref } from '../config/attributes.js';
import { LAUNCHER_STRINGS } from '../i18n/launcher.js';
import { isSafeUrl } from '../render/url-policy.js';
import { type Locale, resolveLocale } from '../i18n/locale.js';
import { BASE_CSS, LAUNCHER_ICON_PATH, accentSheet } from './launcher.styles.js';

const SVG = 'http://www.w3.org/2000/svg';
let sheet: CSSStyleSheet | null | undefined;

function baseSheet(): CSSStyleSheet | null {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(BASE_CSS);
    } catch {
      // No constructable style sheets (very old browsers): no placeholder, the chat loads at once.
      sheet = null;
    }
  }
  return sheet;
}

/**
 * Whether the floating chat sits in the bottom-left corner: asked for, or the default
 * bottom-right mirrored on a right-to-left page. (The chat's own text stays left to right:
 * its languages are English and Spanish.)
 */
export function isLeftCorner(host: HTMLElement, position: string | null): boolean {
  return (position === 'bottom-left') !== (getComputedStyle(host).direction === 'rtl');
}

/** The language of the page around `host` (its nearest `lang`), which the chat speaks unless `locale` says otherwise. */
export function pageLanguage(host: HTMLElement): string {
  return host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
}

/** The chat's language: its `locale` attribute, else the page's around `placed` (the chat itself, or the script tag it will replace). */
export function localeOf(host: HTMLElement, placed: HTMLElement = host): Locale {
  return resolveLocale(host.getAttribute('locale') ?? pageLanguage(placed));
}

/**
 * Draws the placeholder launcher in `host` and calls `onIntent(open)` on the visitor's first
 * sign of interest (`open` is true for a click or Enter). Returns false when it cannot draw
 * one, so the caller loads the chat straight away.
 */
export function drawPlaceholder(host: HTMLElement, onIntent: (open: boolean) => void): boolean {
  const styles = baseSheet();
  if (!styles || host.shadowRoot || typeof host.attachShadow !== 'function') return false;
  const shadow = host.attachShadow({ mode: 'open' });
  const accent = host.getAttribute('accent');
  const accentStyles = accent ? accentSheet(accent.trim()) : null;
  shadow.adoptedStyleSheets = accentStyles ? [styles, accentStyles] : [styles];
  const strings = LAUNCHER_STRINGS[localeOf(host)];
  const left = isLeftCorner(host, host.getAttribute('position'));

  const root = document.createElement('div');
  root.className = `root root--floating${left ? ' root--left' : ''}`;
  root.dir = 'ltr';
  const button = document.createElement('button');
  button.className = 'launcher';
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('class', 'launcher__icon');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', LAUNCHER_ICON_PATH);
  path.setAttribute('fill', 'currentColor');
  icon.append(path);
  const text = document.createElement('span');
  text.className = 'launcher__text';
  text.textContent = strings.text;
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = ` ${strings.label}`;
  button.append(icon, text, label);
  root.append(button);
  shadow.append(root);

  // Every sign of interest is passed on (not only the first): when the code failed to load
  // (offline), the next one tries again.
  for (const type of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(type, () => onIntent(false), { passive: true });
  button.addEventListener('click', () => onIntent(true));

  try {
    // Above cookie banners, as the real launcher is.
    root.setAttribute('popover', 'manual');
    root.showPopover();
  } catch {
    root.removeAttribute('popover');
  }
  return true;
}

/**
 * Shows, in `host` (a floating chat's placeholder or an inline chat still without its
 * code), that the chat could not load, with the clinic's phone and booking link from its
 * attributes and a "Try again" button that calls `retry`. Drawn once; the chat, when its
 * code arrives, takes over the shadow root and this goes with the placeholder. Never throws.
 */
export function drawUnavailable(host: HTMLElement, retry: () => void): void {
  try {
    const styles = baseSheet();
    if (!styles) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    if (shadow.querySelector('.unavailable')) return;
    if (shadow.adoptedStyleSheets.length === 0) shadow.adoptedStyleSheets = [styles];
    let root = shadow.querySelector('.root');
    if (!root) {
      root = document.createElement('div');
      root.className = 'root root--inline';
      shadow.append(root);
    }
    const strings = LAUNCHER_STRINGS[localeOf(host)];
    const card = document.createElement('div');
    card.className = 'unavailable';
    card.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = strings.unavailable;
    const actions = document.createElement('p');
    const link = (href: string, label: string) => {
      const a = document.createElement('a');
      a.className = 'unavailable__action';
      a.href = href;
      a.textContent = label;
      actions.append(a, ' ');
    };
    const booking = host.getAttribute('booking-url')?.trim();
    if (booking && isSafeUrl(booking)) link(booking, strings.book);
    const phone = host.getAttribute('phone')?.trim();
    if (phone && isPhone(phone)) link(telHref(phone), `${strings.call} ${phone}`);
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'unavailable__action';
    again.textContent = strings.retry;
    again.addEventListener('click', () => {
      card.remove();
      retry();
    });
    actions.append(again);
    card.append(text, actions);
    root.append(card);
  } catch {
    // Nothing more to offer without the DOM; the page itself still has its own links.
  }
}
