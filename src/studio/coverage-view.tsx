/**
 * Coverage: every example question (and a file of real visitors' questions, if given) run
 * through the matcher, in a sortable table, with the entries that compete for questions.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Studio } from './app.js';
import { entryHref } from './app.js';
import { type CoverageRow, coverageOf, visitorCoverage } from './coverage.js';

type Column = 'entry' | 'question' | 'verdict' | 'landedOn' | 'score';
const VERDICT_ORDER = ['wrong', 'clarify', 'fallback', 'urgent', 'right'];

function sortRows(rows: CoverageRow[], column: Column, ascending: boolean): CoverageRow[] {
  const value = (row: CoverageRow): string | number =>
    column === 'score' ? row.score : column === 'verdict' ? VERDICT_ORDER.indexOf(row.verdict ?? row.status) : column === 'entry' ? (row.entryId ?? '') : column === 'landedOn' ? (row.landedOn ?? '') : row.question;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return ascending ? order : -order;
  });
}

export function CoverageView({ studio }: { studio: Studio }) {
  const [column, setColumn] = useState<Column>('verdict');
  const [ascending, setAscending] = useState(true);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [visitorText, setVisitorText] = useState('');
  const { bundle, responder } = studio;
  const report = useMemo(() => (bundle && responder ? coverageOf(bundle, responder) : null), [bundle, responder]);
  const visitors = useMemo(() => (responder && visitorText.trim() ? visitorCoverage(responder, visitorText) : []), [responder, visitorText]);
  if ((!report || !bundle) && studio.checking) return <p role="status">Checking the knowledge…</p>;
  if (!report || !bundle) return <p role="alert">The knowledge has errors: fix them (see Problems) to see the coverage.</p>;
  const pathOf = studio.entryPaths;
  const link = (id: string | null) => (id && pathOf.has(id) ? <a href={entryHref(pathOf.get(id)!, 'questions')}>{id}</a> : (id ?? '—'));
  const counts = Object.fromEntries(VERDICT_ORDER.map((v) => [v, report.rows.filter((r) => r.verdict === v).length]));
  const rows = sortRows(onlyProblems ? report.rows.filter((r) => r.verdict !== 'right') : report.rows, column, ascending);
  const header = (key: Column, label: string) => (
    <th scope="col" aria-sort={column === key ? (ascending ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        class="sort"
        onClick={() => {
          if (column === key) setAscending(!ascending);
          else {
            setColumn(key);
            setAscending(true);
          }
        }}
      >
        {label}
        <span aria-hidden="true">{column === key ? (ascending ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  return (
    <section class="coverage">
      <h2>Coverage</h2>
      <p id="coverage-summary">
        {report.rows.length} example questions: {counts.right} answered by their own entry, {counts.wrong} by another entry, {counts.clarify} only get “Did you mean”,{' '}
        {counts.fallback} get “I don't know”, {counts.urgent} are taken as urgent.
      </p>
      <label class="check">
        <input type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.currentTarget.checked)} /> Show only questions not answered by their own entry
      </label>
      <table id="coverage-table">
        <caption class="visually-hidden">Where each example question lands; select a column heading to sort</caption>
        <thead>
          <tr>
            {header('entry', 'Entry')}
            {header('question', 'Question')}
            {header('verdict', 'Result')}
            {header('landedOn', 'Answered by')}
            {header('score', 'Score')}
            <th scope="col">Next best</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} class={`verdict--${row.verdict}`}>
              <td>{link(row.entryId)}</td>
              <td>{row.question}</td>
              <td>{row.verdict}</td>
              <td>{link(row.landedOn)}</td>
              <td>{row.score.toFixed(3)}</td>
              <td>{row.runnerUp ? `${row.runnerUp.id} ${row.runnerUp.score.toFixed(3)}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Entries that compete for the same questions</h3>
      {report.competing.length === 0 ? (
        <p>None: every example question is clearly its own entry's.</p>
      ) : (
        <table id="competing-table">
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Entry</th>
              <th scope="col">Example questions they share or nearly share</th>
            </tr>
          </thead>
          <tbody>
            {report.competing.map((pair) => (
              <tr key={`${pair.a} ${pair.b}`}>
                <td>{link(pair.a)}</td>
                <td>{link(pair.b)}</td>
                <td>{pair.questions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Real visitors' questions</h3>
      <p class="muted">Paste questions, one a line, or open a text file of them. They stay in this page; nothing is saved or sent.</p>
      <label for="visitor-file">Open a file of questions</label>
      <input id="visitor-file" type="file" accept=".txt,text/plain" onChange={async (event) => setVisitorText((await event.currentTarget.files?.[0]?.text()) ?? '')} />
      <label for="visitor-questions">Questions, one a line</label>
      <textarea id="visitor-questions" rows={6} value={visitorText} onInput={(event) => setVisitorText(event.currentTarget.value)} />
      {visitors.length > 0 ? (
        <table id="visitor-table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Reply</th>
              <th scope="col">Entry</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {visitors.map((row, i) => (
              <tr key={i}>
                <td>{row.question}</td>
                <td>{row.status}</td>
                <td>{link(row.landedOn)}</td>
                <td>{row.score.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
