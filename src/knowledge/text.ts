/**
 * Plain text from the HTML the compiler renders: for matching, the CLI and the checker.
 * The knowledge file leaves the plain text out (it would repeat the HTML); the loader
 * derives it again with the same function, so both sides see the same words.
 */

const character = (code: number): string => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd');

/** Decodes the entities marked writes (and numeric ones); never throws. */
export const decodeEntities = (text: string): string =>
  text
    .replace(/&#(\d{1,8});/g, (_, code: string) => character(Number(code)))
    .replace(/&#x([0-9a-f]{1,8});/gi, (_, code: string) => character(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Plain text of rendered HTML, for matching and for the CLI. Linear in the length of
 * `html`, whatever it holds: a tag is `<` up to the next `>` with no `<` inside, so a
 * hand-edited file of unclosed `<` never makes the scan start over from each one.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<li>/g, '\n- ')
      .replace(/<\/(p|h\d|ul|ol|table|tr)>/g, '\n')
      .replace(/<[^<>]*>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
