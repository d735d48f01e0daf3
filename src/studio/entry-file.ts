/**
 * Reading and editing one knowledge entry file (`---` YAML front matter, then Markdown) for
 * the studio, keeping the author's formatting: a field the editor changed is rewritten in
 * place, and every other byte of the file stays as it was (comments, quoting, blank lines,
 * list style). Pure: no DOM, no file system; the studio's browser code and the tests use it.
 */
import { Document, type Pair, type Scalar, isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { localeOfPath } from '../knowledge/compile.js';

/** The front-matter fields of an entry, as the studio's form edits them. */
export interface EntryFields {
  id: string;
  title: string;
  category: string;
  questions: string[];
  keywords: string[];
  related: string[];
  sources: { title: string; url?: string }[];
  reviewed: string;
}

/** The fields the form edits, in the order a new entry lists them. */
export const FIELD_ORDER = ['id', 'title', 'category', 'questions', 'keywords', 'related', 'sources', 'reviewed'] as const;
export type FieldName = (typeof FIELD_ORDER)[number];

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The front matter (without its `---` lines) and the body of an entry file; `undefined` when it has no front matter. */
export function splitEntry(text: string): { frontMatter: string; body: string; bodyStart: number } | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  return { frontMatter: match[1] ?? '', body: text.slice(match[0].length), bodyStart: match[0].length };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);

const read = new Map<string, Readonly<EntryFields>>();

/**
 * The fields of an entry file, as well as they can be read (missing or mistyped ones are
 * empty: the checker says why). Remembered by text, since the studio asks for every entry's
 * fields on each keystroke; treat the result as read-only.
 */
export function readFields(file: string): Readonly<EntryFields> {
  let fields = read.get(file);
  if (!fields) {
    if (read.size >= 2000) read.clear();
    read.set(file, (fields = readFieldsUncached(file)));
  }
  return fields;
}

function readFieldsUncached(file: string): EntryFields {
  const parts = splitEntry(file);
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parts ? parseDocument(parts.frontMatter).toJSON() : undefined;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // Broken YAML: an empty form, and the checker's message says where.
  }
  const sources = Array.isArray(data.sources) ? data.sources : [];
  return {
    id: text(data.id),
    title: text(data.title),
    category: text(data.category),
    questions: texts(data.questions),
    keywords: texts(data.keywords),
    related: texts(data.related),
    sources: sources.map((source: unknown) => {
      const s = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
      return s.url === undefined || s.url === null || s.url === '' ? { title: text(s.title) } : { title: text(s.title), url: text(s.url) };
    }),
    reviewed: text(data.reviewed),
  };
}

/** The body of an entry file (the Markdown after the front matter). */
export function readBody(file: string): string {
  return splitEntry(file)?.body ?? file;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes `key: value` in place of the field's current text in `frontMatter` (or at its end
 * when it has none), in the list style the file already uses (indented or not; `[a, b]`
 * stays so). Every other byte is kept. (A list's comments and a source's extra keys are
 * not kept when that list is rewritten.)
 */
function setField(frontMatter: string, key: string, value: unknown): string {
  const doc = parseDocument(frontMatter);
  const map = doc.contents;
  const pair = isMap(map) ? (map.items as Pair[]).find((item) => isScalar(item.key) && (item.key as Scalar).value === key) : undefined;
  const keyStart = pair && isScalar(pair.key) ? (pair.key as Scalar).range?.[0] : undefined;
  // Lists are indented the way this file indents them ("key:\n  - a" or "key:\n- a").
  let indentSeq = true;
  const firstList = isMap(map) ? (map.items as Pair[]).find((item) => isSeq(item.value) && !item.value.flow && item.value.items.length > 0) : undefined;
  if (firstList && isSeq(firstList.value) && isScalar(firstList.key)) {
    const column = (offset: number) => offset - frontMatter.lastIndexOf('\n', offset - 1) - 1;
    const keyColumn = column((firstList.key as Scalar).range![0]);
    const itemColumn = column(firstList.value.range![0]);
    indentSeq = itemColumn > keyColumn;
  }
  // A list written `[a, b]` stays on one line.
  const flow = isSeq(pair?.value) && pair.value.flow === true;
  const single = new Document({ [key]: value });
  const node = single.get(key, true);
  if (flow && isSeq(node)) node.flow = true;
  const rendered = single.toString({ lineWidth: 0, indentSeq }).replace(/\n$/, '');
  if (!pair || keyStart === undefined) {
    const base = frontMatter === '' || frontMatter.endsWith('\n') ? frontMatter : `${frontMatter}\n`;
    return `${base}${rendered}\n`;
  }
  let valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (pair.key as Scalar).range![1];
  // A block list's range takes in the line break after it, which is not the field's to replace.
  while (valueEnd > keyStart && /[\r\n]/.test(frontMatter[valueEnd - 1]!)) valueEnd--;
  const rest = frontMatter.slice(valueEnd);
  // A comment after an empty value ("title: # to do") stays a comment, not part of the new value.
  return frontMatter.slice(0, keyStart) + rendered + (rest.startsWith('#') ? ' ' : '') + rest;
}

/**
 * The entry file with `fields` and, when given, `body` changed. Only fields whose value
 * differs from the file's are rewritten; a file with nothing changed comes back byte for byte.
 */
export function writeEntry(file: string, fields: Partial<EntryFields>, body?: string): string {
  const parts = splitEntry(file);
  if (!parts) {
    // No front matter to keep: write a fresh one.
    return newEntryText({ ...emptyFields(), ...fields }, body ?? file);
  }
  const current = readFields(file);
  let frontMatter = parts.frontMatter;
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value === undefined || same(value, current[key])) continue;
    frontMatter = setField(frontMatter, key, value);
  }
  const opening = file.slice(0, file.indexOf('\n') + 1);
  const closingStart = opening.length + parts.frontMatter.length;
  const closing = file.slice(closingStart, parts.bodyStart);
  return opening + frontMatter + closing + (body ?? parts.body);
}

export function emptyFields(): EntryFields {
  return { id: '', title: '', category: '', questions: [], keywords: [], related: [], sources: [], reviewed: '' };
}

/** A whole new entry file from its fields and body. */
export function newEntryText(fields: EntryFields, body: string): string {
  const data: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) data[key] = fields[key];
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`;
}

/** Today's date as the `reviewed` field writes it (YYYY-MM-DD, local time). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The body a new entry starts with (the checker refuses its placeholder sentences until they are replaced). */
export { NEW_ENTRY_BODY } from '../knowledge/new-entry.js';

/** One change to the knowledge folder, as the studio's server applies it. */
export type FileChange = { path: string; text: string } | { path: string; delete: true };

/**
 * Renaming an entry: its file moves to `<folder>/<newId>.md` with the new `id`, and every
 * other entry whose `related` lists the old id lists the new one instead.
 */
export function renameEntry(files: ReadonlyMap<string, string>, path: string, newId: string): FileChange[] {
  const file = files.get(path);
  if (file === undefined) throw new Error(`no file ${path}`);
  const oldId = readFields(file).id;
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const newPath = `${folder}${newId}.md`;
  if (newPath !== path && files.has(newPath)) throw new Error(`${newPath} already exists; choose another id`);
  const changes: FileChange[] = [{ path: newPath, text: writeEntry(file, { id: newId }) }];
  if (newPath !== path) changes.push({ path, delete: true });
  for (const [other, text] of files) {
    // Ids are per language: the Spanish entries (es/) refer to Spanish entries only.
    if (other === path || !other.endsWith('.md') || localeOfPath(other) !== localeOfPath(path)) continue;
    const related = readFields(text).related;
    if (related.includes(oldId)) changes.push({ path: other, text: writeEntry(text, { related: related.map((id) => (id === oldId ? newId : id)) }) });
  }
  return changes;
}

/**
 * Which form field a line of an entry file belongs to (1-based, as the checker reports
 * lines): a front-matter key, or `body` for the Markdown after it.
 */
export function fieldAtLine(file: string, line: number): FieldName | 'body' | undefined {
  const parts = splitEntry(file);
  if (!parts) return 'body';
  const lines = file.split('\n');
  if (line < 1 || line > lines.length) return undefined;
  const lineStart = lines.slice(0, line - 1).reduce((offset, l) => offset + l.length + 1, 0);
  if (lineStart >= parts.bodyStart) return 'body';
  // Offsets inside the front matter, which starts after the opening "---" line.
  const lineEnd = lineStart + lines[line - 1]!.length - (lines[0]!.length + 1);
  const doc = parseDocument(parts.frontMatter);
  if (!isMap(doc.contents)) return undefined;
  let found: FieldName | undefined;
  for (const pair of doc.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String((pair.key as Scalar).value) : '';
    const start = (pair.key as Scalar | null)?.range?.[0];
    if (start !== undefined && start <= lineEnd && (FIELD_ORDER as readonly string[]).includes(key)) found = key as FieldName;
  }
  return found;
}
