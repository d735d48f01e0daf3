/**
 * Turns the `yaml` package's syntax errors into sentences an editor can act on, at the line
 * to fix.
 *
 * The parser reports what confused it where it noticed, which is often not where the
 * mistake is: a field written without its colon (`keywords [numb]`) is read as the start of
 * a key that runs on into the next line, and an unclosed quote is noticed at the end of the
 * file. Each error code (with the parser's message where one code covers several cases) is
 * mapped to what the editor most likely did, and the line that shows it is found in the
 * text. Pure: no file system, used by the compiler (and so by the CLI and the studio).
 */
import type { YAMLError } from 'yaml';

/** One syntax problem: its 1-based line in the file and what to do about it. */
export interface YamlSyntaxProblem {
  line: number;
  message: string;
}

/** A line that holds a field: its indentation and any `- ` before the field, then the field's name. */
const FIELD_LINE = /^(\s*(?:-\s+)*)([^\s#:'"[\]{},][^#:]*?)\s*:(?=\s|$)/;
const LIST_ITEM = /^(\s*)-(?=\s|$)/;

const quote = (value: string): string => JSON.stringify(value);
const clip = (value: string, max = 40): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** The text of a YAML source by line, for finding where a mistake is. */
class Lines {
  readonly lines: string[];
  private readonly starts: number[] = [0];
  constructor(
    text: string,
    /** Line of the file that the text's first line is. */
    private readonly firstLine: number,
  ) {
    this.lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 0-based index of the line `offset` is on. */
  indexAt(offset: number): number {
    let index = 0;
    while (index + 1 < this.starts.length && this.starts[index + 1]! <= offset) index++;
    return index;
  }

  /** 0-based column of `offset` on its line. */
  columnAt(offset: number): number {
    return offset - this.starts[this.indexAt(offset)]!;
  }

  /** The file's line number for a 0-based line index. */
  fileLine(index: number): number {
    return this.firstLine + index;
  }

  text(index: number): string {
    return this.lines[index] ?? '';
  }

  /** Whether a line holds nothing YAML reads (blank or a comment). */
  empty(index: number): boolean {
    return /^\s*(?:#.*)?$/.test(this.text(index));
  }

  /** The field on a line, with the column its name starts in. */
  field(index: number): { name: string; column: number; value: string } | undefined {
    const match = FIELD_LINE.exec(this.text(index));
    return match ? { name: match[2]!, column: match[1]!.length, value: this.text(index).slice(match[0].length).trim() } : undefined;
  }
}

/**
 * Where a line whose indentation confused the parser should start: in the same column as the
 * nearest field above it (or the `- ` of the nearest list item, for a list item) whose column
 * is closest to its own.
 */
function indentation(lines: Lines, index: number): YamlSyntaxProblem {
  const here = lines.fileLine(index);
  const text = lines.text(index);
  const item = LIST_ITEM.exec(text);
  const field = lines.field(index);
  const column = item ? item[1]!.length : field ? field.column : text.length - text.trimStart().length;
  let best: { index: number; column: number; name?: string } | undefined;
  for (let i = index - 1; i >= 0; i--) {
    const other = item ? LIST_ITEM.exec(lines.text(i)) : null;
    const above = item ? undefined : lines.field(i);
    const candidate = other ? { index: i, column: other[1]!.length } : above ? { index: i, column: above.column, name: above.name } : undefined;
    if (!candidate || candidate.column === column) continue;
    if (!best || Math.abs(candidate.column - column) < Math.abs(best.column - column)) best = candidate;
  }
  if (item) {
    return {
      line: here,
      message: best
        ? `this list item is indented differently from the items above it; start its "- " in the same column as the "- " on line ${lines.fileLine(best.index)}`
        : `this list item is indented differently from the lines around it; start its "- " in the same column as the other items of its list`,
    };
  }
  const what = field ? `${quote(`${field.name}:`)} is` : 'this line is';
  return {
    line: here,
    message: best?.name
      ? `${what} indented differently from the fields around it; start it in the same column as ${quote(`${best.name}:`)} on line ${lines.fileLine(best.index)}`
      : `${what} indented differently from the lines around it; start it in the same column as the other fields of its group`,
  };
}

/** `field: value` for a line written without its colon (`keywords [numb]`), or `undefined` when it looks like no field. */
function missingColon(lines: Lines, index: number): YamlSyntaxProblem | undefined {
  const text = lines.text(index);
  const prefix = /^\s*(?:-\s+)*/.exec(text)![0];
  const rest = text.slice(prefix.length).trimEnd();
  const name = /^[^\s#:'"[\]{},]+/.exec(rest)?.[0];
  if (!name) return undefined;
  const value = rest.slice(name.length).trim();
  return {
    line: lines.fileLine(index),
    message: value
      ? `a colon is missing after ${quote(name)}; write ${quote(`${name}: ${value}`)} (the field's name, a colon, a space, then its value)`
      : `a colon is missing after ${quote(name)}; write ${quote(`${name}:`)}`,
  };
}

/** The line above `from` (or `from` itself) that opens `open` without closing it. */
function unclosed(lines: Lines, from: number, open: string, close: string): number | undefined {
  for (let i = Math.min(from, lines.lines.length - 1); i >= 0; i--) {
    const text = lines.text(i).replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
    if (text.split(open).length > text.split(close).length) return i;
  }
  return undefined;
}

/** The line at or above `from` whose value opens a `mark` quote that the line does not close. */
function unclosedQuote(lines: Lines, from: number, mark: string): { index: number; start: string } | undefined {
  const opening = new RegExp(`(?:^|[\\s:,[{-])${mark}`);
  for (let i = Math.min(from, lines.lines.length - 1); i >= 0; i--) {
    const text = lines.text(i);
    const found = opening.exec(text);
    if (!found) continue;
    const after = text.slice(found.index + found[0].length);
    const closed = mark === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(after) : after.replace(/''/g, '').includes("'");
    if (!closed) return { index: i, start: after.trim() };
  }
  return undefined;
}

/**
 * The first of `errors` (the parser's, for `text`) as a sentence that says what to fix, at
 * the line to fix. `firstLine` is the file's line number of the text's first line (2 for an
 * entry's front matter). Only the first error is explained: the rest usually follow from it.
 */
export function explainYamlError(text: string, errors: readonly YAMLError[], firstLine = 1): YamlSyntaxProblem | undefined {
  const error = errors[0];
  if (!error) return undefined;
  const lines = new Lines(text, firstLine);
  const index = lines.indexAt(error.pos[0]);
  const at = (message: string, line = index): YamlSyntaxProblem => ({ line: lines.fileLine(line), message });
  const said = error.message.split('\n')[0]!;

  switch (error.code) {
    case 'TAB_AS_INDENT':
      return at('this line is indented with a tab; indent it with spaces instead');

    case 'DUPLICATE_KEY': {
      const field = lines.field(index);
      if (!field) return at('a field is given twice here; keep only one');
      let first: number | undefined;
      for (let i = index - 1; i >= 0; i--) {
        const other = lines.field(i);
        if (other && other.column < field.column) break;
        if (other && other.column === field.column && other.name === field.name) first = i;
      }
      return at(`${quote(field.name)} is given twice${first === undefined ? '' : ` (first on line ${lines.fileLine(first)})`}; keep only one`);
    }

    case 'BAD_SCALAR_START': {
      const value = lines.text(index).slice(lines.columnAt(error.pos[0])).trim();
      return at(`a value cannot start with ${quote(value.charAt(0))}; put the whole value in quotes: "${value.replace(/["\\]/g, '\\$&')}"`);
    }

    case 'BAD_DQ_ESCAPE':
      return at(`a backslash (\\) inside double quotes must start an escape like \\n; write \\\\ for a backslash, or use single quotes`);

    case 'MULTIPLE_DOCS':
      return at('a line "---" here starts a second set of fields; remove it');

    case 'BLOCK_IN_FLOW':
      return at(`a list in [ ] separates its items with commas, not "- " lines; write [numb, tingling], or put each "- " item on its own line`);

    case 'UNEXPECTED_TOKEN': {
      if (/block-seq-ind/.test(said)) {
        const field = lines.field(index);
        return at(`a list cannot start on the same line as its field; put each "- " item on its own line under ${field ? quote(`${field.name}:`) : 'the field'}`);
      }
      if (/scalar at node end/i.test(said) && /["']\s*\S/.test(lines.text(index))) {
        return at('there is more text after the closing quote; put the whole value inside the quotes');
      }
      break;
    }

    case 'BAD_INDENT': {
      const flow = /Flow (sequence|map)/.exec(said);
      if (flow) {
        const [open, close, what] = flow[1] === 'sequence' ? ['[', ']', 'list'] : ['{', '}', 'group'];
        const opened = unclosed(lines, index - 1, open, close) ?? index;
        return at(`the ${what} that starts with "${open}" on this line is not closed; end it with "${close}" on the same line, like ${open === '[' ? '"keywords: [numb, tingling]"' : '"{ en: Call 911 }"'}`, opened);
      }
      return indentation(lines, index);
    }

    case 'MISSING_CHAR': {
      const mark = /closing (["'])quote/.exec(said)?.[1];
      if (mark) {
        const opened = unclosedQuote(lines, index, mark);
        const start = opened?.start ? ` that starts ${quote(clip(opened.start))}` : '';
        return at(`the quote (${mark})${start} is never closed; add a closing ${mark} at the end of the value, on the same line`, opened?.index ?? index);
      }
      if (/between flow sequence items/.test(said)) return at('the items of a list in [ ] must be separated by commas, like [numb, tingling]');
      if (/Sequence item without - indicator/.test(said)) return indentation(lines, index);
      if (/followed by map values/.test(said)) return missingColon(lines, index) ?? at(`this line needs a colon: write a field as "name: value"`);
      break;
    }

    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (/flow (sequence|collection|mapping)/i.test(said)) {
        return at(`a list in [ ] separates its items with commas and stays on one line; write [numb, tingling], or put each "- " item on its own line`);
      }
      if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && !/Nested mappings/.test(said)) return indentation(lines, index);
      const field = lines.field(index);
      // "title: Nerve block: what it is": the second ": " reads as another field.
      if (field && /:(?:\s|$)/.test(field.value)) {
        const value = field.value.replace(/["\\]/g, '\\$&');
        return at(`the value ${quote(clip(field.value))} has ": " in it, which reads as another field; put the value in quotes: ${field.name}: "${value}"`);
      }
      // The line has its colon, so the next line is the one that runs on: it is indented too far.
      if (field) {
        let next = index + 1;
        while (next < lines.lines.length && lines.empty(next)) next++;
        if (next < lines.lines.length) return indentation(lines, next);
      }
      const colon = missingColon(lines, index);
      if (colon) return colon;
      break;
    }
  }
  return at(`this is not valid YAML (${said}); compare the line with the examples in knowledge/README.md`);
}
