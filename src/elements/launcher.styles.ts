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

export const BASE_CSS = `
  :host {
    all: initial !important;
    display: block !important;
    --_accent: ${themed('--pcc-accent')};
    --_accent-text: ${themed('--pcc-accent-text')};
    --_text: ${themed('--pcc-text')};
    --_muted: ${themed('--pcc-muted')};
    --_background: ${themed('--pcc-background')};
    --_surface: ${themed('--pcc-surface')};
    --_border: ${themed('--pcc-border')};
    --_radius: clamp(0px, ${themed('--pcc-radius')}, 28px);
    --_font: var(--pcc-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_z: ${themed('--pcc-z-index')};
    --_offset: clamp(0px, ${themed('--pcc-offset')}, 96px);
    --_urgent: #a4161a;
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
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  /* Launcher */
  .launcher {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: var(--_offset);
    right: var(--_offset);
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 52px;
    padding: 12px 20px;
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
    left: var(--_offset);
  }
  .launcher__icon {
    width: 22px;
    height: 22px;
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
`;

/** The speech-bubble icon of the launcher (an SVG path in a 24×24 box). */
export const LAUNCHER_ICON_PATH = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
