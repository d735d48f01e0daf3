/**
 * The element's public methods and properties before the chat's code has loaded. The
 * script tag puts small stand-ins on each `<pain-care-chat>` it finds or adds: a call to
 * `open()`, `close()`, `ask()`, `clear()` or `showEntry()` is kept and starts loading the
 * code; `isOpen` reads and sets the `open` attribute. When the element is defined, it
 * removes the stand-ins and makes the kept calls, in order. So a page button can call
 * `chat.ask('…')` at any time, with no `customElements.whenDefined` first.
 */

/** The methods that may be called before the code has loaded. */
export const EARLY_METHODS = Object.freeze(['open', 'close', 'ask', 'clear', 'showEntry'] as const);
export type EarlyMethod = (typeof EARLY_METHODS)[number];
export type EarlyCall = [EarlyMethod, unknown[]];

/** Where the kept calls wait, on the element itself (the loader and the chat are separate files). */
const CALLS = '__pccEarlyCalls';

type WithCalls = HTMLElement & { [CALLS]?: EarlyCall[] };

/**
 * Puts the stand-ins on `element` (unless it is already defined); `load(open)` is called on
 * each use, with `open` true when the call shows the chat.
 */
export function installEarlyApi(element: HTMLElement, load: (open: boolean) => void): void {
  const target = element as WithCalls;
  if (customElements.get(element.localName) !== undefined || target[CALLS]) return;
  const calls: EarlyCall[] = [];
  target[CALLS] = calls;
  for (const name of EARLY_METHODS) {
    Object.defineProperty(element, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        calls.push([name, args]);
        load(name === 'open' || name === 'ask' || name === 'showEntry');
      },
    });
  }
  // The element reads this back (with any other property set meanwhile) when it is defined.
  Object.defineProperty(element, 'isOpen', {
    configurable: true,
    enumerable: true,
    get: () => element.hasAttribute('open'),
    set: (open: unknown) => {
      element.toggleAttribute('open', Boolean(open));
      if (open) load(true);
    },
  });
}

/** Removes the stand-ins from `element` and returns the calls made to them, oldest first. */
export function takeEarlyCalls(element: HTMLElement): EarlyCall[] {
  const target = element as WithCalls;
  const calls = target[CALLS] ?? [];
  if (Object.prototype.hasOwnProperty.call(target, CALLS)) {
    delete target[CALLS];
    for (const name of EARLY_METHODS) delete (target as unknown as Record<string, unknown>)[name];
  }
  return calls;
}
