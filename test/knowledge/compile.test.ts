import { describe, expect, it } from 'vitest';
import { type KnowledgeFile, compileEveryLocale, compileKnowledge, formatProblem, knowledgeFilesFor, localeOfPath, localesOf } from '../../src/knowledge/compile.js';
import { NEW_ENTRY_PLACEHOLDERS } from '../../src/knowledge/new-entry.js';
// The template the studio's New entry form writes, as the studio has it.
import { NEW_ENTRY_BODY, emptyFields, newEntryText } from '../../src/studio/entry-file.js';
import { htmlToText } from '../../src/knowledge/text.js';
import { KNOWLEDGE_FORMAT } from '../../src/knowledge/schema.js';
import { compileKnowledgeDir, compileKnowledgeDirLocales, readKnowledgeDir } from '../../src/cli/files.js';
import { readdirSync } from 'node:fs';

const URGENT: KnowledgeFile = {
  path: 'knowledge/urgent.yaml',
  text: 'groups:\n  - level: emergency\n    advice:\n      en: "Call {emergency}."\n    rules:\n      - id: chest\n        name: Chest pain\n        any: [chest pain]\n',
};

interface EntryOptions {
  path?: string;
  front?: string;
  body?: string;
}

/** A valid entry; override the front matter lines or the body to break it. */
function entry({ path = 'knowledge/procedure/nerve-block.md', front, body }: EntryOptions = {}): KnowledgeFile {
  const frontMatter =
    front ??
    [
      'id: nerve-block',
      'title: Nerve block',
      'category: procedure',
      'questions:',
      '  - What is a nerve block?',
      '  - Does it hurt?',
      '  - How long does it last?',
      '  - Is a nerve block safe?',
      'keywords: [numbing shot]',
      'related: []',
      'sources:',
      '  - title: General patient education',
      'reviewed: 2026-11-01',
    ].join('\n');
  const text = `---\n${frontMatter}\n---\n${body ?? 'A nerve block is a numbing shot.\n\n## How long it lasts\n\nA few hours.\n'}`;
  return { path, text };
}

const NOW = new Date('2026-11-22T12:00:00Z');
const compile = (files: KnowledgeFile[]) => compileKnowledge(files, { now: NOW });

function problemsOf(...files: KnowledgeFile[]): string[] {
  return compile([...files, URGENT]).problems.filter((p) => p.severity === 'error').map(formatProblem);
}

describe('knowledge/compile', () => {
  describe('compileKnowledge', () => {
    it('compiles a valid entry into passages with rendered HTML and plain text', () => {
      const { bundle, problems } = compile([entry(), URGENT]);
      expect(problems).toEqual([]);
      expect(bundle?.format).toBe(KNOWLEDGE_FORMAT);
      const [compiled] = bundle!.entries;
      expect(compiled?.passages).toEqual([
        { id: 'nerve-block', heading: '', html: '<p>A nerve block is a numbing shot.</p>', text: 'A nerve block is a numbing shot.' },
        { id: 'nerve-block#how-long-it-lasts', heading: 'How long it lasts', html: '<p>A few hours.</p>', text: 'A few hours.' },
      ]);
      expect(compiled?.sources).toEqual([{ title: 'General patient education' }]);
      expect(bundle?.urgent[0]?.rules[0]).toEqual({ id: 'chest', name: 'Chest pain', any: ['chest pain'], all: [], unless: [], negatable: false });
    });

    it('compiles the default knowledge folder without errors, in English and in Spanish', () => {
      const english = compileKnowledgeDir('knowledge');
      expect(english.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      expect(english.bundle!.entries.length).toBeGreaterThanOrEqual(8);
      expect(english.bundle!.locale).toBeUndefined();
      const spanish = compileKnowledgeDir('knowledge', 'es');
      expect(spanish.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      expect(spanish.bundle!.locale).toBe('es');
      // The twelve procedures and how to book, at least.
      const ids = spanish.bundle!.entries.map((e) => e.id);
      for (const file of readdirSync('knowledge/procedure')) expect(ids).toContain(file.replace(/\.md$/, ''));
      expect(ids).toContain('book-consultation');
      expect(spanish.problems.every((p) => p.path.startsWith('knowledge/es/') || p.path === 'knowledge/urgent.yaml')).toBe(true);
    });

    it('reports a file without front matter on line 1', () => {
      expect(problemsOf({ path: 'knowledge/procedure/nerve-block.md', text: 'Just text\n' })).toEqual([
        'knowledge/procedure/nerve-block.md:1: missing front matter: start the file with a line "---", then the fields (id, title, category, questions, sources, reviewed), then a line "---"',
      ]);
    });

    it('reports invalid YAML in plain words at the line to fix', () => {
      expect(problemsOf(entry({ front: 'id: nerve-block\ntitle: [unclosed\ncategory: procedure' }))).toEqual([
        'knowledge/procedure/nerve-block.md:3: the list that starts with "[" on this line is not closed; end it with "]" on the same line, like "keywords: [numb, tingling]"',
      ]);
    });

    it('reports a front-matter field without its colon on the line that lacks it, saying what to write', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is a nerve block?]', 'keywords [numbing shot]', 'sources:', '  - title: X', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:6: a colon is missing after "keywords"; write "keywords: [numbing shot]" (the field\'s name, a colon, a space, then its value)',
      ]);
    });

    it('reports a front-matter line indented too far on that line, naming the field to line it up with', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is a nerve block?]', 'sources:', '  - title: X', '     url: https://example.org/x', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:8: "url:" is indented differently from the fields around it; start it in the same column as "title:" on line 7',
      ]);
    });

    it('reports an unclosed quote in the front matter on the line that opens it', () => {
      const front = ['id: nerve-block', 'title: "Nerve block', 'category: procedure', 'questions: [What is a nerve block?]', 'sources:', '  - title: X', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:3: the quote (") that starts "Nerve block" is never closed; add a closing " at the end of the value, on the same line',
      ]);
    });

    it('reports a YAML mistake in vocabulary.yaml and urgent.yaml in plain words at the line to fix', () => {
      const vocabulary = { path: 'knowledge/vocabulary.yaml', text: 'terms:\n  - means: nerve block\n    says: [numb the nerve]\n  - means: nerve block\n    says [nerve shot]\n' };
      expect(problemsOf(entry(), vocabulary)).toEqual([
        'knowledge/vocabulary.yaml:5: a colon is missing after "says"; write "says: [nerve shot]" (the field\'s name, a colon, a space, then its value)',
      ]);
      const urgent = { path: 'knowledge/urgent.yaml', text: URGENT.text.replace('        name: Chest pain', '        name Chest pain') };
      expect(compile([entry(), urgent]).problems.map(formatProblem)).toEqual([
        'knowledge/urgent.yaml:7: a colon is missing after "name"; write "name: Chest pain" (the field\'s name, a colon, a space, then its value)',
      ]);
      const tabbed = { path: 'knowledge/urgent.yaml', text: URGENT.text.replace('      - id: chest', '\t- id: chest') };
      expect(compile([entry(), tabbed]).problems.map(formatProblem)).toEqual(['knowledge/urgent.yaml:6: this line is indented with a tab; indent it with spaces instead']);
    });

    it('reports a missing required field at the closing ---', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is it?]', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual(['knowledge/procedure/nerve-block.md:7: missing required field "sources"; add it to the front matter']);
    });

    it('reports a field of the wrong type at its line', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: What is it?', 'sources:', '  - title: X', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:5: "questions" must be a list of text (lines starting with "- "), got "What is it?"',
      ]);
    });

    it('reports a reviewed value that is not a date', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is it?]', 'sources:', '  - title: X', 'reviewed: last week'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual(['knowledge/procedure/nerve-block.md:8: "reviewed" must be a date like 2026-11-01, got "last week"']);
    });

    it('reports an id that does not match the file name', () => {
      expect(problemsOf(entry({ path: 'knowledge/procedure/nerve-blocks.md' }))).toEqual([
        'knowledge/procedure/nerve-blocks.md:2: "id" must match the file name: got "nerve-block", but the file is "nerve-blocks.md"; rename one of them',
      ]);
    });

    it('reports a category that does not match the folder', () => {
      expect(problemsOf(entry({ path: 'knowledge/about/nerve-block.md' }))).toEqual([
        'knowledge/about/nerve-block.md:4: "category" is "procedure" but the file is in the folder "about"; move the file to knowledge/procedure/ or change the category',
      ]);
    });

    it('reports a duplicate id at the second file', () => {
      expect(problemsOf(entry(), entry({ path: 'copy/procedure/nerve-block.md' }))).toEqual([
        'copy/procedure/nerve-block.md:2: duplicate id "nerve-block": knowledge/procedure/nerve-block.md already uses it; give each entry its own id',
      ]);
    });

    it('reports related ids that name no entry, at their line', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is it?]', 'related:', '  - rfa', 'sources:', '  - title: X', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:7: "related" names "rfa", but there is no entry with that id; check the spelling or add the entry',
      ]);
    });

    it('reports a source URL with an unsupported scheme', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is it?]', 'sources:', '  - title: X', '    url: "javascript:alert(1)"', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:8: "sources" item 1 "url" "javascript:alert(1)" uses an unsupported URL scheme; use an https: address',
      ]);
    });

    it('refuses a source URL without a scheme and suggests its https: address', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is it?]', 'sources:', '  - title: X', '    url: www.example.org/x', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:8: "sources" item 1 "url" "www.example.org/x" is not a full web address, so the link would lead to a page of the clinic\'s own site; write "https://www.example.org/x"',
      ]);
    });

    it('refuses a source URL with http: and suggests its https: address', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is it?]', 'sources:', '  - title: X', '    url: http://www.example.org/x', 'reviewed: 2026-11-01'].join('\n');
      expect(problemsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:8: "sources" item 1 "url" "http://www.example.org/x" uses http:, which is not secure; write "https://www.example.org/x"',
      ]);
    });

    it('reports a body link with an unsupported scheme at its line', () => {
      const problems = problemsOf(entry({ body: 'Summary.\n\n## More\n\nSee [this](JaVaScRiPt:alert(1)).\n\nOr [that](data:text/html,x).\n' }));
      expect(problems).toEqual([
        'knowledge/procedure/nerve-block.md:20: link "JaVaScRiPt:alert(1)" uses an unsupported URL scheme; use https:, tel:, mailto: or a relative link',
        'knowledge/procedure/nerve-block.md:22: link "data:text/html,x" uses an unsupported URL scheme; use https:, tel:, mailto: or a relative link',
      ]);
    });

    it('reports an http: link in the body at its line', () => {
      const problems = problemsOf(entry({ body: 'Summary.\n\n## More\n\nRead [the leaflet](http://www.example.org/leaflet).\n\nOr http://www.example.org/other.\n' }));
      expect(problems).toEqual([
        'knowledge/procedure/nerve-block.md:20: link "http://www.example.org/leaflet" uses http:, which is not secure; link to "https://www.example.org/leaflet" instead',
        'knowledge/procedure/nerve-block.md:22: link "http://www.example.org/other" uses http:, which is not secure; link to "https://www.example.org/other" instead',
      ]);
    });

    it('reports a body link to www. without https: at its line', () => {
      expect(problemsOf(entry({ body: 'Summary.\n\nSee [the leaflet](www.example.org/leaflet).\n' }))).toEqual([
        'knowledge/procedure/nerve-block.md:18: link "www.example.org/leaflet" has no https:, so it would lead to a page of the clinic\'s own site; write "https://www.example.org/leaflet"',
      ]);
    });

    it('refuses an entry that still has the New entry template\'s placeholder sentences, at their lines', () => {
      expect(problemsOf(entry({ body: NEW_ENTRY_BODY }))).toEqual([
        `knowledge/procedure/nerve-block.md:16: the New entry template's sentence "${NEW_ENTRY_PLACEHOLDERS[0]}" is still here; replace it with your own words`,
        `knowledge/procedure/nerve-block.md:20: the New entry template's sentence "${NEW_ENTRY_PLACEHOLDERS[1]}" is still here; replace it with your own words`,
      ]);
    });

    it('finds a placeholder sentence however its lines break, and leaves the rest of the template alone', () => {
      const body = 'A nerve block is a numbing shot.\n\n## What to expect\n\nA short passage a visitor\ncan read on its own.\n';
      expect(problemsOf(entry({ body }))).toEqual([
        'knowledge/procedure/nerve-block.md:20: the New entry template\'s sentence "A short passage a visitor can read on its own." is still here; replace it with your own words',
      ]);
    });

    it('reports raw HTML in the body at its line', () => {
      expect(problemsOf(entry({ body: 'Summary.\n\n<img src=x onerror=alert(1)>\n' }))).toEqual([
        'knowledge/procedure/nerve-block.md:18: raw HTML is not allowed in an entry (found "<img src=x onerror=alert(1)>"); use Markdown instead',
      ]);
      expect(problemsOf(entry({ body: 'Summary with <b>bold</b>.\n' }))[0]).toBe(
        'knowledge/procedure/nerve-block.md:16: raw HTML is not allowed in an entry (found "<b>"); use Markdown instead',
      );
    });

    it('reports an empty body', () => {
      expect(problemsOf(entry({ body: '\n  \n' }))).toEqual([
        'knowledge/procedure/nerve-block.md:15: the entry has no text; write a short summary paragraph after the closing "---"',
      ]);
    });

    it('reports a body that starts with a section instead of a summary', () => {
      expect(problemsOf(entry({ body: '## Only a section\n\nText.\n' }))).toEqual([
        'knowledge/procedure/nerve-block.md:16: the entry needs a summary paragraph before its first "## " section',
      ]);
    });

    it('warns about an unknown field but still compiles', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is it?]', 'sources:', '  - title: X', 'reviewed: 2026-11-01', 'tags: [x]'].join('\n');
      const result = compile([entry({ front }), URGENT]);
      expect(result.problems.filter((p) => p.message.includes('unknown field')).map(formatProblem)).toEqual([
        'knowledge/procedure/nerve-block.md:9: warning: unknown field "tags" is ignored; the fields are id, title, category, questions, keywords, related, sources, reviewed',
      ]);
      expect(result.bundle).not.toBeNull();
    });

    it('refuses knowledge without urgent-care rules', () => {
      expect(compile([entry()]).problems.map(formatProblem)).toEqual([
        'urgent.yaml:1: urgent.yaml is missing; the urgent-care check needs its rules, so add the file to the knowledge folder',
      ]);
    });

    it('reports an urgent group with an unknown level and a rule with no phrases', () => {
      const urgent = { path: 'knowledge/urgent.yaml', text: 'groups:\n  - level: panic\n    advice:\n      en: x\n    rules:\n      - id: a\n        name: A\n' };
      expect(compile([entry(), urgent]).problems.map(formatProblem)).toEqual([
        'knowledge/urgent.yaml:2: group 1 "level" must be one of emergency, crisis, poison, doctor-today; got "panic"',
        'knowledge/urgent.yaml:6: group 1 rule 1 needs "any" (phrases, any one fires the rule) or "all" (groups of phrases, one from each must be found)',
      ]);
    });

    it('lets rules share a phrase list with a YAML anchor and use * for any one word', () => {
      const urgent = {
        path: 'knowledge/urgent.yaml',
        text: [
          'groups:',
          '  - level: poison',
          '    advice:',
          '      en: Call {poison}.',
          '    rules:',
          '      - id: extra',
          '        name: Extra doses',
          '        all:',
          '          - [twice, extra]',
          '          - &medicines [pills, meds]',
          '        unless: [can * take]',
          '      - id: child',
          '        name: Child ate medicine',
          '        all:',
          '          - [toddler]',
          '          - *medicines',
          '',
        ].join('\n'),
      };
      const { bundle, problems } = compile([entry(), urgent]);
      expect(problems).toEqual([]);
      expect(bundle!.urgent[0]!.rules.map((r) => r.all)).toEqual([
        [['twice', 'extra'], ['pills', 'meds']],
        [['toddler'], ['pills', 'meds']],
      ]);
      expect(bundle!.urgent[0]!.rules[0]!.unless).toEqual(['can * take']);
    });

    it('lets rules share named concept lists in "unless", and names a concept that is not a list', () => {
      const urgent = (concepts: string) => ({
        path: 'knowledge/urgent.yaml',
        text: [concepts, 'groups:', '  - level: emergency', '    advice:', '      en: Call {emergency}.', '    rules:', '      - id: weak', '        name: Weak legs', '        any: [weak legs]', '        unless: [*long-ago, can * cause]', ''].join('\n'),
      });
      const { bundle, problems } = compile([entry(), urgent('concepts:\n  long-ago: &long-ago [years ago, for years]')]);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(bundle!.urgent[0]!.rules[0]!.unless).toEqual(['years ago', 'for years', 'can * cause']);
      expect(problemsOf(entry(), urgent('concepts:\n  long-ago: &long-ago years ago'))).toContain(
        'knowledge/urgent.yaml:2: concept "long-ago" must be a list of text (lines starting with "- "), got "years ago"',
      );
    });

    it('reads "looks-back" and names its mistakes', () => {
      const urgent = (rule: string) => ({
        path: 'knowledge/urgent.yaml',
        text: ['groups:', '  - level: emergency', '    advice:', '      en: Call {emergency}.', '    rules:', '      - id: weak', '        name: Weak legs', '        any: [weak legs]', rule, ''].join('\n'),
      });
      const { bundle } = compile([entry(), urgent('        unless: [it wore off]\n        looks-back: true')]);
      expect(bundle!.urgent[0]!.rules[0]).toMatchObject({ unless: ['it wore off'], looksBack: true });
      expect(problemsOf(entry(), urgent('        looks-back: yes please'))).toEqual(['knowledge/urgent.yaml:9: group 1 rule 1 "looks-back" must be true or false']);
      expect(problemsOf(entry(), urgent('        looks-back: true'))).toEqual([
        'knowledge/urgent.yaml:9: group 1 rule 1 has "looks-back: true" but no "unless" phrases; add the phrases that rule this emergency out, or remove "looks-back"',
      ]);
    });

    it('reports a vocabulary term without "says"', () => {
      const vocabulary = { path: 'knowledge/vocabulary.yaml', text: 'terms:\n  - means: nerve block\n' };
      expect(problemsOf(entry(), vocabulary)).toEqual([
        'knowledge/vocabulary.yaml:2: term 1 needs "means" (the words the entries use) and "says" (a list of what visitors say)',
      ]);
    });
  });

  describe('compileKnowledge › quality warnings', () => {
    const warningsOf = (...files: KnowledgeFile[]) =>
      compile([...files, URGENT]).problems.filter((p) => p.severity === 'warning').map(formatProblem);

    it('gives no warning for a short, plain, recent entry', () => {
      expect(warningsOf(entry())).toEqual([]);
    });

    it('names the formula and the hardest part when an entry reads above grade 8', () => {
      const body =
        'A nerve block is a numbing shot.\n\n## Physiology\n\nInterventional anesthesiologists administer concentrated anesthetic medication circumferentially surrounding inflammatory peripheral nociceptive neuronal structures, substantially diminishing transmission.\n';
      expect(warningsOf(entry({ body }))).toEqual([
        expect.stringMatching(/^knowledge\/procedure\/nerve-block\.md:18: warning: the entry reads at grade \d+\.\d \(Flesch-Kincaid\); aim for 8 or below with shorter sentences and simpler words, starting with this part \(grade \d+\.\d\)$/),
      ]);
    });

    it('warns about a summary over 60 words', () => {
      const body = `${'Pain is sad. '.repeat(21)}\n`;
      expect(warningsOf(entry({ body }))).toEqual(['knowledge/procedure/nerve-block.md:16: warning: the summary has 63 words; keep it to 60 or fewer so it reads as a short answer']);
    });

    it('warns about fewer than 4 questions', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is a nerve block?]', 'sources:', '  - title: X', 'reviewed: 2026-11-01'].join('\n');
      expect(warningsOf(entry({ front }))).toEqual(['knowledge/procedure/nerve-block.md:5: warning: "questions" has 1; give at least 4 ways a visitor might ask']);
    });

    it('warns about a review over a year old', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions: [What is a nerve block?, Does it hurt?, How long does it last?, Is it safe?]', 'sources:', '  - title: X', 'reviewed: 2025-11-01'].join('\n');
      expect(warningsOf(entry({ front }))).toEqual([
        'knowledge/procedure/nerve-block.md:8: warning: "reviewed" is 2025-11-01, over a year ago; check the entry is still right and update the date',
      ]);
    });

    it('warns about a vocabulary term that means no word of any entry', () => {
      const vocabulary = { path: 'knowledge/vocabulary.yaml', text: 'terms:\n  - means: nerve block\n    says: [numb the nerve]\n  - means: dental implant\n    says: [fake tooth]\n' };
      expect(warningsOf(entry(), vocabulary)).toEqual([
        'knowledge/vocabulary.yaml:4: warning: "means: dental implant" matches no word in any entry, so it cannot help a visitor; use the words an entry uses',
      ]);
    });

    it('warns when another entry answers an entry’s example question', () => {
      const rfa = entry({
        path: 'knowledge/procedure/radiofrequency-ablation.md',
        front: [
          'id: radiofrequency-ablation',
          'title: Radiofrequency ablation',
          'category: procedure',
          'questions:',
          '  - What is radiofrequency ablation?',
          '  - What is a nerve block shot?',
          '  - Does ablation hurt?',
          '  - Is ablation safe?',
          'sources:',
          '  - title: X',
          'reviewed: 2026-11-01',
        ].join('\n'),
        body: 'RFA heats a nerve. Then the nerve stops sending pain.\n',
      });
      expect(warningsOf(entry(), rfa)).toEqual([
        'knowledge/procedure/radiofrequency-ablation.md:7: warning: example question "What is a nerve block shot?" is answered by "nerve-block", not this entry; reword it or make the two entries more distinct',
      ]);
    });

    it('reports a question copied from another entry on both files, each naming the other', () => {
      const rfa = entry({
        path: 'knowledge/procedure/radiofrequency-ablation.md',
        front: [
          'id: radiofrequency-ablation',
          'title: Radiofrequency ablation',
          'category: procedure',
          'questions:',
          '  - What is radiofrequency ablation?',
          '  - How long does ablation last?',
          '  - Does ablation hurt?',
          '  - is a nerve block safe',
          'sources:',
          '  - title: X',
          'reviewed: 2026-11-01',
        ].join('\n'),
        body: 'RFA heats a nerve. Then the nerve stops sending pain.\n',
      });
      expect(warningsOf(entry(), rfa)).toEqual([
        'knowledge/procedure/nerve-block.md:9: warning: example question "Is a nerve block safe?" is also in knowledge/procedure/radiofrequency-ablation.md (line 9); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other',
        'knowledge/procedure/radiofrequency-ablation.md:9: warning: example question "is a nerve block safe" is also in knowledge/procedure/nerve-block.md (line 9); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other',
      ]);
    });
  });

  describe('compileKnowledge › copied questions', () => {
    it('warns at both lines when an entry lists the same question twice', () => {
      const front = ['id: nerve-block', 'title: Nerve block', 'category: procedure', 'questions:', '  - What is a nerve block?', '  - Does it hurt?', '  - How long does it last?', '  - What is a nerve block', 'sources:', '  - title: X', 'reviewed: 2026-11-01'].join('\n');
      expect(compile([entry({ front }), URGENT]).problems.map(formatProblem)).toEqual([
        'knowledge/procedure/nerve-block.md:6: warning: example question "What is a nerve block?" is also in this file (line 9); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other',
        'knowledge/procedure/nerve-block.md:9: warning: example question "What is a nerve block" is also in this file (line 6); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other',
      ]);
    });
  });

  describe('the checker (npm run knowledge -- --check --strict, and the studio)', () => {
    const BROKEN = 'test/fixtures/knowledge-checker/broken';
    const COPIED = 'test/fixtures/knowledge-checker/copied';
    const brokenProblems = [
      'condition/back-pain.md:7: a colon is missing after "keywords"; write "keywords: [lower back, lumbago]" (the field\'s name, a colon, a space, then its value)',
      'procedure/nerve-block.md:14: the New entry template\'s sentence "One or two plain sentences that answer the main question." is still here; replace it with your own words',
      'procedure/nerve-block.md:18: the New entry template\'s sentence "A short passage a visitor can read on its own." is still here; replace it with your own words',
      'procedure/radiofrequency-ablation.md:12: "sources" item 1 "url" "www.example.org/ablation" is not a full web address, so the link would lead to a page of the clinic\'s own site; write "https://www.example.org/ablation"',
      'procedure/radiofrequency-ablation.md:19: link "http://www.example.org/ablation" uses http:, which is not secure; link to "https://www.example.org/ablation" instead',
      'vocabulary.yaml:5: a colon is missing after "says"; write "says: [radio wave, nerve burning]" (the field\'s name, a colon, a space, then its value)',
    ];
    const copiedWarnings = [
      'procedure/nerve-block.md:9: warning: example question "Is a nerve block safe?" is also in procedure/radiofrequency-ablation.md (line 9); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other',
      'procedure/radiofrequency-ablation.md:9: warning: example question "Is a nerve block safe?" is also in procedure/nerve-block.md (line 9); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other',
    ];

    it('refuses placeholders, addresses without https: and YAML without colons in a folder the CLI checks', () => {
      const results = compileKnowledgeDirLocales(BROKEN);
      expect(results.map(({ result }) => result.bundle)).toEqual([null]);
      expect(results.flatMap(({ result }) => result.problems).map(formatProblem)).toEqual(brokenProblems.map((problem) => `${BROKEN}/${problem}`));
    });

    it('shows the same problems in the studio, which has the paths inside the folder', () => {
      const { bundle, problems } = compileEveryLocale(readKnowledgeDir(BROKEN, { from: BROKEN }));
      expect(bundle).toBeNull();
      expect(problems.map(formatProblem)).toEqual(brokenProblems);
    });

    it('warns on both files about a copied question, in the CLI and in the studio', () => {
      const cli = compileKnowledgeDirLocales(COPIED).flatMap(({ result }) => result.problems).map(formatProblem);
      expect(cli.filter((problem) => problem.includes(' is also in '))).toEqual([
        `${COPIED}/procedure/nerve-block.md:9: warning: example question "Is a nerve block safe?" is also in ${COPIED}/procedure/radiofrequency-ablation.md (line 9); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other`,
        `${COPIED}/procedure/radiofrequency-ablation.md:9: warning: example question "Is a nerve block safe?" is also in ${COPIED}/procedure/nerve-block.md (line 9); a question can lead to one entry only, so keep it in the entry that answers it and reword or remove the other`,
      ]);
      const studio = compileEveryLocale(readKnowledgeDir(COPIED, { from: COPIED })).problems.map(formatProblem);
      expect(studio.filter((problem) => problem.includes(' is also in '))).toEqual(copiedWarnings);
    });

    it('refuses an entry made by the studio\'s New entry form until its placeholder sentences are replaced', () => {
      const fields = { ...emptyFields(), id: 'nerve-block', title: 'Nerve block', category: 'procedure', questions: ['What is a nerve block?'], sources: [{ title: 'General patient education' }], reviewed: '2026-11-01' };
      const draft = { path: 'procedure/nerve-block.md', text: newEntryText(fields, NEW_ENTRY_BODY) };
      const urgent = { path: 'urgent.yaml', text: URGENT.text };
      const errors = (text: string) =>
        compileEveryLocale([{ ...draft, text }, urgent], { now: NOW })
          .problems.filter((p) => p.severity === 'error')
          .map((p) => p.message);
      expect(errors(draft.text)).toEqual(NEW_ENTRY_PLACEHOLDERS.map((sentence) => `the New entry template's sentence "${sentence}" is still here; replace it with your own words`));
      expect(errors(draft.text.replace(NEW_ENTRY_PLACEHOLDERS[0]!, 'A nerve block is a numbing shot.').replace(NEW_ENTRY_PLACEHOLDERS[1]!, 'It takes a few minutes.'))).toEqual([]);
    });
  });

  describe('htmlToText', () => {
    it('turns list items into lines and decodes entities', () => {
      expect(htmlToText('<p>A &amp; B</p><ul><li>one</li><li>two</li></ul>')).toBe('A & B\n- one\n- two');
    });
  });
});

describe('knowledge in more than one language', () => {
  const files: KnowledgeFile[] = [
    { path: 'kb/urgent.yaml', text: '' },
    { path: 'kb/vocabulary.yaml', text: '' },
    { path: 'kb/procedure/nerve-block.md', text: '' },
    { path: 'kb/es/vocabulary.yaml', text: '' },
    { path: 'kb/es/procedure/nerve-block.md', text: '' },
  ];
  it('puts es/ in Spanish, the rest in English, and urgent.yaml in both', () => {
    expect(localeOfPath('es/procedure/nerve-block.md')).toBe('es');
    expect(localeOfPath('es.md')).toBe('en');
    expect(localeOfPath('procedure/es.md')).toBe('en');
    expect(localesOf(files, 'kb')).toEqual(['en', 'es']);
    expect(knowledgeFilesFor(files, 'en', 'kb').map((f) => f.path)).toEqual(['kb/urgent.yaml', 'kb/vocabulary.yaml', 'kb/procedure/nerve-block.md']);
    expect(knowledgeFilesFor(files, 'es', 'kb').map((f) => f.path)).toEqual(['kb/urgent.yaml', 'kb/es/vocabulary.yaml', 'kb/es/procedure/nerve-block.md']);
    expect(localesOf(files.slice(0, 3), 'kb')).toEqual(['en']);
  });
});
