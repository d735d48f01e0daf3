/**
 * The studio's coverage report: every entry's example questions (and, optionally, real
 * visitors' questions) run through the one matcher, to show which land on the wrong entry,
 * which only get "Did you mean", and which entries compete for the same questions. Pure.
 */
import { CLARIFY_WINDOW, type Reply, type Responder } from '../answer/reply.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';

export type Verdict = 'right' | 'wrong' | 'clarify' | 'fallback' | 'urgent';

export interface CoverageRow {
  /** The entry the question belongs to; `null` for a visitor's question. */
  entryId: string | null;
  question: string;
  status: 'answer' | 'clarify' | 'fallback' | 'urgent';
  /** The entry the reply answers with (answer), or the first offered (clarify). */
  landedOn: string | null;
  score: number;
  /** The next best entry and its score: a close one competes for the question. */
  runnerUp: { id: string; score: number } | null;
  verdict: Verdict | null;
}

export interface Competition {
  /** Two entries, in id order, and how many example questions one of them lost or nearly lost to the other. */
  a: string;
  b: string;
  questions: number;
}

function rowFor(reply: Reply, question: string, entryId: string | null): CoverageRow {
  const [best, second] = reply.matches;
  const landedOn = reply.status === 'answer' ? reply.entryId : reply.status === 'clarify' ? (reply.choices[0]?.id ?? null) : null;
  let verdict: Verdict | null = null;
  if (entryId !== null) {
    if (reply.status === 'answer') verdict = reply.entryId === entryId ? 'right' : 'wrong';
    else verdict = reply.status;
  }
  return {
    entryId,
    question,
    status: reply.status,
    landedOn,
    score: best?.score ?? 0,
    runnerUp: second ? { id: second.id, score: second.score } : null,
    verdict,
  };
}

/** Every example question of every entry, with where it lands, and the pairs of entries that compete. */
export function coverageOf(bundle: KnowledgeBundle, responder: Responder): { rows: CoverageRow[]; competing: Competition[] } {
  const rows: CoverageRow[] = [];
  const pairs = new Map<string, Competition>();
  for (const entry of bundle.entries) {
    for (const question of entry.questions) {
      const reply = responder.reply(question);
      const row = rowFor(reply, question, entry.id);
      rows.push(row);
      // Another entry competes when it wins the question, or comes within the "Did you mean" window of the winner.
      const rival = reply.matches.find((m) => m.id !== entry.id && m.score >= (reply.matches[0]?.score ?? 0) - CLARIFY_WINDOW / 2);
      if (!rival || row.verdict === 'urgent') continue;
      const [a, b] = [entry.id, rival.id].sort() as [string, string];
      const key = `${a} ${b}`;
      const pair = pairs.get(key) ?? { a, b, questions: 0 };
      pair.questions++;
      pairs.set(key, pair);
    }
  }
  return { rows, competing: [...pairs.values()].sort((x, y) => y.questions - x.questions || x.a.localeCompare(y.a)) };
}

/** Real visitors' questions, one a line (blank lines and `#` comments skipped), with where each lands. */
export function visitorCoverage(responder: Responder, text: string): CoverageRow[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((question) => rowFor(responder.reply(question), question, null));
}
