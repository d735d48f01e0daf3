/**
 * The CSS the chat's launcher needs: host reset, theme properties, the root and the
 * launcher button. Shared by the element and by the placeholder launcher the script tag
 * shows before the chat's code has loaded, so the two look the same to the pixel.
 */
import { THEME_PROPERTIES } from './theme-properties.js';

/** `var(--pcc-…, default)`, with the default the property is registered with (one source for both). */
export function themed(name: string): string {
  const property = THEME_PROPERTIES.find((p) => p.name === name);
  if (!property) throw new Error(`unknown theme property ${name}`);
  return `var(${name}, ${property.initialValue})`;
}

/** The dark palette, used when the visitor's system is dark (unless `theme="light"`) or `theme="dark"`. */
const DARK = `
    --_text: ${themed('--pcc-dark-text')};
    --_muted: ${themed('--pcc-dark-muted')};
    --_background: ${themed('--pcc-dark-background')};
    --_surface: ${themed('--pcc-dark-surface')};
    --_border: ${themed('--pcc-dark-border')};
    --_urgent-surface: #2d0b0d;
    --_urgent-text: #ffe3e3;
    --_urgent-title: #ff9e9e;
    color-scheme: dark;`;

/** `body` for the dark theme: the visitor's system is dark and `theme` is not "light", or `theme="dark"`. */
const dark = (body: string) =>
  `@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) { ${body} } }\n  :host([theme="dark"]) { ${body} }`;

export const BASE_CSS = `
  :host {
    all: initial !important;
    display: block !important;
    --_accent: ${themed('--pcc-accent')};
    --_accent-text: ${themed('--pcc-accent-text')};
    /* The accent where it is text or a line on the background (links, chips, outlines). */
    --_ink: var(--_accent);
    --_text: ${themed('--pcc-text')};
    --_muted: ${themed('--pcc-muted')};
    --_background: ${themed('--pcc-background')};
    --_surface: ${themed('--pcc-surface')};
    --_border: ${themed('--pcc-border')};
    --_radius: clamp(0px, ${themed('--pcc-radius')}, 28px);
    --_font: var(--pcc-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_z: ${themed('--pcc-z-index')};
    --_launcher: clamp(44px, ${themed('--pcc-launcher-size')}, 96px);
    --_offset-x: clamp(0px, ${themed('--pcc-offset-x')}, 96px);
    --_offset-y: clamp(0px, ${themed('--pcc-offset-y')}, 96px);
    --_urgent: #a4161a;
    --_urgent-surface: #fff5f5;
    --_urgent-text: #3a0a0b;
    --_urgent-title: #a4161a;
    color-scheme: light;
  }
  ${dark(DARK)}
  /*
   * Contrast stays AA for any accent: the text on it is black or white, whichever contrasts
   * more (the two contrast equally at CIE lightness 49.4, so that is where it switches), and
   * where the accent itself is text it is darkened (light theme) or lightened (dark theme)
   * until it reads on the panel. Browsers without relative colours use --pcc-accent-text.
   */
  @supports (color: lch(from red l c h)) {
    :host {
      /* The accent as the screen shows it (a colour outside sRGB is clipped), so the choice is made on what is seen. */
      --_accent: color(from ${themed('--pcc-accent')} srgb clamp(0, r, 1) clamp(0, g, 1) clamp(0, b, 1));
      --_accent-text: lch(from var(--_accent) calc((49.4 - l) * 1000) 0 0);
      --_ink: lch(from var(--_accent) min(l, 40) min(c, 80) h);
    }
    ${dark('--_ink: lch(from var(--_accent) max(l, 70) min(c, 60) h);')}
  }
  .root {
    font-family: var(--_font);
    font-size: 16px;
    font-weight: 400;
    line-height: 1.45;
    letter-spacing: normal;
    color: var(--_text);
    text-align: start;
  }
  /* In the top layer (a manual popover), the root is only an anchor for its fixed children. */
  .root[popover] {
    position: fixed;
    inset: auto;
    width: 0;
    height: 0;
    margin: 0;
    padding: 0;
    border: 0;
    overflow: visible;
    background: transparent;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_ink);
    outline-offset: 2px;
  }

  /* Launcher */
  .launcher {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: var(--_offset-y);
    right: var(--_offset-x);
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: var(--_launcher);
    padding: 8px calc(var(--_launcher) * 0.38);
    border: 2px solid transparent;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.25);
    cursor: pointer;
  }
  /* "bottom-left", or the default corner mirrored on a right-to-left page. */
  .root--left .launcher,
  .root--floating.root--left .panel {
    right: auto;
    left: var(--_offset-x);
  }
  .launcher__icon {
    width: calc(var(--_launcher) * 0.42);
    height: calc(var(--_launcher) * 0.42);
  }
  .launcher:focus-visible {
    outline-color: var(--_text);
  }
  @media (prefers-reduced-motion: no-preference) {
    .launcher {
      transition: transform 0.15s ease;
    }
    .launcher:hover {
      transform: translateY(-2px);
    }
  }
  @media (forced-colors: active) {
    .launcher {
      border: 1px solid CanvasText;
    }
  }

  /* The chat's code could not load: how to reach the clinic meanwhile. */
  .unavailable {
    max-width: min(360px, calc(100vw - 2 * var(--_offset-x)));
    padding: 12px 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.25);
  }
  .root--floating .unavailable {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: calc(var(--_offset-y) + var(--_launcher) + 12px);
    right: var(--_offset-x);
  }
  .root--left .unavailable {
    right: auto;
    left: var(--_offset-x);
  }
  .unavailable p {
    margin: 0 0 8px;
  }
  .unavailable__action {
    display: inline-block;
    min-height: 44px;
    margin: 4px 8px 0 0;
    padding: 10px 14px;
    border: 2px solid var(--_ink);
    border-radius: 999px;
    background: transparent;
    color: var(--_ink);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
`;

/** The speech-bubble icon of the launcher (an SVG path in a 24×24 box). */
export const LAUNCHER_ICON_PATH = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';

/**
 * A style sheet that sets the chat's accent to `color` above any page CSS (the `accent`
 * attribute), or `null` when the browser does not read `color` as one colour (so nothing
 * else can be slipped into the sheet) or has no constructable style sheets.
 */
export function accentSheet(color: string): CSSStyleSheet | null {
  try {
    if (!CSS.supports('color', color)) return null;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host { --pcc-accent: ${color} !important; }`);
    return sheet;
  } catch {
    return null;
  }
}
