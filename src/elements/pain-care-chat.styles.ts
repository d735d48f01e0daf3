import { css, unsafeCSS } from 'lit';
import { BASE_CSS, themed } from './launcher.styles.js';

/**
 * Styles of `<pain-care-chat>`: the shared base (host reset, theme, launcher; also used by
 * the script tag's placeholder launcher) and the panel. The host resets everything it
 * could inherit from the page (`all: initial`, with `!important` where host CSS would
 * otherwise win), so page CSS does not reach in, and nothing here reaches out. Class names
 * are BEM.
 */
export const styles = css`
  ${unsafeCSS(BASE_CSS)}
  /* Panel */
  .panel {
    display: flex;
    flex-direction: column;
    background: var(--_background);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .root--floating .panel {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: calc(var(--_offset-y) + var(--_launcher) + 12px);
    right: var(--_offset-x);
    width: min(400px, calc(100vw - 2 * var(--_offset-x)));
    height: min(620px, calc(100vh - var(--_offset-y) * 2 - var(--_launcher) - 28px));
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.28);
  }
  .root--inline .panel {
    width: 100%;
    height: ${unsafeCSS(themed('--pcc-inline-height'))};
  }
  .panel__header {
    display: flex;
    align-items: center;
    gap: 8px;
    padding-block: 10px;
    padding-inline: 16px 12px;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .panel__title {
    flex: 1;
    margin: 0;
    font-size: 17px;
    font-weight: 700;
  }
  .panel__clear,
  .panel__close {
    min-width: 32px;
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid currentColor;
    border-radius: 8px;
    background: transparent;
    color: inherit;
    font-size: 14px;
    cursor: pointer;
  }
  .panel__close {
    display: inline-grid;
    place-items: center;
    padding: 4px;
  }
  .panel__close svg {
    width: 20px;
    height: 20px;
  }
  .panel__header :focus-visible {
    outline-color: var(--_accent-text);
  }
  .panel__log {
    flex: 1;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .panel__disclaimer {
    margin: 0;
    padding: 6px 12px;
    font-size: 13px;
    color: var(--_muted);
    border-block-start: 1px solid var(--_border);
    background: var(--_surface);
  }
  .panel__form {
    display: flex;
    gap: 8px;
    padding: 10px 12px 12px;
    background: var(--_background);
  }
  .panel__input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 8px 12px;
    font-size: 16px;
    border: 2px solid var(--_border);
    border-radius: 10px;
    background: var(--_background);
    color: var(--_text);
  }
  .panel__input:focus-visible {
    outline-offset: 0;
    border-color: var(--_ink);
  }
  .panel__send,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    padding: 8px 16px;
    border: 2px solid var(--_accent);
    border-radius: 10px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button--secondary {
    border-color: var(--_ink);
    background: transparent;
    color: var(--_ink);
  }
  .button--urgent {
    border-color: var(--_urgent);
    background: var(--_urgent);
    color: #ffffff;
  }

  /* Conversation */
  .message {
    align-self: flex-end;
    max-width: 85%;
    padding: 8px 12px;
    border-radius: 14px;
    border-end-end-radius: 4px;
    background: var(--_accent);
    color: var(--_accent-text);
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .reply {
    align-self: flex-start;
    max-width: 100%;
    padding: 10px 12px;
    border-radius: 14px;
    border-end-start-radius: 4px;
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .reply p {
    margin: 0 0 8px;
  }
  .reply p:last-child {
    margin-block-end: 0;
  }
  .reply__title {
    margin: 0 0 6px;
    font-size: 16px;
    font-weight: 700;
  }
  .reply__section {
    font-weight: 600;
  }
  .reply__snippet ul,
  .reply__snippet ol {
    margin-block: 0 8px;
    margin-inline: 0;
    padding-inline-start: 22px;
  }
  .reply__snippet a,
  .reply__sources a {
    color: var(--_ink);
  }
  .reply__sources {
    margin-block-start: 10px !important;
  }
  .reply__sources,
  .reply__reviewed {
    font-size: 14px;
    color: var(--_muted);
  }
  .reply__label {
    font-weight: 600;
    font-size: 14px;
  }
  .reply__booking {
    margin-block-start: 10px;
    padding-block-start: 8px;
    border-block-start: 1px solid var(--_border);
  }
  .reply__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .reply--urgent {
    border: 2px solid var(--_urgent-title);
    background: var(--_urgent-surface);
    color: var(--_urgent-text);
  }
  .reply--urgent .reply__title {
    color: var(--_urgent-title);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0 0 8px;
    padding: 0;
    list-style: none;
  }
  .chip {
    min-height: 36px;
    padding: 6px 12px;
    border: 1px solid var(--_ink);
    border-radius: 999px;
    background: var(--_background);
    color: var(--_ink);
    font-size: 14px;
    text-align: start;
    cursor: pointer;
  }
  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 14px;
  }

  /* Phones and zoomed windows: the panel takes the whole screen, above the on-screen keyboard. */
  @media (max-width: 480px), (max-height: 500px) {
    .root.root--floating .panel {
      inset: var(--_vv-top, 0px) 0 auto 0;
      width: 100%;
      height: var(--_vv-height, 100%);
      max-height: 100dvh;
      border-radius: 0;
      border: 0;
    }
    .panel__clear,
    .panel__close {
      min-width: 44px;
      min-height: 44px;
    }
  }
  @media (forced-colors: active) {
    .button,
    .panel__send,
    .chip,
    .message,
    .reply {
      border: 1px solid CanvasText;
    }
  }
`;
