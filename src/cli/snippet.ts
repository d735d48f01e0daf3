/**
 * The snippet a webmaster pastes, written once: the README's "The snippet" section shows it
 * without hashes, and `npm run build` / `npm run sri` / `npm run publish-knowledge` print it
 * (or its `data-integrity` line) with them. `test/docs/snippet.test.ts` checks the README
 * against this file. Node only.
 */
import { createHash } from 'node:crypto';

/** Where the snippet expects the chat's files on the clinic's site. */
export const SCRIPT_SRC = '/pain-care-chat/pain-care-chat.js';

/** The values a webmaster replaces with the clinic's own, in the order the snippet shows them. */
export const SNIPPET_EXAMPLE_ATTRIBUTES: readonly (readonly [name: string, value: string])[] = Object.freeze([
  ['data-clinic-name', 'Harbor Spine & Pain'],
  ['data-booking-url', 'https://www.example-clinic.com/book'],
  ['data-phone', '(555) 010-2000'],
]);

/** Subresource Integrity hashes for the snippet: of the script tag's file, and of the page's knowledge file. */
export interface SnippetHashes {
  /** `integrity` of `pain-care-chat.js`. */
  script: string;
  /** `data-integrity` of `knowledge.json` (`knowledge.es.json` on a Spanish page). */
  knowledge: string;
}

/** The Subresource Integrity metadata of `content`, as browsers check it: `sha384-` and base64. */
export function sri(content: string | Uint8Array): string {
  return `sha384-${createHash('sha384').update(content).digest('base64')}`;
}

/**
 * The line of the snippet that names the knowledge file's hash, without its indentation:
 * the one line a webmaster replaces when the knowledge changes.
 */
export function knowledgeIntegrityLine(hash: string): string {
  return `data-integrity="${hash}"`;
}

/**
 * The snippet, one attribute a line; with `hashes`, the script's `integrity` and
 * `crossorigin` and the knowledge's `data-integrity` come right after `src`.
 */
export function snippet(hashes?: SnippetHashes): string {
  const attributes = [
    'type="module"',
    `src="${SCRIPT_SRC}"`,
    ...(hashes ? [`integrity="${hashes.script}"`, 'crossorigin="anonymous"', knowledgeIntegrityLine(hashes.knowledge)] : []),
    ...SNIPPET_EXAMPLE_ATTRIBUTES.map(([name, value]) => `${name}="${value}"`),
  ];
  return ['<script', ...attributes.map((attribute) => `  ${attribute}`), '></script>'].join('\n');
}
