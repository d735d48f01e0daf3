/**
 * `npm run ask -- [--knowledge FILE] [--locale en|es] [--why] "question"`
 * `npm run ask -- [--knowledge FILE] --jsonl < questions.txt`
 *
 * Prints the reply as a visitor would read it, or with `--jsonl` one JSON object per input
 * line: `{"q", "status", "matches": [{"id", "score"}]}`, matches best first, scores in [0, 1];
 * a request only the clinic's staff can handle is `"status": "fallback", "reason": "needs-clinic"`.
 * Without `--knowledge` it compiles `knowledge/` first, so editors see their latest edits.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Responder, createResponder } from '../answer/reply.js';
import { parseBundleText } from '../knowledge/load.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';
import { DEFAULT_KNOWLEDGE_DIR, compileKnowledgeDir, formatProblem } from './files.js';
import { loadStrings } from '../i18n/strings.js';
import { formatReply, toJsonLine } from './format.js';

const USAGE = 'usage: npm run ask -- [--knowledge FILE] [--locale en|es] [--why] "question"\n       npm run ask -- [--knowledge FILE] --jsonl < questions.txt';

function explainText(question: string, responder: Responder, locale: string): string {
  const why = responder.explain(question, locale);
  const lines = ['', '--- why ---'];
  lines.push(`urgent rules fired: ${why.urgent.length ? why.urgent.map((u) => `${u.ruleId} (${u.level})`).join(', ') : 'none'}`);
  for (const e of why.analysis.expansions) lines.push(`vocabulary: "${e.said}" → ${e.means}`);
  for (const term of why.analysis.terms) {
    const found = term.candidates.map((c) => (c.term === term.term ? c.term : `${c.term}~${c.similarity.toFixed(2)}`)).join(', ') || 'not in the knowledge';
    lines.push(`term ${term.term} (weight ${term.weight.toFixed(2)}): ${found}`);
  }
  for (const m of why.matches.slice(0, 5)) lines.push(`${m.score.toFixed(3)}  ${m.entryId}  passage ${m.passageId}  [${m.matchedTerms.join(' ')}]`);
  return lines.join('\n');
}

function loadBundle(file: string | undefined, locale: string): KnowledgeBundle {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check the path or run "npm run knowledge" first`);
    }
    return parseBundleText(text);
  }
  // The knowledge of the language asked for: knowledge/es/ for Spanish.
  const result = compileKnowledgeDir(DEFAULT_KNOWLEDGE_DIR, locale === 'es' ? 'es' : 'en');
  if (!result.bundle) {
    throw new Error(`${result.problems.map(formatProblem).join('\n')}\nfix the knowledge files above, then ask again`);
  }
  return result.bundle;
}

async function main(args: string[]): Promise<number> {
  let knowledge: string | undefined;
  let jsonl = false;
  let why = false;
  let locale = 'en';
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--knowledge') knowledge = args[++i];
    else if (arg === '--jsonl') jsonl = true;
    else if (arg === '--why') why = true;
    else if (arg === '--locale') locale = args[++i] ?? 'en';
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      console.error(`unknown option ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    } else words.push(arg);
  }
  if (!jsonl && words.length === 0) {
    console.error(`ask a question in quotes\n${USAGE}`);
    return 2;
  }

  let responder: Responder;
  try {
    responder = createResponder(loadBundle(knowledge, locale));
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }

  if (jsonl) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      process.stdout.write(`${toJsonLine(line, responder.reply(line, { locale }))}\n`);
    }
    return 0;
  }
  const question = words.join(' ');
  await loadStrings(locale);
  console.log(formatReply(responder.reply(question, { locale }), locale) + (why ? explainText(question, responder, locale) : ''));
  return 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
