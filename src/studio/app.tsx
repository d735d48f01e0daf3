/**
 * The studio's screens: entries (list and editor with the widget's own preview), problems,
 * ask (the reply a visitor gets, and why), coverage, and the urgent rules and vocabulary.
 *
 * What the editor types is kept as a draft (in this browser's localStorage, so a reload or a
 * crash loses nothing) until it is saved; the checker runs on the drafts as they change, and a
 * file with errors is not saved.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { type Responder, createResponder } from '../answer/reply.js';
import { type CompileResult, type Problem, URGENT_FILE, VOCABULARY_FILE, compileEveryLocale, isEntryFile, localeOfPath } from '../knowledge/compile.js';
import { CATEGORIES } from '../knowledge/schema.js';
import { check } from './checker.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';
import { AskView } from './ask-view.js';
import { CoverageView } from './coverage-view.js';
import { EntryEditor, NewEntry } from './entry-editor.js';
import { type FileChange, readFields, renameEntry, writeEntry } from './entry-file.js';
import { RulesView } from './rules-view.js';
import type { StudioFile } from './server.js';

export interface Route {
  view: 'entries' | 'entry' | 'new' | 'problems' | 'ask' | 'coverage' | 'urgent' | 'vocabulary';
  path?: string;
  /** A field (or `body`) to put the cursor in, and a line of the file for the body or a YAML file. */
  field?: string;
  line?: number;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const field = params.get('field') ?? undefined;
  const line = params.has('line') ? Number(params.get('line')) : undefined;
  if (path.startsWith('entry/')) return { view: 'entry', path: decodeURIComponent(path.slice(6)), field, line };
  const view = path as Route['view'];
  if (['new', 'problems', 'ask', 'coverage', 'urgent', 'vocabulary'].includes(view)) return { view, field, line };
  return { view: 'entries' };
}

export const entryHref = (path: string, field?: string, line?: number) =>
  `#/entry/${encodeURIComponent(path)}${field || line ? `?${new URLSearchParams({ ...(field ? { field } : {}), ...(line ? { line: String(line) } : {}) })}` : ''}`;

/** Where a problem is fixed: the entry's field, or the YAML file's line. */
export function problemHref(problem: Problem, text: string | undefined): string {
  if (problem.path === URGENT_FILE) return `#/urgent?line=${problem.line}`;
  if (problem.path === VOCABULARY_FILE) return `#/vocabulary?line=${problem.line}`;
  return entryHref(problem.path, undefined, text === undefined ? undefined : problem.line);
}


export interface Studio {
  folder: string;
  /** Every file's text: the draft where there is one, else what is on disk. */
  files: ReadonlyMap<string, string>;
  /** Each entry's file, by entry id. */
  entryPaths: ReadonlyMap<string, string>;
  saved: ReadonlyMap<string, string>;
  drafts: ReadonlyMap<string, string>;
  /** Drafts whose file changed on disk after the draft was started: the editor must choose which to keep. */
  conflicts: ReadonlySet<string>;
  /** Keeps the draft and lets it replace the file's new text on disk at the next save. */
  keepDraft(path: string): void;
  compiled: CompileResult;
  /** True until the checker has looked at the files once. */
  checking: boolean;
  /** What the studio is doing or waiting for, in words (saving, waiting for the checker), or `null`. */
  activity: string | null;
  /** The newest knowledge that compiled without errors, and its responder (the preview and "ask" use it). */
  bundle: KnowledgeBundle | null;
  responder: Responder | null;
  setDraft(path: string, text: string): void;
  discard(path: string): void;
  /**
   * Saves `paths` (their drafts), or the given changes. A save asked for while another is under
   * way, or while the checker is working, waits its turn and then runs: none is dropped.
   */
  save(paths: string[], changes?: FileChange[]): Promise<SaveOutcome>;
  /** True while a save is under way or waiting. */
  saving: boolean;
  /** Renames an entry (its id and file) and updates every entry that lists it as related, saving all of them. */
  rename(path: string, newId: string): Promise<string | null>;
}

/** How a save went: the reason it was not saved, or saved, with what the editor should know (it could not be checked). */
export type SaveOutcome = { ok: false; error: string } | { ok: true; note?: string };

/**
 * How long a save (or a check) waits for the checker's worker before the studio checks on
 * this page instead, in milliseconds; shorter gives up on a slow but working worker sooner.
 * A cold start's first check takes a few seconds; a worker that has not answered in this
 * long has hung or died, and the page's own check (which pauses typing for a moment at each
 * change) is better than a save that never comes.
 */
export const CHECKER_TIMEOUT_MS = 20_000;

/** True when `a` and `b` hold the same files with the same texts. */
const sameFiles = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);

/** The checker's answer on some files, or why there is none. */
type Verdict = { result: CompileResult } | { failed: string };

/** Where one file's draft is kept in this browser: by the folder's full path, one key a file (so tabs editing different files never overwrite each other's drafts). */
const draftPrefix = (root: string) => `pain-care-chat-studio:${root}:`;

/** A draft: the text being edited, and the text on disk when the editing started (`null`: a new file). */
interface Draft {
  text: string;
  base: string | null;
}

function readDrafts(root: string, saved: ReadonlyMap<string, string>): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  try {
    const prefix = draftPrefix(root);
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Draft> | null;
      if (!draft || typeof draft.text !== 'string' || (draft.base !== null && typeof draft.base !== 'string')) continue;
      const path = key.slice(prefix.length);
      if (draft.text !== saved.get(path)) drafts.set(path, { text: draft.text, base: draft.base });
    }
  } catch {
    // Storage blocked: no drafts from earlier visits.
  }
  return drafts;
}

function writeDrafts(root: string, before: ReadonlyMap<string, Draft>, after: ReadonlyMap<string, Draft>): void {
  try {
    for (const path of before.keys()) if (!after.has(path)) localStorage.removeItem(draftPrefix(root) + path);
    for (const [path, draft] of after) if (before.get(path) !== draft) localStorage.setItem(draftPrefix(root) + path, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the drafts still live in this page.
  }
}

/**
 * Files are edited with "\n" line ends and no byte-order mark, as the compiler reads them;
 * each is written back the way it came (CRLF, BOM), so saving changes only what was edited.
 */
interface DiskForm {
  bom: boolean;
  crlf: boolean;
}

const toEditing = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
const toDisk = (text: string, form: DiskForm | undefined) => (form?.bom ? '\uFEFF' : '') + (form?.crlf ? text.replace(/\n/g, '\r\n') : text);

export function App({ folder, root, files: initial }: { folder: string; root: string; files: StudioFile[] }) {
  // What is on disk, exactly (for the server's check that nobody changed it meanwhile), and as edited.
  const [disk, setDisk] = useState(() => new Map(initial.map((file) => [file.path, file.text])));
  const forms = useMemo(() => new Map(initial.map((file) => [file.path, { bom: file.text.startsWith('\uFEFF'), crlf: /\r\n/.test(file.text) }])), [initial]);
  const [saved, setSaved] = useState(() => new Map(initial.map((file) => [file.path, toEditing(file.text)])));
  const [drafts, setDraftsState] = useState(() => readDrafts(root, saved));
  const setDrafts = (update: (current: Map<string, Draft>) => Map<string, Draft>) =>
    setDraftsState((current) => {
      const next = update(current);
      if (next !== current) writeDrafts(root, current, next);
      return next;
    });
  const [saving, setSaving] = useState(false);
  const [activity, setActivity] = useState<string | null>(null);
  // Saves run one after another, each when the one before has finished.
  const saveQueue = useRef<Promise<unknown>>(Promise.resolve());
  const savesWaiting = useRef(0);
  // What is on disk as the server last said, for a save that waited its turn (state is a render late).
  const diskNow = useRef(disk);
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const files = useMemo(() => {
    const all = new Map(saved);
    for (const [path, draft] of drafts) all.set(path, draft.text);
    return all;
  }, [saved, drafts]);
  // The English entries' paths by id (Ask and Coverage use the English knowledge; es/ has the same ids).
  const entryPaths = useMemo(() => new Map([...files].filter(([path]) => isEntryFile(path) && localeOfPath(path) === 'en').map(([path, text]) => [readFields(text).id, path])), [files]);
  const draftTexts = useMemo(() => new Map([...drafts].map(([path, draft]) => [path, draft.text])), [drafts]);
  const conflicts = useMemo(() => new Set([...drafts].filter(([path, draft]) => draft.base !== (saved.get(path) ?? null)).map(([path]) => path)), [saved, drafts]);
  // For a save that waited its turn: the files and conflicts as they are when it runs.
  const latest = useLatest({ files, conflicts });
  // The checker runs on what the editor sees, a moment after they stop typing, in a worker.
  // One check at a time: changes made meanwhile are checked (all at once) when it is done,
  // rather than each keystroke queueing a full check behind the others, which kept the
  // studio "Checking the knowledge…" (and a save waiting) for as long as it took to get
  // through them all.
  const [compiled, setCompiled] = useState<CompileResult | null>(null);
  const [good, setGood] = useState<{ bundle: KnowledgeBundle; responder: Responder } | null>(null);
  const checker = useRef<{ wanted: ReadonlyMap<string, string> | null; inFlight: Promise<void> | null; last: { files: ReadonlyMap<string, string>; verdict: Verdict } | null; onPage: boolean }>({
    wanted: null,
    inFlight: null,
    last: null,
    onPage: false,
  });
  const [checkerNote, setCheckerNote] = useState<string | null>(null);

  /** The checker's verdict on `files`: from the worker, or on this page when the worker does not answer in time. */
  async function checkWithin(files: ReadonlyMap<string, string>): Promise<Verdict> {
    try {
      if (!checker.current.onPage) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, CHECKER_TIMEOUT_MS, null)));
        const result = await Promise.race([check(files), late]).finally(() => clearTimeout(timer));
        if (result) return { result };
        checker.current.onPage = true;
        setCheckerNote(`The checker did not answer within ${CHECKER_TIMEOUT_MS / 1000} seconds, so the studio checks on this page from now on (it may pause for a moment after each change).`);
      }
      return { result: compileEveryLocale([...files].map(([path, text]) => ({ path, text }))) };
    } catch (error) {
      return { failed: (error as Error).message };
    }
  }

  /** Checks the newest files (`checker.wanted`) unless a check is under way; it starts the next one when done. */
  function runChecks(): void {
    const state = checker.current;
    const target = state.wanted;
    if (state.inFlight || !target || state.last?.files === target) return;
    state.inFlight = checkWithin(target).then((verdict) => {
      state.last = { files: target, verdict };
      state.inFlight = null;
      if (state.wanted === target) {
        const result = 'result' in verdict ? verdict.result : { bundle: null, problems: [{ path: '(studio)', line: 1, severity: 'error' as const, message: `the checker failed: ${verdict.failed}` }] };
        setCompiled(result);
        if (result.bundle) setGood({ bundle: result.bundle, responder: createResponder(result.bundle) });
      }
      runChecks();
    });
  }

  useEffect(() => {
    const timer = setTimeout(() => {
      checker.current.wanted = files;
      runChecks();
    }, compiled ? 200 : 0);
    return () => clearTimeout(timer);
  }, [files]);

  /**
   * The checker's verdict on the files as they will be after a save. A save asked for while
   * the checker works waits for that check (most often it is on these very files, and its
   * answer serves) instead of queueing another behind it.
   */
  async function verdictFor(after: ReadonlyMap<string, string>): Promise<Verdict> {
    const state = checker.current;
    if (state.inFlight) await state.inFlight;
    if (state.last && sameFiles(state.last.files, after)) return state.last.verdict;
    return checkWithin(after);
  }

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (drafts.size === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [drafts]);
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const studio: Studio = {
    folder,
    files,
    entryPaths,
    saved,
    drafts: draftTexts,
    conflicts,
    keepDraft(path) {
      setDrafts((current) => {
        const draft = current.get(path);
        if (!draft) return current;
        return new Map(current).set(path, { text: draft.text, base: saved.get(path) ?? null });
      });
    },
    compiled: compiled ?? { bundle: null, problems: [] },
    checking: compiled === null,
    activity,
    bundle: good?.bundle ?? null,
    responder: good?.responder ?? null,
    setDraft(path, text) {
      setDrafts((current) => {
        const next = new Map(current);
        if (text === saved.get(path)) next.delete(path);
        else next.set(path, { text, base: current.has(path) ? current.get(path)!.base : (saved.get(path) ?? null) });
        return next;
      });
    },
    discard(path) {
      setDrafts((current) => {
        const next = new Map(current);
        next.delete(path);
        return next;
      });
    },
    saving,
    save(paths, changes) {
      // The texts as they are now, when the editor asked; saved when the saves before are done.
      const planned = changes ?? paths.map((path) => ({ path, text: files.get(path) ?? '' }));
      savesWaiting.current++;
      setSaving(true);
      if (savesWaiting.current > 1) setActivity(`Saving ${aboutFiles(planned)} when the save under way is done…`);
      const run = saveQueue.current.then(() => saveNow(planned)).catch((error: Error): SaveOutcome => ({ ok: false, error: `Not saved: ${error.message}. Your edits are kept as a draft.` }));
      saveQueue.current = run;
      return run.finally(() => {
        if (--savesWaiting.current > 0) return;
        setSaving(false);
        setActivity(null);
      });
    },
    async rename(path, newId) {
      // The other entries' related lists are changed on disk as saved; an unsaved draft of
      // one of them gets the same change and keeps its other edits.
      let changes: FileChange[];
      try {
        const onDisk = new Map(saved);
        onDisk.set(path, files.get(path) ?? '');
        changes = renameEntry(onDisk, path, newId);
      } catch (failure) {
        return (failure as Error).message;
      }
      const outcome = await this.save([], changes);
      if (!outcome.ok) return outcome.error;
      setDrafts((current) => {
        const next = new Map(current);
        for (const change of changes) {
          const draft = current.get(change.path);
          if (!draft || 'delete' in change || change.path === changes[0]!.path) continue;
          next.set(change.path, { text: writeEntry(draft.text, { related: readFields(change.text).related }), base: change.text });
        }
        return next;
      });
      return null;
    },
  };

  /** "a.md", "a.md and b.md", or "a.md and 2 other files": what a save is about, for the status line. */
  function aboutFiles(planned: FileChange[]): string {
    const [first, ...others] = planned.map((change) => change.path);
    if (others.length === 0) return first ?? 'nothing';
    return others.length === 1 ? `${first} and ${others[0]}` : `${first} and ${others.length} other files`;
  }

  async function saveNow(planned: FileChange[]): Promise<SaveOutcome> {
    const { files, conflicts } = latest.current;
    const changedOnDisk = planned.filter((change) => conflicts.has(change.path)).map((change) => change.path);
    if (changedOnDisk.length > 0) {
      return { ok: false, error: `Not saved: ${changedOnDisk.join(', ')} changed on disk after you started editing. Choose which version to keep first.` };
    }
    // The checker's verdict on the files as they will be after the save.
    const after = new Map(files);
    for (const change of planned) {
      if ('delete' in change) after.delete(change.path);
      else after.set(change.path, change.text);
    }
    const what = aboutFiles(planned);
    if (checker.current.inFlight || !checker.current.last || !sameFiles(checker.current.last.files, after)) {
      setActivity(`Saving ${what}: waiting for the checker to finish checking the knowledge…`);
    }
    const verdict = await verdictFor(after);
    const errors = 'result' in verdict ? verdict.result.problems.filter((p) => p.severity === 'error' && planned.some((c) => c.path === p.path)) : [];
    if (errors.length > 0) {
      return { ok: false, error: `Not saved: ${errors.length === 1 ? 'there is 1 error' : `there are ${errors.length} errors`} to fix first (${errors.map((p) => `${p.path} line ${p.line}`).join(', ')}).` };
    }
    setActivity(`Saving ${what}…`);
    const written = planned.map((change) => ('delete' in change ? change : { path: change.path, text: toDisk(change.text, forms.get(change.path)) }));
    const expect = Object.fromEntries(planned.map((change) => [change.path, diskNow.current.get(change.path) ?? null]));
    let response: Response;
    try {
      response = await fetch('/api/save', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ changes: written, expect }) });
    } catch (error) {
      return { ok: false, error: `Not saved: the studio server did not answer (${(error as Error).message}). Your edits are kept as a draft.` };
    }
    const result = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string };
    if (!response.ok || !result.ok) return { ok: false, error: `Not saved: ${result.error ?? `the server answered ${response.status}`}.` };
    const apply = <T,>(map: Map<string, T>, value: (change: { path: string; text: string }, i: number) => T) => {
      const next = new Map(map);
      planned.forEach((change, i) => {
        if ('delete' in change) next.delete(change.path);
        else next.set(change.path, value(change, i));
      });
      return next;
    };
    diskNow.current = apply(diskNow.current, (_, i) => (written[i] as { text: string }).text);
    setDisk(diskNow.current);
    setSaved((current) => apply(current, (change) => change.text));
    // What was typed while the save was under way stays a draft, now based on what was saved.
    setDrafts((current) => {
      const next = new Map(current);
      for (const change of planned) {
        const draft = current.get(change.path);
        if (!draft) continue;
        if ('delete' in change || draft.text === change.text) next.delete(change.path);
        else next.set(change.path, { text: draft.text, base: change.text });
      }
      return next;
    });
    // The checker could not say whether the files have errors: saved all the same (a save is
    // never held back by a broken checker), and the editor is told to check them.
    return 'failed' in verdict ? { ok: true, note: `not checked: the checker failed (${verdict.failed}); run npm run knowledge -- --check to check it` } : { ok: true };
  }

  const errors = studio.compiled.problems.filter((p) => p.severity === 'error').length;
  const warnings = studio.compiled.problems.length - errors;
  const nav: [Route['view'], string, ComponentChildren?][] = [
    ['entries', 'Entries'],
    ['problems', 'Problems', <span class={`count${errors ? ' count--error' : ''}`}>{errors + warnings}</span>],
    ['ask', 'Ask'],
    ['coverage', 'Coverage'],
    ['urgent', 'Urgent rules'],
    ['vocabulary', 'Vocabulary'],
  ];
  const current = route.view === 'entry' || route.view === 'new' ? 'entries' : route.view;
  return (
    <div class="studio">
      <header class="top">
        <h1>
          Knowledge studio <span class="folder">{folder}/</span>
        </h1>
        <nav aria-label="Studio">
          <ul>
            {nav.map(([view, label, extra]) => (
              <li key={view}>
                <a href={`#/${view === 'entries' ? '' : view}`} aria-current={current === view ? 'page' : undefined}>
                  {label} {extra}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="drafts" role="status">
          {activity ? `${activity} · ` : studio.checking ? 'Checking the knowledge… · ' : ''}
          {drafts.size === 0 ? 'All changes saved' : `${drafts.size} unsaved ${drafts.size === 1 ? 'file' : 'files'}`}
        </p>
        {checkerNote ? (
          <p class="message" role="status">
            {checkerNote}
          </p>
        ) : null}
      </header>
      <div class="body">
        {current === 'entries' ? <EntryList studio={studio} selected={route.path} /> : null}
        <main id="main" tabIndex={-1}>
          {route.view === 'entry' && route.path ? (
            files.has(route.path) ? (
              <EntryEditor key={route.path} studio={studio} path={route.path} focus={route} />
            ) : (
              <p>There is no file {route.path}. Pick an entry from the list.</p>
            )
          ) : route.view === 'new' ? (
            <NewEntry studio={studio} />
          ) : route.view === 'problems' ? (
            <ProblemsView studio={studio} />
          ) : route.view === 'ask' ? (
            <AskView studio={studio} />
          ) : route.view === 'coverage' ? (
            <CoverageView studio={studio} />
          ) : route.view === 'urgent' || route.view === 'vocabulary' ? (
            <RulesView key={route.view} studio={studio} path={route.view === 'urgent' ? URGENT_FILE : VOCABULARY_FILE} line={route.line} />
          ) : (
            <Welcome studio={studio} />
          )}
        </main>
      </div>
    </div>
  );
}

function Welcome({ studio }: { studio: Studio }) {
  const entries = [...studio.files.keys()].filter(isEntryFile).length;
  return (
    <section>
      <h2>Welcome</h2>
      <p>
        {entries} entries in <code>{studio.folder}/</code>. Pick one from the list to edit it, see how the widget shows it, and save. Use <a href="#/ask">Ask</a> to try a
        question as a visitor would, and <a href="#/coverage">Coverage</a> to see which example questions land on the wrong entry.
      </p>
      <NewEntryLink />
    </section>
  );
}

function EntryList({ studio, selected }: { studio: Studio; selected?: string }) {
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const problemsOf = (path: string) => studio.compiled.problems.filter((p) => p.path === path);
  const entries = [...studio.files]
    .filter(([path]) => isEntryFile(path))
    .map(([path, text]) => ({ path, fields: readFields(text), category: path.split('/')[0] ?? '' }))
    .filter(({ path, fields }) => !needle || [path, fields.title, ...fields.questions, ...fields.keywords].some((t) => t.toLowerCase().includes(needle)));
  const groups = [...new Set([...CATEGORIES, ...entries.map((e) => e.category)])];
  return (
    <aside class="list" aria-label="Entries">
      <p>
        <label for="entry-search">Search entries</label>
        <input id="entry-search" type="search" value={search} onInput={(event) => setSearch(event.currentTarget.value)} placeholder="title, question or keyword" />
      </p>
      <NewEntryLink />
      {groups.map((category) => {
        const inGroup = entries.filter((e) => e.category === category).sort((a, b) => a.fields.title.localeCompare(b.fields.title));
        if (inGroup.length === 0) return null;
        return (
          <section key={category}>
            <h2>
              {category} <span class="muted">({inGroup.length})</span>
            </h2>
            <ul>
              {inGroup.map(({ path, fields }) => {
                const problems = problemsOf(path);
                const errors = problems.filter((p) => p.severity === 'error').length;
                return (
                  <li key={path}>
                    <a href={entryHref(path)} aria-current={selected === path ? 'page' : undefined}>
                      {fields.title || path}
                      {studio.drafts.has(path) ? <span class="dirty"> (unsaved)</span> : null}
                      {problems.length > 0 ? (
                        <span class={errors ? 'badge badge--error' : 'badge'}>
                          {errors ? `${errors} error${errors > 1 ? 's' : ''}` : `${problems.length} warning${problems.length > 1 ? 's' : ''}`}
                        </span>
                      ) : null}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {entries.length === 0 ? <p>No entry matches “{search}”.</p> : null}
    </aside>
  );
}

/** One list of problems, each a link to the field or line where it is fixed. */
export function ProblemList({ studio, problems }: { studio: Studio; problems: Problem[] }) {
  if (studio.checking) return <p class="muted">Checking…</p>;
  if (problems.length === 0) return <p class="ok">No problems.</p>;
  return (
    <ul class="problems">
      {problems.map((problem, i) => (
        <li key={i} class={`problem problem--${problem.severity}`}>
          <a href={problemHref(problem, studio.files.get(problem.path))}>
            <span class="problem__where">
              {problem.severity === 'error' ? 'Error' : 'Warning'} · {problem.path} line {problem.line}
            </span>
            <span class="problem__message">{problem.message}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function ProblemsView({ studio }: { studio: Studio }) {
  const problems = [...studio.compiled.problems].sort((a, b) => (a.severity === b.severity ? a.path.localeCompare(b.path) || a.line - b.line : a.severity === 'error' ? -1 : 1));
  return (
    <section>
      <h2>Problems</h2>
      <p>
        Everything the checker (<code>npm run knowledge -- --check</code>) says about the files as they are in the studio, saved or not. Errors keep a file from being saved and the
        widget from being built; warnings are advice.
      </p>
      <ProblemList studio={studio} problems={problems} />
    </section>
  );
}

/** A line saying how an action went: read out politely (`status`) or at once (`alert`). */
export type Notice = { kind: 'status' | 'alert'; text: string } | null;

export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p class={notice.kind === 'alert' ? 'message message--alert' : 'message'} role={notice.kind}>
      {notice.text}
    </p>
  );
}

/** Save and (when there is a draft) "Discard changes" for one file, with what happened. */
export function SaveControls({ studio, path, onDiscard, children }: { studio: Studio; path: string; onDiscard: () => void; children?: ComponentChildren }) {
  const [notice, setNotice] = useState<Notice>(null);
  const dirty = studio.drafts.has(path);
  async function save() {
    // What the save waits for is said in the studio's status line, once.
    setNotice(null);
    const warnings = studio.compiled.problems.filter((p) => p.path === path).length;
    const saved = await studio.save([path]);
    if (!saved.ok) setNotice({ kind: 'alert', text: saved.error });
    else if (saved.note) setNotice({ kind: 'alert', text: `Saved ${path}, ${saved.note}.` });
    else setNotice({ kind: 'status', text: `Saved ${path}${warnings ? `, with ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}.` });
  }
  // Ctrl+S never does nothing: it saves (after a save under way), or says there is nothing to save.
  const latestSave = useLatest(() => (dirty ? void save() : setNotice({ kind: 'status', text: `Nothing to save: ${path} has no unsaved changes.` })));
  // Ctrl+S (⌘S on a Mac) saves, as in any editor.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latestSave.current();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <div class="actions">
        <button type="button" class="button" disabled={!dirty} onClick={() => void save()} aria-keyshortcuts="Control+S">
          Save
        </button>
        {dirty ? (
          <button
            type="button"
            onClick={() => {
              studio.discard(path);
              onDiscard();
              setNotice({ kind: 'status', text: 'Changes thrown away.' });
            }}
          >
            Discard changes
          </button>
        ) : null}
        {children}
      </div>
      <NoticeLine notice={notice} />
    </>
  );
}

export function NewEntryLink() {
  return (
    <p>
      <a class="button" href="#/new">
        New entry
      </a>
    </p>
  );
}

/** Says a draft's file changed on disk after the editing started, and lets the editor pick a version. */
export function ConflictNotice({ studio, path, onDiscard }: { studio: Studio; path: string; onDiscard: () => void }) {
  if (!studio.conflicts.has(path)) return null;
  return (
    <div class="message message--alert" role="alert">
      <p>{path} changed on disk after you started editing it here (someone else, or another program, saved it). Which version do you want?</p>
      <div class="actions">
        <button type="button" onClick={() => studio.keepDraft(path)}>
          Keep my version (it replaces the file on disk when saved)
        </button>
        <button
          type="button"
          onClick={() => {
            studio.discard(path);
            onDiscard();
          }}
        >
          Use the version on disk (my edits are thrown away)
        </button>
      </div>
    </div>
  );
}

/** Keeps the latest value in a ref, for effects that must not re-run when it changes. */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
