import { warnOnce } from './warn.js';

/**
 * Registers a custom element. A page may paste the snippet twice or load two copies, so a
 * second registration warns (when it is a different class) instead of throwing.
 */
export function define(name: string, element: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing === undefined) {
    customElements.define(name, element);
  } else if (existing !== element) {
    warnOnce('defined-twice', `<${name}> was already defined by another copy of the script; using the first one`);
  }
}
