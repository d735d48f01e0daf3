/**
 * What the matcher loads on demand, in one chunk: fuse.js for typo correction and the check
 * for requests only the clinic's staff can handle (its word lists are about a kilobyte that
 * opening the chat need not download). See `typo-search.ts`.
 */
export { default as Fuse } from 'fuse.js/basic';
export { clinicRequestOf } from './clinic-request.js';
