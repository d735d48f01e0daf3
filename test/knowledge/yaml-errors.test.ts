import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { explainYamlError } from '../../src/knowledge/yaml-errors.js';

/** What the checker says about `lines` (a YAML text whose first line is the file's line `firstLine`). */
function explain(lines: string[], firstLine = 1): string | undefined {
  const text = `${lines.join('\n')}\n`;
  const problem = explainYamlError(text, parseDocument(text, { prettyErrors: false, uniqueKeys: true }).errors, firstLine);
  return problem && `${problem.line}: ${problem.message}`;
}

describe('knowledge/yaml-errors', () => {
  describe('explainYamlError', () => {
    it('says nothing about valid YAML', () => {
      expect(explain(['id: nerve-block', 'keywords: [numb, tingling]'])).toBeUndefined();
    });

    it('points at the line without a colon, not the line before, when a field lacks its colon', () => {
      // The parser reads "keywords [numbing shot]" and the next line as one key ("Implicit keys need to be on a single line").
      expect(explain(['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions:', '  - What is it?', 'keywords [numbing shot]', 'reviewed: 2026-11-01'], 2)).toBe(
        '7: a colon is missing after "keywords"; write "keywords: [numbing shot]" (the field\'s name, a colon, a space, then its value)',
      );
      expect(explain(['id: nerve-block', 'reviewed 2026-11-01'])).toBe('2: a colon is missing after "reviewed"; write "reviewed: 2026-11-01" (the field\'s name, a colon, a space, then its value)');
      expect(explain(['id: nerve-block', 'questions', '  - What is it?'])).toBe('2: a colon is missing after "questions"; write "questions:"');
      expect(explain(['sources:', '  - title General patient education', '    url: https://example.org'])).toBe(
        '2: a colon is missing after "title"; write "title: General patient education" (the field\'s name, a colon, a space, then its value)',
      );
    });

    it('asks for quotes when a value has ": " in it', () => {
      expect(explain(['id: x', 'title: Nerve block: what it is'])).toBe(
        '2: the value "Nerve block: what it is" has ": " in it, which reads as another field; put the value in quotes: title: "Nerve block: what it is"',
      );
    });

    it('points at a line indented differently from its group and names the field to line it up with', () => {
      expect(explain(['id: x', 'title: Nerve block', ' category: procedure'])).toBe('3: "category:" is indented differently from the fields around it; start it in the same column as "title:" on line 2');
      expect(explain(['sources:', '  - title: X', '   url: https://example.org'])).toBe('3: "url:" is indented differently from the fields around it; start it in the same column as "title:" on line 2');
      expect(explain(['sources:', '  - title: X', '    url: https://example.org', ' reviewed: 2026-11-01'])).toBe(
        '4: "reviewed:" is indented differently from the fields around it; start it in the same column as "sources:" on line 1',
      );
      expect(explain(['questions:', '  - What is it?', ' - Does it hurt?', 'reviewed: 2026-11-01'])).toBe(
        '3: this list item is indented differently from the items above it; start its "- " in the same column as the "- " on line 2',
      );
    });

    it('points at the line that opens an unclosed quote or list', () => {
      expect(explain(['id: x', 'title: "Nerve block', 'category: procedure'])).toBe('2: the quote (") that starts "Nerve block" is never closed; add a closing " at the end of the value, on the same line');
      expect(explain(['id: x', "title: 'Nerve block", 'category: procedure'])).toBe("2: the quote (') that starts \"Nerve block\" is never closed; add a closing ' at the end of the value, on the same line");
      expect(explain(['id: x', 'keywords: [numb, tingling', 'category: procedure'])).toBe(
        '2: the list that starts with "[" on this line is not closed; end it with "]" on the same line, like "keywords: [numb, tingling]"',
      );
    });

    it('explains tabs, repeated fields, reserved first characters, and text after a closing quote', () => {
      expect(explain(['questions:', '\t- What is it?'])).toBe('2: this line is indented with a tab; indent it with spaces instead');
      expect(explain(['id: x', 'title: A', 'title: B'])).toBe('3: "title" is given twice (first on line 2); keep only one');
      expect(explain(['id: x', 'title: @home'])).toBe('2: a value cannot start with "@"; put the whole value in quotes: "@home"');
      expect(explain(['id: x', 'title: "Nerve" block'])).toBe('2: there is more text after the closing quote; put the whole value inside the quotes');
      expect(explain(['id: x', 'questions: - What is it?'])).toBe('2: a list cannot start on the same line as its field; put each "- " item on its own line under "questions:"');
    });
  });
});
