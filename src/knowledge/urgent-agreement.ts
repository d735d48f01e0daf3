/**
 * One situation, one instruction: the sentences of the entries that tell visitors to call
 * 911 (or the clinic today, the crisis line, Poison Help) must give the same instruction as
 * the urgent check gives a visitor who writes the same words. A clinical review found an
 * entry saying 911 for back pain with a fever while the urgent rule said "call today", and
 * a list of red flags that no rule caught (issue 22).
 *
 * Each sentence (or each list item, read with the sentence that leads into the list) that
 * gives an instruction is run through the urgent rules as a visitor's question would be,
 * with the rules' `unless` phrases left out: an entry states the situation ("if you have a
 * fever"), where a visitor's "what if I get a fever?" is a question.
 */
import { createTriage } from '../answer/triage.js';
import type { Problem } from './compile.js';
import type { UrgentGroup, UrgentLevel } from './schema.js';

interface Instruction {
  level: UrgentLevel;
  /** How the entry says it, for the message. */
  says: string;
}

// The words of each instruction, in English and Spanish. Order matters only for the message.
const INSTRUCTIONS: { level: UrgentLevel; pattern: RegExp; says: string }[] = [
  { level: 'emergency', pattern: /\b911\b|\bemergency room\b|\bthe ER\b|\bsala de emergencias\b|\{emergency\}/iu, says: 'call 911 or go to the emergency room' },
  { level: 'crisis', pattern: /\b988\b|\{crisis\}/u, says: 'call or text 988' },
  { level: 'poison', pattern: /1-800-222-1222|\bPoison Help\b|\{poison\}/iu, says: 'call Poison Help' },
  {
    level: 'doctor-today',
    pattern: /\b(?:call|contact)\b[^.;]*\b(?:today|same day)\b|\b(?:today|same day)\b[^.;]*\bcall\b|\bllame\b[^.;]*\b(?:hoy|mismo día)|\b(?:hoy|mismo día)\b[^.;]*\bllame\b/iu,
    says: 'call the clinic today',
  },
];

/** The one instruction a sentence gives, or none when it gives none or several. */
function instructionOf(text: string): Instruction | undefined {
  const found = INSTRUCTIONS.filter((i) => i.pattern.test(text));
  // "Call the clinic today; if no one answers, call 911" gives two steps for one situation.
  if (found.length !== 1) return undefined;
  return { level: found[0]!.level, says: found[0]!.says };
}

interface Situation {
  line: number;
  /** What the entry says, for the message. */
  shown: string;
  /** What is run through the urgent check: the sentence, or the lead-in and the list item. */
  asked: string;
  instruction: Instruction;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/u;

/** The instruction-giving sentences and list items of an entry file's Markdown body. */
export function situationsIn(text: string): Situation[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    start = end < 0 ? lines.length : end + 1;
  }
  const situations: Situation[] = [];
  let leadIn: { text: string; instruction: Instruction } | undefined;
  let paragraph: { text: string; line: number }[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const joined = paragraph.map((p) => p.text).join(' ');
    const firstLine = paragraph[0]!.line;
    // A paragraph ending in ":" leads into the list after it.
    leadIn = undefined;
    const sentences = joined.match(/[^.!?]+(?:[.!?]+|$)/gu) ?? [];
    let before: string[] = [];
    let offset = 0;
    for (const sentence of sentences) {
      const found = joined.indexOf(sentence, offset);
      offset = found + sentence.length;
      const at = found + sentence.length - sentence.trimStart().length;
      // The line the sentence starts on: count the paragraph's lines before it.
      let line = firstLine;
      let length = 0;
      for (const part of paragraph) {
        if (length + part.text.length >= at) break;
        length += part.text.length + 1;
        line = part.line + 1;
      }
      const instruction = instructionOf(sentence);
      if (!instruction) {
        // "If you have sudden, severe pain … Call 911.": the situation may come first.
        before.push(sentence);
        continue;
      }
      if (sentence.trim().endsWith(':')) leadIn = { text: [...before, sentence.trim().slice(0, -1)].join(' '), instruction };
      else situations.push({ line, shown: sentence.trim(), asked: [...before, sentence].join(' '), instruction });
      before = [];
    }
    paragraph = [];
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const item = LIST_ITEM.exec(line);
    if (item) {
      const wasLeadIn = paragraph.length > 0 ? (flush(), leadIn) : leadIn;
      if (wasLeadIn) situations.push({ line: i + 1, shown: item[1]!.trim(), asked: `${wasLeadIn.text} ${item[1]!}`, instruction: wasLeadIn.instruction });
      else {
        const instruction = instructionOf(item[1]!);
        if (instruction) situations.push({ line: i + 1, shown: item[1]!.trim(), asked: item[1]!, instruction });
      }
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) {
      flush();
      if (line.startsWith('#')) leadIn = undefined;
      continue;
    }
    paragraph.push({ text: line.trim(), line: i + 1 });
  }
  flush();
  return situations;
}

const LEVEL_SAYS: Record<UrgentLevel, string> = {
  emergency: 'call 911 or go to the emergency room',
  crisis: 'call or text 988',
  poison: 'call Poison Help',
  'doctor-today': 'call the clinic today',
};

/**
 * Warnings, at file and line, for each sentence of the entries whose instruction differs
 * from the urgent check's for the same words, and for each "call 911" the check would not
 * give a visitor who wrote it.
 */
export function checkUrgentAgreement(
  files: readonly { path: string; text: string }[],
  urgent: readonly UrgentGroup[],
  realWords: Iterable<string>,
  locale = 'en',
): Problem[] {
  // An entry states the situation; the rules' "unless" phrases are for visitors' questions.
  const stated = urgent.map((group) => ({ ...group, rules: group.rules.map((rule) => ({ ...rule, unless: [] })) }));
  // As the chat reads visitors: the knowledge's own words are never taken for typos.
  const triage = createTriage(stated, realWords);
  const problems: Problem[] = [];
  for (const file of files) {
    for (const situation of situationsIn(file.text)) {
      // Most urgent first: the level a visitor would be given.
      const top = triage(situation.asked, locale)[0];
      const shown = situation.shown.length > 90 ? `${situation.shown.slice(0, 87)}…` : situation.shown;
      const { instruction } = situation;
      if (top && top.level !== instruction.level) {
        problems.push({
          path: file.path,
          line: situation.line,
          severity: 'warning',
          message: `says "${instruction.says}" for "${shown}", but a visitor who writes this is told to ${LEVEL_SAYS[top.level]} (urgent rule ${top.ruleId}); one situation, one instruction: change this sentence or the rule in urgent.yaml so they agree`,
        });
      } else if (!top && instruction.level === 'emergency') {
        problems.push({
          path: file.path,
          line: situation.line,
          severity: 'warning',
          message: `says "${instruction.says}" for "${shown}", but the urgent check does not catch it, so a visitor who writes this gets an answer instead of emergency advice; add a rule to urgent.yaml (try npm run ask -- --why "…") or say what the emergency is more plainly`,
        });
      }
    }
  }
  return problems;
}
