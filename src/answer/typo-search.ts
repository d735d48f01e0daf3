/**
 * fuse.js, which the matcher uses to read a word the knowledge does not know as a typo of
 * one it does ("epidrual" → epidural). It is loaded on demand, in its own chunk: a browser
 * asks for it when the visitor starts a question, so opening the chat does not download
 * it; Node callers (CLI, compiler, tests) await {@link loadTypoSearch} once before matching.
 *
 * Where it cannot load (the chunk is blocked or offline), the matcher still answers, only
 * without typo correction; the urgent check never needs it (it has its own near-miss rule).
 */
import type FuseType from 'fuse.js/basic';
import type { ClinicRequest } from './clinic-request.js';

export type FuseClass = typeof FuseType;

let fuse: FuseClass | null | undefined;
let requests: ((question: string) => ClinicRequest | undefined) | null = null;
let loading: Promise<void> | undefined;

/**
 * Loads fuse.js (once). Never rejects: when it cannot load, typo correction is off. With
 * `waitMs`, resolves after that long at the latest, with typo correction off until fuse.js
 * arrives (so a stalled request never holds up an answer).
 */
export function loadTypoSearch(waitMs?: number): Promise<void> {
  // One chunk with the staff-request check (on-demand.ts), which answering waits for anyway.
  loading ??= import('./on-demand.js').then(
    (module) => {
      fuse = module.Fuse;
      requests = module.clinicRequestOf;
    },
    () => void (fuse ??= null),
  );
  if (waitMs === undefined) return loading;
  return Promise.race([loading, new Promise<void>((resolve) => setTimeout(() => resolve(void (fuse ??= null)), waitMs))]);
}

/** True once {@link loadTypoSearch} has finished, whether or not fuse.js could load. */
export function typoSearchSettled(): boolean {
  return fuse !== undefined;
}

/**
 * fuse.js for the matcher: the class, or `null` when it could not load. Throws when it was
 * never loaded, which is a mistake in the caller (await {@link loadTypoSearch} first), not
 * something to answer around silently.
 */
export function typoSearch(): FuseClass | null {
  if (fuse === undefined) throw new Error('typo search is not loaded: await loadTypoSearch() before matching');
  return fuse;
}

/**
 * The check for requests only the clinic's staff can handle (a refill, results, a bill), or
 * `null` before the on-demand chunk has loaded or when it could not: such a question is then
 * matched like any other.
 */
export function clinicRequests(): ((question: string) => ClinicRequest | undefined) | null {
  return requests;
}
