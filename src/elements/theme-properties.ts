/**
 * Registers the theming custom properties with their types, so a page that sets one to a
 * value of the wrong kind (`--pcc-accent: 12px`) gets the default instead of a broken
 * widget. Registration is global and happens once; a second copy of the script, or a
 * browser without `CSS.registerProperty`, simply keeps the unregistered behaviour.
 */
export const THEME_PROPERTIES: ReadonlyArray<{ name: string; syntax: string; initialValue: string }> = [
  { name: '--pcc-accent', syntax: '<color>', initialValue: '#1f5f8b' },
  { name: '--pcc-accent-text', syntax: '<color>', initialValue: '#ffffff' },
  { name: '--pcc-text', syntax: '<color>', initialValue: '#1b1f24' },
  { name: '--pcc-muted', syntax: '<color>', initialValue: '#4a5560' },
  { name: '--pcc-background', syntax: '<color>', initialValue: '#ffffff' },
  { name: '--pcc-surface', syntax: '<color>', initialValue: '#f1f4f7' },
  { name: '--pcc-border', syntax: '<color>', initialValue: '#8a96a3' },
  { name: '--pcc-dark-text', syntax: '<color>', initialValue: '#e9edf1' },
  { name: '--pcc-dark-muted', syntax: '<color>', initialValue: '#b4bec8' },
  { name: '--pcc-dark-background', syntax: '<color>', initialValue: '#15191e' },
  { name: '--pcc-dark-surface', syntax: '<color>', initialValue: '#232a32' },
  { name: '--pcc-dark-border', syntax: '<color>', initialValue: '#6b7885' },
  { name: '--pcc-radius', syntax: '<length>', initialValue: '12px' },
  { name: '--pcc-launcher-size', syntax: '<length>', initialValue: '52px' },
  { name: '--pcc-offset-x', syntax: '<length>', initialValue: '20px' },
  { name: '--pcc-offset-y', syntax: '<length>', initialValue: '20px' },
  { name: '--pcc-z-index', syntax: '<integer>', initialValue: '2147483000' },
  { name: '--pcc-inline-height', syntax: '<length>', initialValue: '560px' },
];

let registered = false;

export function registerThemeProperties(): void {
  if (registered) return;
  registered = true;
  const css = (globalThis as { CSS?: { registerProperty?: (definition: PropertyDefinition) => void } }).CSS;
  if (typeof css?.registerProperty !== 'function') return;
  for (const { name, syntax, initialValue } of THEME_PROPERTIES) {
    try {
      css.registerProperty({ name, syntax, inherits: true, initialValue });
    } catch {
      // Already registered (another copy of the script, or the page itself): keep that.
    }
  }
}
