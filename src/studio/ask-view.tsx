/**
 * Ask: a question typed here gets the reply a visitor would get (the widget itself shows it),
 * next to why: the urgent rule that fired, how the question was read (terms, typo fixes,
 * vocabulary), the ranked entries with their scores and passages, and the thresholds.
 */
import { useState } from 'preact/hooks';
import { ANSWER_MIN_LEAD, ANSWER_MIN_LEAD_OVER_THIRD, ANSWER_MIN_SCORE, CLARIFY_MIN_SCORE, type Reply } from '../answer/reply.js';
import type { Studio } from './app.js';
import { entryHref } from './app.js';
import { Preview } from './preview.js';

const score = (value: number) => value.toFixed(3);

export function AskView({ studio }: { studio: Studio }) {
  const [draft, setDraft] = useState('');
  const [question, setQuestion] = useState<string | null>(null);
  const responder = studio.responder;
  if (!responder && studio.checking) return <p role="status">Checking the knowledge…</p>;
  if (!responder) return <p role="alert">The knowledge has errors and has never compiled in this session: fix them (see Problems) to ask questions.</p>;
  const reply: Reply | null = question === null ? null : responder.reply(question);
  const why = question === null ? null : responder.explain(question);
  const titleOf = (id: string) => studio.bundle?.entries.find((e) => e.id === id)?.title ?? id;
  const headingOf = (id: string, passageId: string) => studio.bundle?.entries.find((e) => e.id === id)?.passages.find((p) => p.id === passageId)?.heading || 'summary';
  const [best, second, third] = why?.matches ?? [];
  return (
    <section class="ask">
      <h2>Ask</h2>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) setQuestion(draft.trim());
        }}
      >
        <label for="ask-question">Question</label>
        <input id="ask-question" type="text" value={draft} onInput={(event) => setDraft(event.currentTarget.value)} placeholder="how long does an epidrual last" />
        <button type="submit" class="button">
          Ask
        </button>
      </form>
      {question !== null && reply && why ? (
        <div class="ask__result">
          <Preview
            bundle={studio.bundle}
            label="The reply a visitor gets"
            showing={question}
            show={(chat) => {
              chat.clear();
              chat.ask(question);
            }}
          />
          <section class="why" aria-labelledby="why-heading">
            <h3 id="why-heading">Why</h3>
            <dl>
              <dt>Reply</dt>
              <dd id="why-status">
                {reply.status === 'answer' ? `answer from ${reply.entryId} (${headingOf(reply.entryId, reply.passage.id)})` : reply.status}
              </dd>
              <dt>Urgent rule</dt>
              <dd id="why-urgent">
                {why.urgent.length === 0
                  ? 'none fired (the urgent check runs first, on every question)'
                  : why.urgent.map((u) => `${u.ruleId}: ${u.ruleName} (${u.level})`).join('; ')}
              </dd>
              <dt>Decision</dt>
              <dd>
                {best
                  ? `best ${score(best.score)} (answers at ${ANSWER_MIN_SCORE} or more; “Did you mean” from ${CLARIFY_MIN_SCORE}); lead over the next ${score(best.score - (second?.score ?? 0))} (needs ${ANSWER_MIN_LEAD}), over the third ${score(best.score - (third?.score ?? 0))} (needs ${ANSWER_MIN_LEAD_OVER_THIRD})`
                  : 'no entry matches any word of the question'}
              </dd>
              <dt>Vocabulary</dt>
              <dd>{why.analysis.expansions.length ? why.analysis.expansions.map((e) => `“${e.said}” → ${e.means}`).join('; ') : 'none'}</dd>
            </dl>
            <h4>How the question was read</h4>
            <table>
              <thead>
                <tr>
                  <th scope="col">Term</th>
                  <th scope="col">Weight</th>
                  <th scope="col">Knowledge words it stands for</th>
                </tr>
              </thead>
              <tbody>
                {why.analysis.terms.map((term, i) => (
                  <tr key={i}>
                    <td>{term.term}</td>
                    <td>{term.weight.toFixed(2)}</td>
                    <td>{term.candidates.length ? term.candidates.map((c) => (c.similarity < 1 ? `${c.term} (counts ${c.similarity.toFixed(2)})` : c.term)).join(', ') : 'not in the knowledge'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h4>Ranked entries</h4>
            <table id="why-matches">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Entry</th>
                  <th scope="col">Score</th>
                  <th scope="col">Best passage</th>
                  <th scope="col">Terms matched</th>
                </tr>
              </thead>
              <tbody>
                {why.matches.slice(0, 8).map((m, i) => {
                  const path = studio.entryPaths.get(m.entryId);
                  return (
                    <tr key={m.entryId}>
                      <td>{i + 1}</td>
                      <td>{path ? <a href={entryHref(path)}>{titleOf(m.entryId)}</a> : m.entryId}</td>
                      <td>{score(m.score)}</td>
                      <td>{headingOf(m.entryId, m.passageId)}</td>
                      <td>{m.matchedTerms.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h4>Passages of the best three</h4>
            <table id="why-passages">
              <thead>
                <tr>
                  <th scope="col">Entry</th>
                  <th scope="col">Passage</th>
                  <th scope="col">Share of the question it explains</th>
                </tr>
              </thead>
              <tbody>
                {why.matches.slice(0, 3).flatMap((m) =>
                  [...m.passages]
                    .sort((a, b) => b.score - a.score)
                    .map((p) => (
                      <tr key={`${m.entryId} ${p.passageId}`} class={p.passageId === m.passageId ? 'chosen' : undefined}>
                        <td>{titleOf(m.entryId)}</td>
                        <td>
                          {headingOf(m.entryId, p.passageId)}
                          {p.passageId === m.passageId ? ' (shown)' : ''}
                        </td>
                        <td>{score(p.score)}</td>
                      </tr>
                    )),
                )}
              </tbody>
            </table>
          </section>
        </div>
      ) : (
        <p class="muted">Type a question as a visitor would, misspellings and all. The widget below answers from the files as they are in the studio, saved or not.</p>
      )}
    </section>
  );
}
