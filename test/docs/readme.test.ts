/**
 * The README's webmaster tables are kept in step with the element: every attribute the
 * element reads has JSDoc on its property and a row in the attributes table, and every
 * custom property, part, event and public method its JSDoc names has a row in its table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES } from '../../src/config/attributes.js';
import { THEME_PROPERTIES } from '../../src/elements/theme-properties.js';

const readme = readFileSync('README.md', 'utf8');
const source = readFileSync('src/elements/pain-care-chat.ts', 'utf8');

/** The first-column cells (inside backticks) of the Markdown table under `### heading`. */
function tableNames(heading: string, nth = 0): string[] {
  const start = readme.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`README has no "### ${heading}" section`);
  const section = readme.slice(start + 1, readme.indexOf('\n### ', start + 1));
  const tables: string[][] = [];
  let previous = false;
  for (const line of section.split('\n')) {
    const row = line.startsWith('| ');
    if (row && !previous) tables.push([]);
    if (row) tables[tables.length - 1]!.push(line);
    previous = row;
  }
  const table = tables[nth];
  if (!table) throw new Error(`"### ${heading}" has no table ${nth + 1}`);
  return table.slice(2).flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`(]+)[^`]*`/g)].map((m) => m[1]!.trim()));
}

/** Names the element's class JSDoc gives with `tag` (`@cssprop`, `@csspart`, `@fires`). */
function tagged(tag: string): string[] {
  return [...source.matchAll(new RegExp(`@${tag} (\\S+)`, 'g'))].map((m) => m[1]!);
}

describe('the README for webmasters', () => {
  it('documents every attribute the element reads, each with JSDoc on its property', () => {
    const rows = tableNames('Attributes');
    const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    for (const attribute of ATTRIBUTES) {
      expect(rows, `README attributes table lacks ${attribute}`).toContain(attribute);
      const property = attribute === 'open' ? 'isOpen' : camel(attribute);
      expect(source, `no JSDoc on the ${property} property`).toMatch(new RegExp(`/\\*\\*[^]*?\\*/\\n  ${property}(\\?|!)?(:| =)`));
    }
    expect(rows.filter((row) => !(ATTRIBUTES as readonly string[]).includes(row))).toEqual([]);
  });

  it('documents every --pcc-* custom property, registered and in the JSDoc', () => {
    const rows = tableNames('Theming');
    const documented = tagged('cssprop');
    for (const { name } of THEME_PROPERTIES) expect(documented, `JSDoc lacks @cssprop ${name}`).toContain(name);
    for (const name of documented) expect(rows, `README theming table lacks ${name}`).toContain(name);
  });

  it('documents every part, event and public method', () => {
    expect(tableNames('Theming', 1).sort()).toEqual(tagged('csspart').sort());
    expect(tableNames('Events').sort()).toEqual(tagged('fires').sort());
    const methods = [...source.matchAll(/\n {2}\/\*\*[^]*?\*\/\n {2}(\w+)\(/g)].map((m) => m[1]!).filter((name) => !name.startsWith('_'));
    const api = tableNames('API');
    expect(methods.length).toBeGreaterThanOrEqual(4);
    for (const method of methods) expect(api, `README API table lacks ${method}()`).toContain(method);
  });
});
