/**
 * Knowledge built into the script itself (`npm run build:standalone`): the knowledge file's
 * text by locale, put in by the build as `__PCC_KNOWLEDGE__`. The usual build puts in
 * `null`, so all of this folds away; outside a build (Node, tests) it is simply absent.
 */
declare const __PCC_KNOWLEDGE__: Readonly<Record<string, string>> | null | undefined;

const EMBEDDED = typeof __PCC_KNOWLEDGE__ === 'undefined' ? null : __PCC_KNOWLEDGE__;

/** The URL the element asks for built-in knowledge with: `embedded:<locale>`. */
export const EMBEDDED_SCHEME = 'embedded:';

/** `embedded:<locale>` when this build has knowledge built in, else `null`. */
export function embeddedKnowledgeUrl(locale: string): string | null {
  if (EMBEDDED === null) return null;
  return `${EMBEDDED_SCHEME}${locale in EMBEDDED ? locale : 'en'}`;
}

/** The built-in knowledge file's text for `embedded:<locale>`, or `undefined`. */
export function embeddedKnowledgeText(url: string): string | undefined {
  if (EMBEDDED === null || !url.startsWith(EMBEDDED_SCHEME)) return undefined;
  return EMBEDDED[url.slice(EMBEDDED_SCHEME.length)];
}
