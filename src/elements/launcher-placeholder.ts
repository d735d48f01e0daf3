/**
 * The launcher the script tag draws before the chat's code has loaded: the same button,
 * the same look, a few hundred bytes. Pointing at it, focusing it or touching it loads the
 * chat; clicking it also opens the chat as soon as it is ready. The element, once defined,
 * takes over the same shadow root (see `createRenderRoot` in pain-care-chat.ts).
 *
 * Built with DOM calls only (no HTML strings), so it needs no Trusted Types policy.
 */
import { LAUNCHER_STRINGS } from '../i18n/launcher.js';
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

  let asked = false;
  const interested = () => {
    if (!asked) onIntent(false);
    asked = true;
  };
  for (const type of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(type, interested, { once: true, passive: true });
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
