/**
 * Compiles knowledge files (Markdown entries, vocabulary and urgent-care YAML) into a
 * {@link KnowledgeBundle}, checking everything on the way.
 *
 * Pure: it takes file paths and texts and returns the bundle and a list of problems, each
 * with the file and line to fix. The CLI reads and writes files; the studio can call this
 * in the browser.
 */
import { Marked, type Token, type Tokens, type TokensList } from 'marked';
import { type Document, LineCounter, type Node as YamlNode, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { buildIndex, knowledgeWords } from '../answer/match.js';
import { analyzerFor } from '../answer/normalize.js';
import { createResponder } from '../answer/reply.js';
import { compilePhrase } from '../answer/triage.js';
import { isSafeUrl, urlScheme } from '../render/url-policy.js';
import { MAX_GRADE, MAX_SUMMARY_WORDS, readingGrade, wordsIn } from './readability.js';
import { NEW_ENTRY_PLACEHOLDERS } from './new-entry.js';
import { decodeEntities, htmlToText } from './text.js';
import { checkUrgentAgreement } from './urgent-agreement.js';
import { explainYamlError } from './yaml-errors.js';
import {
  type AskKind,
  CATEGORIES,
  ENTRY_ID,
  type Category,
  type Entry,
  KNOWLEDGE_FORMAT,
  type KnowledgeBundle,
  type KnowledgeIndex,
  type PackedIndex,
  type Passage,
  type Source,
  URGENT_LEVELS,
  type UrgentGroup,
  type UrgentLevel,
  type UrgentRule,
  type VocabularyTerm,
} from './schema.js';

/** A knowledge file as read from disk: `path` is shown in messages as given. */
export interface KnowledgeFile {
  path: string;
  text: string;
}

export interface Problem {
  path: string;
  /** 1-based line of the file the problem is on. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface CompileResult {
  /** `null` when any problem is an error. */
  bundle: KnowledgeBundle | null;
  problems: Problem[];
}

/** File names (under the knowledge folder) of the shared YAML files. */
export const VOCABULARY_FILE = 'vocabulary.yaml';
export const URGENT_FILE = 'urgent.yaml';

const ENTRY_FIELDS = ['id', 'title', 'category', 'questions', 'keywords', 'related', 'sources', 'reviewed'] as const;
const REQUIRED_ENTRY_FIELDS = ['id', 'title', 'category', 'questions', 'sources', 'reviewed'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a file of the knowledge folder is an entry: any Markdown file but a README. */
export function isEntryFile(path: string): boolean {
  const name = fileName(path);
  return /\.md$/i.test(name) && name.toLowerCase() !== 'readme.md';
}

/** `path:line: message` (with `warning: ` for warnings), the form every tool prints. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}:${problem.line}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

const markdown = new Marked({ gfm: true, breaks: false });

const quote = (value: unknown): string => JSON.stringify(typeof value === 'string' ? value : String(value));
const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};
const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
const parentFolder = (path: string): string => path.split(/[\\/]/).slice(-2, -1)[0] ?? '';

/** Reads YAML and reports problems at the right line of the file (`firstLine` = line of the YAML's first line). */
class YamlReader {
  readonly lines = new LineCounter();
  private doc: Document | undefined;
  constructor(
    readonly path: string,
    readonly firstLine: number,
    readonly problems: Problem[],
  ) {}

  parse(text: string): unknown {
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    this.doc = doc;
    const syntax = explainYamlError(text, doc.errors, this.firstLine);
    if (syntax) this.error(syntax.line, syntax.message);
    return doc.errors.length > 0 ? undefined : doc.contents;
  }

  /** The node an alias (`*name`) points to; any other node as it is. */
  deref(node: YamlNode | null): YamlNode | null {
    return isAlias(node) && this.doc ? ((node.resolve(this.doc) as YamlNode | undefined) ?? null) : node;
  }

  lineOf(node: YamlNode | null | undefined): number {
    const start = node?.range?.[0];
    return start === undefined ? this.firstLine : this.firstLine + this.lines.linePos(start).line - 1;
  }

  error(line: number, message: string): void {
    this.problems.push({ path: this.path, line, severity: 'error', message });
  }

  warn(line: number, message: string): void {
    this.problems.push({ path: this.path, line, severity: 'warning', message });
  }

  /** The value node of `key` in a map node, with the key node for line numbers. */
  field(map: unknown, key: string): { key: YamlNode; value: YamlNode | null } | undefined {
    if (!isMap(map)) return undefined;
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.value === key) return { key: pair.key, value: (pair.value as YamlNode | null) ?? null };
    }
    return undefined;
  }

  text(raw: YamlNode | null, what: string, lineIfMissing: number): string | undefined {
    const node = this.deref(raw);
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).trim() !== '') {
      return String(node.value).trim();
    }
    this.error(node ? this.lineOf(node) : lineIfMissing, `${what} must be text, got ${describe(node)}`);
    return undefined;
  }

  /**
   * A list of text. With `concepts`, an item may be a named list (`*long-ago`, a YAML alias
   * of a list under `concepts:`), whose phrases are taken in its place.
   */
  textList(raw: YamlNode | null, what: string, lineIfMissing: number, concepts = false): string[] | undefined {
    const node = this.deref(raw);
    if (!isSeq(node)) {
      this.error(raw ? this.lineOf(raw) : lineIfMissing, `${what} must be a list of text (lines starting with "- "), got ${describe(node)}`);
      return undefined;
    }
    const out: string[] = [];
    node.items.forEach((item, i) => {
      if (concepts && isSeq(this.deref(item as YamlNode))) {
        out.push(...(this.textList(item as YamlNode, `${what} item ${i + 1}`, this.lineOf(node)) ?? []));
        return;
      }
      const value = this.text(item as YamlNode, `${what} item ${i + 1}`, this.lineOf(node));
      if (value !== undefined) out.push(value);
    });
    return out;
  }
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a set of fields';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'nothing' : quote(node.value);
  return 'something else';
}

/** Walks a marked token tree, giving each token its offset in `source`. */
function walkTokens(tokens: Token[], source: string, base: number, visit: (token: Token, offset: number) => void): void {
  let cursor = base;
  for (const token of tokens) {
    const found = token.raw ? source.indexOf(token.raw, cursor) : -1;
    const offset = found >= 0 ? found : cursor;
    if (found >= 0) cursor = found + token.raw.length;
    visit(token, offset);
    const children: Token[] = [];
    if ('tokens' in token && Array.isArray(token.tokens)) children.push(...token.tokens);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) children.push(item);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) children.push(...cell.tokens);
    }
    if (children.length > 0) walkTokens(children, source, offset, visit);
  }
}

const slug = (heading: string): string =>
  heading
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'section';

function renderPassage(tokens: Token[], links: TokensList['links']): string {
  const list = Object.assign([...tokens], { links }) as TokensList;
  return markdown.parser(list).trim();
}

/** The new-entry template's placeholder sentences, each found however the editor's lines break. */
const PLACEHOLDERS = NEW_ENTRY_PLACEHOLDERS.map((sentence) => ({
  sentence,
  pattern: new RegExp(sentence.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'i'),
}));

/** `url` as an https: address: `http:` replaced, or `https://` put before an address written without a scheme. */
const withHttps = (url: string): string => {
  const trimmed = url.trim();
  if (/^http:/i.test(trimmed)) return trimmed.replace(/^http:/i, 'https:');
  return `https://${trimmed.replace(/^\/+/, '')}`;
};

/** Checks an entry's Markdown body and splits it into passages, with the line each starts on. */
function compileBody(id: string, body: string, bodyLine: number, reader: YamlReader): { passages: Passage[]; lines: number[] } {
  const tokens = markdown.lexer(body);
  const lineOf = (offset: number) => bodyLine + lineAt(body, offset) - 1;
  for (const { sentence, pattern } of PLACEHOLDERS) {
    const found = pattern.exec(body);
    if (found) reader.error(lineOf(found.index), `the New entry template's sentence ${quote(sentence)} is still here; replace it with your own words`);
  }
  walkTokens(tokens, body, 0, (token, offset) => {
    if (token.type === 'html') {
      reader.error(lineOf(offset), `raw HTML is not allowed in an entry (found ${quote(token.raw.trim().slice(0, 40))}); use Markdown instead`);
    } else if (token.type === 'image') {
      reader.error(lineOf(offset), `images are not supported in answers (found ${quote(token.raw.slice(0, 60))}); remove it`);
    } else if (token.type === 'link') {
      const href = decodeEntities((token as Tokens.Link).href);
      const scheme = urlScheme(href);
      if (!isSafeUrl(href)) {
        reader.error(lineOf(offset), `link ${quote(href)} uses an unsupported URL scheme; use https:, tel:, mailto: or a relative link`);
      } else if (scheme === 'http:') {
        // The editors' guide allows https: links only: an http: page can be changed on its way to the visitor.
        reader.error(lineOf(offset), `link ${quote(href)} uses http:, which is not secure; link to ${quote(withHttps(href))} instead`);
      } else if (scheme === null && /^\s*www\./i.test(href)) {
        reader.error(lineOf(offset), `link ${quote(href)} has no https:, so it would lead to a page of the clinic's own site; write ${quote(withHttps(href))}`);
      }
    } else if (token.type === 'heading' && (token as Tokens.Heading).depth === 1) {
      reader.error(lineOf(offset), `use "## " for sections; a "# " heading is not allowed in an entry (the title comes from "title")`);
    }
  });

  const sections: { heading: string; tokens: Token[]; line: number }[] = [{ heading: '', tokens: [], line: bodyLine }];
  let offset = 0;
  for (const token of tokens) {
    const at = body.indexOf(token.raw, offset);
    if (at >= 0) offset = at + token.raw.length;
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
      sections.push({ heading: htmlToText(markdown.parseInline((token as Tokens.Heading).text) as string), tokens: [], line: lineOf(at) });
    } else if (token.type !== 'space') {
      sections[sections.length - 1]!.tokens.push(token);
    }
  }
  if (sections.every((section) => section.tokens.length === 0)) {
    reader.error(bodyLine, `the entry has no text; write a short summary paragraph after the closing "---"`);
    return { passages: [], lines: [] };
  }
  if (sections[0]!.tokens.length === 0) {
    reader.error(sections[1]?.line ?? bodyLine, `the entry needs a summary paragraph before its first "## " section`);
  }
  const seen = new Set<string>();
  const passages: Passage[] = [];
  const lines: number[] = [];
  for (const section of sections) {
    if (section.heading !== '' && section.tokens.length === 0) {
      reader.error(section.line, `section ${quote(section.heading)} is empty; add text under it or remove the heading`);
      continue;
    }
    if (section.tokens.length === 0) continue;
    let passageId = section.heading === '' ? id : `${id}#${slug(section.heading)}`;
    for (let n = 2; seen.has(passageId); n++) passageId = `${id}#${slug(section.heading)}-${n}`;
    seen.add(passageId);
    const html = renderPassage(section.tokens, tokens.links);
    passages.push({ id: passageId, heading: section.heading, html, text: htmlToText(html) });
    lines.push(section.heading === '' ? lineOf(body.indexOf(body.trimStart())) : section.line);
  }
  return { passages, lines };
}

interface EntryDraft {
  entry: Entry;
  path: string;
  relatedLines: number[];
  idLine: number;
  questionLines: number[];
  questionsLine: number;
  passageLines: number[];
  reviewedLine: number;
}

function compileEntry(file: KnowledgeFile, problems: Problem[]): EntryDraft | undefined {
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const reader = new YamlReader(file.path, 2, problems);
  const frontMatter = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!frontMatter) {
    reader.error(1, `missing front matter: start the file with a line "---", then the fields (id, title, category, questions, sources, reviewed), then a line "---"`);
    return undefined;
  }
  const yamlText = frontMatter[1] ?? '';
  const root = reader.parse(yamlText);
  if (root === undefined && problems.some((p) => p.path === file.path)) return undefined;
  if (!isMap(root)) {
    reader.error(1, `the front matter must be fields like "title: Nerve block", got ${describe(root)}`);
    return undefined;
  }
  const closingLine = 1 + lineAt(text, frontMatter[0].length - 1) - (frontMatter[0].endsWith('\n') ? 1 : 0);
  const errorsBefore = problems.filter((p) => p.severity === 'error').length;

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(ENTRY_FIELDS as readonly string[]).includes(key)) {
      reader.warn(reader.lineOf(pair.key as YamlNode), `unknown field ${quote(key)} is ignored; the fields are ${ENTRY_FIELDS.join(', ')}`);
    }
  }
  for (const key of REQUIRED_ENTRY_FIELDS) {
    if (!reader.field(root, key)) reader.error(closingLine, `missing required field ${quote(key)}; add it to the front matter`);
  }

  const get = (key: string) => reader.field(root, key);
  const expectedId = fileName(file.path).replace(/\.md$/i, '');
  const idField = get('id');
  const id = idField ? reader.text(idField.value, '"id"', reader.lineOf(idField.key)) : undefined;
  if (id !== undefined && id !== expectedId) {
    reader.error(reader.lineOf(idField!.value), `"id" must match the file name: got ${quote(id)}, but the file is ${quote(fileName(file.path))}; rename one of them`);
  } else if (id !== undefined && !ENTRY_ID.test(id)) {
    reader.error(reader.lineOf(idField!.value), `"id" must be lower-case words joined by hyphens, like "nerve-block"; got ${quote(id)}`);
  }

  const titleField = get('title');
  const title = titleField ? reader.text(titleField.value, '"title"', reader.lineOf(titleField.key)) : undefined;

  const categoryField = get('category');
  let category: Category | undefined;
  if (categoryField) {
    const value = reader.text(categoryField.value, '"category"', reader.lineOf(categoryField.key));
    const folder = parentFolder(file.path);
    if (value !== undefined && !(CATEGORIES as readonly string[]).includes(value)) {
      reader.error(reader.lineOf(categoryField.value), `"category" must be one of ${CATEGORIES.join(', ')}; got ${quote(value)}`);
    } else if (value !== undefined && value !== folder) {
      reader.error(reader.lineOf(categoryField.value), `"category" is ${quote(value)} but the file is in the folder ${quote(folder)}; move the file to knowledge/${value}/ or change the category`);
    } else if (value !== undefined) {
      category = value as Category;
    }
  }

  const listField = (key: string, required: boolean) => {
    const field = get(key);
    if (!field) return required ? undefined : [];
    return reader.textList(field.value, `"${key}"`, reader.lineOf(field.key));
  };
  const questions = listField('questions', true);
  const questionsField = get('questions');
  const questionLines = isSeq(questionsField?.value) ? questionsField.value.items.map((item) => reader.lineOf(item as YamlNode)) : [];
  if (questions && questions.length === 0) reader.error(reader.lineOf(get('questions')!.key), `"questions" needs at least one question a visitor might ask`);
  const keywords = listField('keywords', false);

  const relatedField = get('related');
  const related: string[] = [];
  const relatedLines: number[] = [];
  if (relatedField) {
    if (!isSeq(relatedField.value)) {
      reader.error(reader.lineOf(relatedField.value ?? relatedField.key), `"related" must be a list of entry ids, got ${describe(relatedField.value)}`);
    } else {
      relatedField.value.items.forEach((item, i) => {
        const value = reader.text(item as YamlNode, `"related" item ${i + 1}`, reader.lineOf(relatedField.key));
        if (value === undefined) return;
        related.push(value);
        relatedLines.push(reader.lineOf(item as YamlNode));
      });
    }
  }

  const sourcesField = get('sources');
  const sources: Source[] = [];
  if (sourcesField) {
    if (!isSeq(sourcesField.value) || sourcesField.value.items.length === 0) {
      reader.error(reader.lineOf(sourcesField.value ?? sourcesField.key), `"sources" must be a list with at least one item like "- title: General patient education", got ${describe(sourcesField.value)}`);
    } else {
      sourcesField.value.items.forEach((item, i) => {
        const node = item as YamlNode;
        const what = `"sources" item ${i + 1}`;
        if (!isMap(node)) {
          reader.error(reader.lineOf(node), `${what} must have a "title" (and may have a "url"), like "- title: General patient education"; got ${describe(node)}`);
          return;
        }
        const sourceTitle = reader.field(node, 'title');
        if (!sourceTitle) {
          reader.error(reader.lineOf(node), `${what} is missing its "title"`);
          return;
        }
        const titleText = reader.text(sourceTitle.value, `${what} "title"`, reader.lineOf(sourceTitle.key));
        const urlField = reader.field(node, 'url');
        let url: string | undefined;
        if (urlField) {
          url = reader.text(urlField.value, `${what} "url"`, reader.lineOf(urlField.key));
          const scheme = url === undefined ? undefined : urlScheme(url);
          if (url !== undefined && !isSafeUrl(url)) {
            reader.error(reader.lineOf(urlField.value), `${what} "url" ${quote(url)} uses an unsupported URL scheme; use an https: address`);
            url = undefined;
          } else if (url !== undefined && scheme === null) {
            // The widget would read it as relative to the clinic's page: "www.example.org/x" would lead to <clinic>/www.example.org/x.
            const fix = url.startsWith('/') && !url.startsWith('//') ? 'give the page\'s full address, starting with https://' : `write ${quote(withHttps(url))}`;
            reader.error(reader.lineOf(urlField.value), `${what} "url" ${quote(url)} is not a full web address, so the link would lead to a page of the clinic's own site; ${fix}`);
            url = undefined;
          } else if (url !== undefined && scheme === 'http:') {
            reader.error(reader.lineOf(urlField.value), `${what} "url" ${quote(url)} uses http:, which is not secure; write ${quote(withHttps(url))}`);
            url = undefined;
          } else if (url !== undefined && scheme !== 'https:') {
            reader.error(reader.lineOf(urlField.value), `${what} "url" ${quote(url)} is not a web page; a source's "url" must be an https: address`);
            url = undefined;
          }
        }
        if (titleText !== undefined) sources.push(url === undefined ? { title: titleText } : { title: titleText, url });
      });
    }
  }

  const reviewedField = get('reviewed');
  let reviewed: string | undefined;
  if (reviewedField) {
    const node = reviewedField.value;
    const raw = isScalar(node) ? (node.value instanceof Date ? node.value.toISOString().slice(0, 10) : String(node.value ?? '')) : '';
    const parts = DATE.exec(raw);
    const date = parts ? new Date(`${raw}T00:00:00Z`) : undefined;
    if (!parts || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
      reader.error(reader.lineOf(node ?? reviewedField.key), `"reviewed" must be a date like 2026-11-01, got ${isScalar(node) ? quote(raw) : describe(node)}`);
    } else {
      reviewed = raw;
    }
  }

  const bodyLine = closingLine + 1;
  const body = text.slice(frontMatter[0].length);
  const { passages, lines: passageLines } = body.trim() === '' ? { passages: [], lines: [] } : compileBody(id ?? expectedId, body, bodyLine, reader);
  if (body.trim() === '') reader.error(closingLine, `the entry has no text; write a short summary paragraph after the closing "---"`);

  const errorsAfter = problems.filter((p) => p.severity === 'error').length;
  if (errorsAfter > errorsBefore || !id || !title || !category || !questions || !keywords || !reviewed || passages.length === 0) return undefined;
  return {
    entry: { id, title, category, questions, keywords, related, sources, reviewed, passages },
    path: file.path,
    relatedLines,
    idLine: reader.lineOf(idField!.value),
    questionLines,
    questionsLine: reader.lineOf(questionsField!.key),
    passageLines,
    reviewedLine: reader.lineOf(reviewedField!.value),
  };
}

interface VocabularyLine {
  term: VocabularyTerm;
  path: string;
  line: number;
}

function compileVocabulary(file: KnowledgeFile, problems: Problem[], lines: VocabularyLine[], asks: AskKind[]): VocabularyTerm[] {
  const reader = new YamlReader(file.path, 1, problems);
  const root = reader.parse(file.text);
  if (root === undefined) return [];
  asks.push(...compileAsks(reader, root as YamlNode));
  const termsField = reader.field(root, 'terms');
  if (!termsField || !isSeq(termsField.value)) {
    reader.error(termsField ? reader.lineOf(termsField.key) : 1, `the vocabulary must be a "terms:" list of items with "means" and "says"`);
    return [];
  }
  const out: VocabularyTerm[] = [];
  termsField.value.items.forEach((item, i) => {
    const node = item as YamlNode;
    const what = `term ${i + 1}`;
    const means = reader.field(node, 'means');
    const says = reader.field(node, 'says');
    if (!isMap(node) || !means || !says) {
      reader.error(reader.lineOf(node), `${what} needs "means" (the words the entries use) and "says" (a list of what visitors say)`);
      return;
    }
    const meansText = reader.text(means.value, `${what} "means"`, reader.lineOf(means.key));
    const saysList = reader.textList(says.value, `${what} "says"`, reader.lineOf(says.key));
    if (meansText !== undefined && saysList !== undefined) {
      const term = { means: meansText, says: saysList };
      out.push(term);
      lines.push({ term, path: file.path, line: reader.lineOf(means.value) });
    }
  });
  return out;
}

/** The `asks:` list of a vocabulary file: kinds of question and the sections that answer them. */
function compileAsks(reader: YamlReader, root: YamlNode | null): AskKind[] {
  const asksField = root ? reader.field(root, 'asks') : undefined;
  if (!asksField) return [];
  if (!isSeq(asksField.value)) {
    reader.error(reader.lineOf(asksField.key), `"asks" must be a list of items with "sections" (headings that answer) and "cues" (words that ask)`);
    return [];
  }
  const out: AskKind[] = [];
  asksField.value.items.forEach((item, i) => {
    const node = item as YamlNode;
    const sections = reader.field(node, 'sections');
    const cues = reader.field(node, 'cues');
    if (!isMap(node) || !sections || !cues) {
      reader.error(reader.lineOf(node), `ask ${i + 1} needs "sections" (headings that answer it) and "cues" (words that ask it)`);
      return;
    }
    const sectionList = reader.textList(sections.value, `ask ${i + 1} "sections"`, reader.lineOf(sections.key));
    const cueList = reader.textList(cues.value, `ask ${i + 1} "cues"`, reader.lineOf(cues.key));
    if (sectionList && cueList) out.push({ sections: sectionList, cues: cueList });
  });
  return out;
}

function compileUrgent(file: KnowledgeFile, problems: Problem[]): UrgentGroup[] {
  const reader = new YamlReader(file.path, 1, problems);
  const root = reader.parse(file.text);
  if (root === undefined) return [];
  const groupsField = reader.field(root, 'groups');
  if (!groupsField || !isSeq(groupsField.value)) {
    reader.error(groupsField ? reader.lineOf(groupsField.key) : 1, `the urgent-care rules must be a "groups:" list; each group has "level", "advice" and "rules"`);
    return [];
  }
  // Named phrase lists that rules share (`unless: [*long-ago, …]`): each must be a list of phrases.
  const conceptsField = reader.field(root, 'concepts');
  if (conceptsField) {
    if (!isMap(conceptsField.value)) reader.error(reader.lineOf(conceptsField.key), `"concepts" must be named lists of phrases, like "long-ago: &long-ago [years ago, for years]"`);
    else for (const pair of conceptsField.value.items) reader.textList(pair.value as YamlNode, `concept ${quote(String((pair.key as { value?: unknown })?.value ?? ''))}`, reader.lineOf(pair.key as YamlNode));
  }
  const ruleIds = new Map<string, number>();
  const groups: UrgentGroup[] = [];
  groupsField.value.items.forEach((item, g) => {
    const node = item as YamlNode;
    const what = `group ${g + 1}`;
    const levelField = reader.field(node, 'level');
    const level = levelField ? reader.text(levelField.value, `${what} "level"`, reader.lineOf(levelField.key)) : undefined;
    if (!levelField) reader.error(reader.lineOf(node), `${what} is missing "level" (one of ${URGENT_LEVELS.join(', ')})`);
    if (level !== undefined && !(URGENT_LEVELS as readonly string[]).includes(level)) {
      reader.error(reader.lineOf(levelField!.value), `${what} "level" must be one of ${URGENT_LEVELS.join(', ')}; got ${quote(level)}`);
    }
    const adviceField = reader.field(node, 'advice');
    const advice: Record<string, string> = {};
    if (!adviceField || !isMap(adviceField.value)) {
      reader.error(reader.lineOf(adviceField?.key ?? node), `${what} needs "advice" with at least "en:" text`);
    } else {
      for (const pair of adviceField.value.items) {
        const locale = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = reader.text(pair.value as YamlNode, `${what} advice ${quote(locale)}`, reader.lineOf(pair.key as YamlNode));
        if (value !== undefined) advice[locale] = value;
      }
      if (!advice.en) reader.error(reader.lineOf(adviceField.key), `${what} "advice" needs English text under "en:"`);
    }
    const rulesField = reader.field(node, 'rules');
    const rules: UrgentRule[] = [];
    if (!rulesField || !isSeq(rulesField.value) || rulesField.value.items.length === 0) {
      reader.error(reader.lineOf(rulesField?.key ?? node), `${what} needs "rules", a list with at least one rule`);
    } else {
      rulesField.value.items.forEach((ruleItem, r) => {
        const rule = compileRule(ruleItem as YamlNode, `${what} rule ${r + 1}`, reader, ruleIds);
        if (rule) rules.push(rule);
      });
    }
    if (level !== undefined && (URGENT_LEVELS as readonly string[]).includes(level) && advice.en) {
      groups.push({ level: level as UrgentLevel, advice, rules });
    }
  });
  return groups;
}

function compileRule(node: YamlNode, what: string, reader: YamlReader, ruleIds: Map<string, number>): UrgentRule | undefined {
  if (!isMap(node)) {
    reader.error(reader.lineOf(node), `${what} must have "id", "name" and "any" or "all"`);
    return undefined;
  }
  const idField = reader.field(node, 'id');
  const id = idField ? reader.text(idField.value, `${what} "id"`, reader.lineOf(idField.key)) : undefined;
  if (!idField) reader.error(reader.lineOf(node), `${what} is missing "id"`);
  if (id !== undefined) {
    const first = ruleIds.get(id);
    if (first !== undefined) reader.error(reader.lineOf(idField!.value), `rule id ${quote(id)} is used twice (first on line ${first}); give each rule its own id`);
    else ruleIds.set(id, reader.lineOf(idField!.value));
  }
  const nameField = reader.field(node, 'name');
  const name = nameField ? reader.text(nameField.value, `${what} "name"`, reader.lineOf(nameField.key)) : id;
  const phraseList = (value: YamlNode | null, label: string, line: number): string[] | undefined => {
    const list = reader.textList(value, label, line, true);
    list?.forEach((phrase) => {
      const words = compilePhrase(phrase);
      if (words.length === 0 || words.every((word) => word.text === '')) reader.error(line, `${label} has a phrase with no words: ${quote(phrase)}`);
    });
    return list;
  };
  const anyField = reader.field(node, 'any');
  const any = anyField ? phraseList(anyField.value, `${what} "any"`, reader.lineOf(anyField.key)) : [];
  const allField = reader.field(node, 'all');
  let all: string[][] | undefined = [];
  if (allField) {
    if (!isSeq(allField.value)) {
      reader.error(reader.lineOf(allField.key), `${what} "all" must be a list of lists of phrases, like "- [bladder, bowel]"`);
      all = undefined;
    } else {
      all = [];
      for (const group of allField.value.items) {
        const list = phraseList(group as YamlNode, `${what} "all"`, reader.lineOf(group as YamlNode));
        if (list) all.push(list);
      }
    }
  }
  if (any && all && any.length === 0 && all.length === 0) {
    reader.error(reader.lineOf(node), `${what} needs "any" (phrases, any one fires the rule) or "all" (groups of phrases, one from each must be found)`);
    return undefined;
  }
  const unlessField = reader.field(node, 'unless');
  const unless = unlessField ? phraseList(unlessField.value, `${what} "unless"`, reader.lineOf(unlessField.key)) : [];
  for (const phrase of unless ?? []) {
    // Little words ("my", "the", "her") are ignored, so "her epidural" would silence every
    // sentence that says "epidural": refuse an "unless" phrase that shrinks to one word.
    const kept = compilePhrase(phrase);
    if (kept.length === 1 && phrase.trim().split(/\s+/).length > 1) {
      reader.error(reader.lineOf(unlessField!.value), `${what} "unless" phrase ${quote(phrase)} is only ${quote(kept[0]!.text)} once little words like "my" and "the" are ignored, so it would silence every sentence with that word; use a longer phrase`);
    }
  }
  const negatableField = reader.field(node, 'negatable');
  const negatable = isScalar(negatableField?.value) ? negatableField!.value.value === true : false;
  if (negatableField && !(isScalar(negatableField.value) && typeof negatableField.value.value === 'boolean')) {
    reader.error(reader.lineOf(negatableField.key), `${what} "negatable" must be true or false`);
  }
  const looksBackField = reader.field(node, 'looks-back');
  const looksBack = isScalar(looksBackField?.value) && looksBackField!.value.value === true;
  if (looksBackField && !(isScalar(looksBackField.value) && typeof looksBackField.value.value === 'boolean')) {
    reader.error(reader.lineOf(looksBackField.key), `${what} "looks-back" must be true or false`);
  } else if (looksBack && unless?.length === 0) {
    reader.error(reader.lineOf(looksBackField!.key), `${what} has "looks-back: true" but no "unless" phrases; add the phrases that rule this emergency out, or remove "looks-back"`);
  }
  if (!id || !name || !any || !all || !unless) return undefined;
  return { id, name, any, all, unless, negatable, ...(looksBack ? { looksBack } : {}) };
}

export interface CompileOptions {
  /** "Today", for the check that entries were reviewed within a year. Default: now. */
  now?: Date;
  /** Language of the entries (see {@link knowledgeFilesFor}); English when absent. */
  locale?: string;
}

/** Folders of `knowledge/` that hold another language's entries and vocabulary: `knowledge/es/<category>/<id>.md`. */
export const LOCALE_FOLDERS: readonly string[] = Object.freeze(['es']);

/** The language a knowledge file belongs to, from its `path` inside the knowledge folder: `es/…` is Spanish, the rest English. */
export function localeOfPath(path: string): string {
  const [first, ...rest] = path.split('/');
  return rest.length > 0 && LOCALE_FOLDERS.includes(first!) ? first! : 'en';
}

/** A knowledge file's path inside the folder whose files' paths start with `root/` (all of them, when `root` is empty). */
function insideFolder(root: string): (path: string) => string {
  const prefix = root === '' || root === '.' ? '' : `${root.replace(/\/+$/, '')}/`;
  return (path) => (prefix !== '' && path.startsWith(prefix) ? path.slice(prefix.length) : path);
}

/**
 * The files that make `locale`'s bundle, from every file of a knowledge folder whose paths
 * start with `root/` (or are inside it, when `root` is empty): that language's entries and
 * vocabulary, and the one shared `urgent.yaml`, whose advice each group gives per language.
 */
export function knowledgeFilesFor(files: readonly KnowledgeFile[], locale: string, root = ''): KnowledgeFile[] {
  const inside = insideFolder(root);
  return files.filter((file) => {
    const path = inside(file.path);
    return localeOfPath(path) === locale || (locale !== 'en' && path === URGENT_FILE);
  });
}

/** The languages a knowledge folder has entries in: English, and each locale folder present. */
export function localesOf(files: readonly KnowledgeFile[], root = ''): string[] {
  const inside = insideFolder(root);
  return [...new Set(['en', ...files.map((file) => localeOfPath(inside(file.path)))])];
}

/** Every language of a knowledge folder's files, each compiled on its own, English first. */
export function compileLocales(files: readonly KnowledgeFile[], root = '', options: Omit<CompileOptions, 'locale'> = {}): { locale: string; result: CompileResult }[] {
  return localesOf(files, root).map((locale) => ({ locale, result: compileKnowledge(knowledgeFilesFor(files, locale, root), { ...options, locale }) }));
}

/** Problems in the order an editor reads them: by file, then by line. */
const byPlace = (a: Problem, b: Problem) => a.path.localeCompare(b.path) || a.line - b.line;

/** Entries reviewed longer ago than this many days get a warning. */
export const REVIEW_MAX_AGE_DAYS = 365;

/** Fewest example questions an entry should have. */
export const MIN_QUESTIONS = 4;

/**
 * Compiles knowledge files into a bundle. `files` holds every `.md` entry (its parent
 * folder is its category) and the shared `vocabulary.yaml` and `urgent.yaml`; paths are
 * used in problems as given. Besides errors (nothing is built), it warns about content an
 * editor should improve: reading level, long summaries, few questions, old reviews,
 * vocabulary that points nowhere, and example questions another entry answers.
 */
export function compileKnowledge(files: readonly KnowledgeFile[], options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const drafts: EntryDraft[] = [];
  const vocabulary: VocabularyTerm[] = [];
  const vocabularyLines: VocabularyLine[] = [];
  const asks: AskKind[] = [];
  let urgent: UrgentGroup[] | undefined;

  for (const file of files) {
    const name = fileName(file.path);
    if (name === VOCABULARY_FILE) vocabulary.push(...compileVocabulary(file, problems, vocabularyLines, asks));
    else if (name === URGENT_FILE) urgent = compileUrgent(file, problems);
    else if (isEntryFile(file.path)) {
      const draft = compileEntry(file, problems);
      if (draft) drafts.push(draft);
    }
  }

  if (urgent === undefined) {
    problems.push({ path: URGENT_FILE, line: 1, severity: 'error', message: `${URGENT_FILE} is missing; the urgent-care check needs its rules, so add the file to the knowledge folder` });
  }
  if (drafts.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({ path: files[0]?.path ?? 'knowledge', line: 1, severity: 'error', message: `no knowledge entries found; add Markdown files under <category>/<id>.md` });
  }

  const firstById = new Map<string, EntryDraft>();
  for (const draft of drafts) {
    const first = firstById.get(draft.entry.id);
    if (first) {
      problems.push({ path: draft.path, line: draft.idLine, severity: 'error', message: `duplicate id ${quote(draft.entry.id)}: ${first.path} already uses it; give each entry its own id` });
    } else {
      firstById.set(draft.entry.id, draft);
    }
  }
  for (const draft of firstById.values()) {
    draft.entry.related.forEach((relatedId, i) => {
      const line = draft.relatedLines[i] ?? 1;
      if (relatedId === draft.entry.id) {
        problems.push({ path: draft.path, line, severity: 'error', message: `"related" names the entry itself (${quote(relatedId)}); list other entries` });
      } else if (!firstById.has(relatedId)) {
        problems.push({ path: draft.path, line, severity: 'error', message: `"related" names ${quote(relatedId)}, but there is no entry with that id; check the spelling or add the entry` });
      }
    });
  }

  const sorted = () => problems.sort(byPlace);
  if (problems.some((p) => p.severity === 'error')) return { bundle: null, problems: sorted() };
  const entries = [...firstById.values()].map((draft) => draft.entry).sort((a, b) => a.id.localeCompare(b.id));
  const bundle: KnowledgeBundle = { format: KNOWLEDGE_FORMAT, ...(options.locale && options.locale !== 'en' ? { locale: options.locale } : {}), entries, vocabulary, urgent: urgent ?? [], ...(asks.length > 0 ? { asks } : {}) };
  problems.push(...checkQuality(bundle, [...firstById.values()], vocabularyLines, options.now ?? new Date()));
  problems.push(...checkUrgentAgreement(files.filter((file) => isEntryFile(file.path)), bundle.urgent, knowledgeWords(bundle), options.locale ?? 'en'));
  return { bundle, problems: sorted() };
}

/**
 * Compiles every language of a knowledge folder's files (paths inside the folder, as the
 * studio has them): the English bundle, and the problems of all languages together, so a
 * mistake in `es/` is shown like any other.
 */
export function compileEveryLocale(files: readonly KnowledgeFile[], options: Omit<CompileOptions, 'locale'> = {}): CompileResult {
  const results = compileLocales(files, '', options).map(({ result }) => result);
  // urgent.yaml is read by each language: its problems once.
  const seen = new Set<string>();
  const problems = results
    .flatMap((result) => result.problems)
    .filter((p) => {
      const key = `${p.path}:${p.line}:${p.message}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
  return { bundle: results[0]!.bundle, problems: problems.sort(byPlace) };
}

/** Warnings about content that compiles but that visitors would be served badly by. */
function checkQuality(bundle: KnowledgeBundle, drafts: EntryDraft[], vocabularyLines: VocabularyLine[], now: Date): Problem[] {
  const problems: Problem[] = [];
  const warn = (path: string, line: number, message: string) => problems.push({ path, line, severity: 'warning', message });
  for (const draft of drafts) {
    const { entry, path } = draft;
    const grades = entry.passages.map((passage) => readingGrade(passage.text, bundle.locale).grade);
    const { grade, formula } = readingGrade(entry.passages.map((passage) => passage.text).join('\n'), bundle.locale);
    if (grade > MAX_GRADE) {
      const hardest = grades.indexOf(Math.max(...grades));
      warn(path, draft.passageLines[hardest] ?? 1, `the entry reads at grade ${grade.toFixed(1)} (${formula}); aim for ${MAX_GRADE} or below with shorter sentences and simpler words, starting with this part (grade ${grades[hardest]!.toFixed(1)})`);
    }
    const summary = entry.passages[0];
    const summaryWords = summary && summary.heading === '' ? wordsIn(summary.text, bundle.locale).length : 0;
    if (summaryWords > MAX_SUMMARY_WORDS) {
      warn(path, draft.passageLines[0] ?? 1, `the summary has ${summaryWords} words; keep it to ${MAX_SUMMARY_WORDS} or fewer so it reads as a short answer`);
    }
    if (entry.questions.length < MIN_QUESTIONS) {
      warn(path, draft.questionsLine, `"questions" has ${entry.questions.length}; give at least ${MIN_QUESTIONS} ways a visitor might ask`);
    }
    const age = (now.getTime() - new Date(`${entry.reviewed}T00:00:00Z`).getTime()) / 86_400_000;
    if (age > REVIEW_MAX_AGE_DAYS) {
      warn(path, draft.reviewedLine, `"reviewed" is ${entry.reviewed}, over a year ago; check the entry is still right and update the date`);
    }
  }

  const { terms } = analyzerFor(bundle.locale);
  const known = new Set<string>();
  for (const entry of bundle.entries) {
    const texts = [entry.title, ...entry.keywords, ...entry.questions, ...entry.passages.flatMap((p) => [p.heading, p.text])];
    for (const text of texts) for (const term of terms(text)) known.add(term);
  }
  for (const { term, path, line } of vocabularyLines) {
    const meant = terms(term.means);
    if (!meant.some((t) => known.has(t))) {
      warn(path, line, `"means: ${term.means}" matches no word in any entry, so it cannot help a visitor; use the words an entry uses`);
    }
  }

  const copied = checkCopiedQuestions(drafts, warn);
  const responder = createResponder(bundle);
  for (const draft of drafts) {
    draft.entry.questions.forEach((question, i) => {
      // A copied question is reported on each file it is in, naming the other, instead.
      if (copied.has(sameQuestion(question))) return;
      const reply = responder.reply(question);
      const winner = reply.status === 'answer' ? reply.entryId : reply.status === 'clarify' ? reply.matches[0]?.id : undefined;
      if (winner !== undefined && winner !== draft.entry.id) {
        warn(draft.path, draft.questionLines[i] ?? draft.questionsLine, `example question ${quote(question)} is answered by ${quote(winner)}, not this entry; reword it or make the two entries more distinct`);
      }
    });
  }
  return problems;
}

/** A question as compared for copies: case, spacing and punctuation aside. */
const sameQuestion = (question: string): string =>
  question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Warns about each example question that is in more than one entry (or twice in one), at
 * each place it is, naming the other places: the matcher can send it to one entry only, so
 * the editor has to choose. Returns the questions (as {@link sameQuestion} gives them) it
 * warned about.
 */
function checkCopiedQuestions(drafts: EntryDraft[], warn: (path: string, line: number, message: string) => void): Set<string> {
  const places = new Map<string, { draft: EntryDraft; question: string; line: number }[]>();
  for (const draft of drafts) {
    draft.entry.questions.forEach((question, i) => {
      const key = sameQuestion(question);
      if (key === '') return;
      const list = places.get(key) ?? [];
      list.push({ draft, question, line: draft.questionLines[i] ?? draft.questionsLine });
      places.set(key, list);
    });
  }
  const copied = new Set<string>();
  for (const [key, list] of places) {
    if (list.length < 2) continue;
    copied.add(key);
    for (const place of list) {
      const others = list.filter((other) => other !== place).map((other) => (other.draft === place.draft ? `this file (line ${other.line})` : `${other.draft.path} (line ${other.line})`));
      warn(
        place.draft.path,
        place.line,
        `example question ${quote(place.question)} is also in ${others.join(' and ')}; a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other`,
      );
    }
  }
  return copied;
}

/**
 * The bundle as the browser downloads it (a plain JSON object): without each passage's
 * plain text, which the loader derives again from the HTML (the same words, a third smaller
 * file), and with the index, so that no visitor's browser has to stem the whole knowledge
 * before the first answer.
 */
export function bundleForBrowser(bundle: KnowledgeBundle): Omit<KnowledgeBundle, 'index'> & { index: PackedIndex } {
  return {
    ...bundle,
    entries: bundle.entries.map((entry) => ({
      ...entry,
      passages: entry.passages.map(({ id, heading, html }) => ({ id, heading, html }) as Passage),
    })),
    index: packIndex(buildIndex(bundle)),
  };
}

/** The index as the knowledge file stores it (see {@link PackedIndex}); `parseBundle` reads it back. */
export function packIndex(index: KnowledgeIndex): PackedIndex {
  const join = (list: string[]) => list.join(' ');
  return {
    normalizer: index.normalizer,
    words: join(index.words),
    entries: index.entries.map((entry) => ({
      title: join(entry.title),
      keywords: join(entry.keywords),
      questions: join(entry.questions),
      phrasings: entry.phrasings.map(join),
      passages: entry.passages.map(({ heading, text }) => [join(heading), join(text)]),
    })),
    vocabulary: index.vocabulary.map((term) => term.map(join)),
  };
}
