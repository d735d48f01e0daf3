import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKnowledgeDir } from '../../src/cli/files.js';
import { compileEveryLocale, localeOfPath } from '../../src/knowledge/compile.js';
import { fieldAtLine, newEntryText, readBody, readFields, renameEntry, writeEntry } from '../../src/studio/entry-file.js';

const entries = readKnowledgeDir('knowledge').filter((file) => file.path.endsWith('.md') && !file.path.endsWith('README.md'));
const esi = readFileSync('knowledge/procedure/epidural-steroid-injection.md', 'utf8');

describe('studio/entry-file', () => {
  it('gives back every knowledge file byte for byte when nothing changed', () => {
    for (const { path, text } of entries) {
      expect(writeEntry(text, readFields(text)), path).toBe(text);
      expect(writeEntry(text, {}, readBody(text)), path).toBe(text);
    }
  });

  it('rewrites only the field that changed, keeping every other line as the author wrote it', () => {
    for (const { path, text } of entries) {
      const fields = readFields(text);
      const changed = writeEntry(text, { title: `${fields.title} (new)` });
      expect(readFields(changed), path).toEqual({ ...fields, title: `${fields.title} (new)` });
      const before = text.split('\n');
      const after = changed.split('\n');
      expect(after.length, path).toBe(before.length);
      expect(after.filter((line, i) => line !== before[i]), path).toEqual([expect.stringContaining('(new)')]);
    }
  });

  it('writes a changed list in the list style the file already uses, and the result still compiles', () => {
    const fields = readFields(esi);
    const changed = writeEntry(esi, { questions: [...fields.questions, 'Is an ESI safe when I am older?'] });
    expect(changed).toContain(`  - ${fields.questions.at(-1)}\n  - Is an ESI safe when I am older?\n`);
    const flush = esi.replace(/\n {2}- /g, '\n- ');
    expect(writeEntry(flush, { keywords: ['esi', 'spine shot'] })).toContain('\nkeywords:\n- esi\n- spine shot\n');
    const files = readKnowledgeDir('knowledge', { from: 'knowledge' }).map((file) => (file.path === 'procedure/epidural-steroid-injection.md' ? { ...file, text: changed } : file));
    expect(compileEveryLocale(files).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('changes the body alone without touching the front matter', () => {
    const changed = writeEntry(esi, {}, 'A new summary.\n\n## More\n\nText.\n');
    expect(changed.startsWith(esi.slice(0, esi.indexOf('\n---\n') + 5))).toBe(true);
    expect(readBody(changed)).toBe('A new summary.\n\n## More\n\nText.\n');
  });

  it('renames an entry and every related reference to it', () => {
    const files = new Map(readKnowledgeDir('knowledge').map((file) => [file.path.replace(/^knowledge\//, ''), file.text]));
    // Only the English entries: the Spanish ones (es/) have their own ids, the same names, and are left alone.
    const referring = [...files].filter(([path, text]) => localeOfPath(path) === 'en' && readFields(text).related.includes('epidural-steroid-injection')).map(([path]) => path);
    expect(referring.length).toBeGreaterThan(0);
    const changes = renameEntry(files, 'procedure/epidural-steroid-injection.md', 'epidural-steroid-shot');
    expect(changes[0]).toMatchObject({ path: 'procedure/epidural-steroid-shot.md' });
    expect(changes[1]).toEqual({ path: 'procedure/epidural-steroid-injection.md', delete: true });
    expect(changes.slice(2).map((c) => c.path).sort()).toEqual(referring.sort());
    for (const change of changes) {
      if ('delete' in change) files.delete(change.path);
      else files.set(change.path, change.text);
    }
    const result = compileEveryLocale([...files].map(([path, text]) => ({ path, text })));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(() => renameEntry(files, 'procedure/epidural-steroid-shot.md', 'nerve-block')).toThrow('already exists');
  });

  it('finds the form field of a line the checker names', () => {
    const lines = esi.split('\n');
    expect(fieldAtLine(esi, 3)).toBe('title');
    expect(fieldAtLine(esi, lines.indexOf('  - How long does a steroid shot in the back last?') + 1)).toBe('questions');
    expect(fieldAtLine(esi, lines.indexOf('  - cortisone shot') + 1)).toBe('keywords');
    expect(fieldAtLine(esi, lines.length - 2)).toBe('body');
  });

  it('writes a new entry that reads back as written', () => {
    const fields = { id: 'x', title: 'X: a test', category: 'about', questions: ['What is x?'], keywords: ['x'], related: [], sources: [{ title: 'General patient education' }], reviewed: '2026-12-02' };
    const text = newEntryText(fields, 'Summary.\n');
    expect(readFields(text)).toEqual(fields);
    expect(readBody(text)).toBe('Summary.\n');
  });
});

describe('studio/entry-file edge cases', () => {
  const file = (front: string) => `---\n${front}---\nSummary.\n`;
  it('keeps a comment after an empty value a comment', () => {
    const changed = writeEntry(file('id: x\ntitle: # to do\nkeywords: # none yet\n'), { title: 'New', keywords: ['a'] });
    expect(readFields(changed)).toMatchObject({ title: 'New', keywords: ['a'] });
    expect(changed).toContain('title: New # to do\n');
  });

  it('keeps a list written on one line on one line', () => {
    const changed = writeEntry(file('id: x\nkeywords: [a, b]\nrelated: []\n'), { keywords: ['a', 'b, c'], related: ['y'] });
    expect(readFields(changed)).toMatchObject({ keywords: ['a', 'b, c'], related: ['y'] });
    expect(changed).toMatch(/\nkeywords: \[ a, "b, c" \]\n/);
  });

  it('adds a field the file does not have yet at the end of the front matter', () => {
    const changed = writeEntry(file('id: x\ntitle: X\n'), { reviewed: '2026-12-02' });
    expect(changed).toBe('---\nid: x\ntitle: X\nreviewed: 2026-12-02\n---\nSummary.\n');
  });
});
