/**
 * One entry: its front matter as a form, its Markdown body, its problems, and the widget's
 * own rendering of every passage beside them. Also the "new entry" form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ConflictNotice, NoticeLine, ProblemList, type Route, SaveControls, type Studio, entryHref, useLatest } from './app.js';
import { Preview } from './preview.js';
import { CATEGORIES, ENTRY_ID } from '../knowledge/schema.js';
import { isEntryFile } from '../knowledge/compile.js';
import { type EntryFields, NEW_ENTRY_BODY, emptyFields, fieldAtLine, newEntryText, readBody, readFields, today, writeEntry } from './entry-file.js';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function EntryEditor({ studio, path, focus }: { studio: Studio; path: string; focus: Route }) {
  const text = studio.files.get(path) ?? '';
  const latestText = useLatest(text);
  const fields = readFields(text);
  // Bumped when the draft is thrown away, so the form shows the saved text again.
  const [version, setVersion] = useState(0);
  const [renaming, setRenaming] = useState(false);
  const dirty = studio.drafts.has(path);
  const problems = studio.compiled.problems.filter((p) => p.path === path);
  const update = (changes: Partial<EntryFields>, body?: string) => {
    const next = writeEntry(latestText.current, changes, body);
    latestText.current = next;
    studio.setDraft(path, next);
  };
  const editingRoot = useRef<HTMLFormElement>(null);

  // A link from a problem names a field or a line: put the cursor there.
  useEffect(() => {
    const root = editingRoot.current;
    if (!root) return;
    const field = focus.field ?? (focus.line ? fieldAtLine(text, focus.line) : undefined);
    const target = field ? root.querySelector<HTMLElement>(`#field-${field}`) : null;
    if (!target) return;
    target.focus();
    target.scrollIntoView({ block: 'center' });
    if (field === 'body' && focus.line && target instanceof HTMLTextAreaElement) {
      const bodyStart = text.length - readBody(text).length;
      const lineStart = text.split('\n').slice(0, focus.line - 1).join('\n').length + 1;
      const at = Math.max(0, lineStart - bodyStart);
      target.setSelectionRange(at, at);
    }
  }, [focus.field, focus.line, path]);

  const ids = [...studio.files].filter(([p]) => isEntryFile(p) && p !== path).map(([p, t]) => ({ id: readFields(t).id, title: readFields(t).title, path: p }));

  return (
    <div class="editor">
      <form
        ref={editingRoot}
        key={version}
        class="entry-form"
        aria-labelledby="entry-heading"
        onSubmit={(event) => event.preventDefault()}
      >
        <h2 id="entry-heading">
          {fields.title || path} {dirty ? <span class="dirty">(unsaved)</span> : null}
        </h2>
        <p class="muted">
          {studio.folder}/{path}
        </p>
        <SaveControls studio={studio} path={path} onDiscard={() => setVersion((v) => v + 1)}>
          <button type="button" onClick={() => setRenaming(!renaming)} aria-expanded={renaming}>
            Rename…
          </button>
        </SaveControls>
        {renaming ? <RenameForm studio={studio} path={path} currentId={fields.id} /> : null}
        <ConflictNotice studio={studio} path={path} onDiscard={() => setVersion((v) => v + 1)} />

        <h3>Problems in this file</h3>
        <ProblemList studio={studio} problems={problems} />

        <label for="field-title">Title</label>
        <input id="field-title" value={fields.title} onInput={(event) => update({ title: event.currentTarget.value })} />

        <label for="field-questions">Example questions, one a line (how visitors would ask; at least 4)</label>
        <textarea id="field-questions" rows={8} defaultValue={fields.questions.join('\n')} onInput={(event) => update({ questions: lines(event.currentTarget.value) })} />

        <label for="field-keywords">Keywords, one a line (lay words and common misspellings)</label>
        <textarea id="field-keywords" rows={6} defaultValue={fields.keywords.join('\n')} onInput={(event) => update({ keywords: lines(event.currentTarget.value) })} />

        <RelatedPicker ids={ids} related={fields.related} onChange={(related) => update({ related })} />

        <fieldset id="field-sources" tabIndex={-1}>
          <legend>Sources</legend>
          {fields.sources.map((source, i) => (
            <div class="source-row" key={i}>
              <label for={`source-title-${i}`}>Source {i + 1}: title</label>
              <input
                id={`source-title-${i}`}
                value={source.title}
                onInput={(event) => update({ sources: fields.sources.map((s, j) => (j === i ? { ...s, title: event.currentTarget.value } : s)) })}
              />
              <label for={`source-url-${i}`}>Source {i + 1}: web address (optional)</label>
              <input
                id={`source-url-${i}`}
                type="url"
                value={source.url ?? ''}
                onInput={(event) => {
                  const url = event.currentTarget.value.trim();
                  update({ sources: fields.sources.map((s, j) => (j === i ? (url ? { title: s.title, url } : { title: s.title }) : s)) });
                }}
              />
              <button type="button" onClick={() => update({ sources: fields.sources.filter((_, j) => j !== i) })}>
                Remove source {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => update({ sources: [...fields.sources, { title: '' }] })}>
            Add a source
          </button>
        </fieldset>

        <label for="field-reviewed">Last reviewed</label>
        <div class="inline">
          <input id="field-reviewed" type="date" value={fields.reviewed} onInput={(event) => update({ reviewed: event.currentTarget.value })} />
          <button type="button" onClick={() => update({ reviewed: today() })}>
            Reviewed today
          </button>
        </div>

        <label for="field-body">Body (Markdown: a short summary paragraph, then a “## ” heading for each section)</label>
        <textarea id="field-body" class="code" rows={22} defaultValue={readBody(text)} onInput={(event) => update({}, event.currentTarget.value)} />
      </form>
      <div class="side">
        <h3>How visitors see it</h3>
        <p class="muted">
          {problems.some((p) => p.severity === 'error') ? 'The preview shows the last version without errors.' : 'Every passage, as the widget shows it when it answers with it.'}
        </p>
        <Preview
          bundle={studio.bundle}
          label="Preview"
          showing={fields.id}
          show={(chat) => {
            const entry = studio.bundle?.entries.find((e) => e.id === fields.id);
            for (const passage of entry?.passages ?? []) chat.showEntry(entry!.id, passage.id);
          }}
        />
      </div>
    </div>
  );
}

function RelatedPicker({ ids, related, onChange }: { ids: { id: string; title: string }[]; related: string[]; onChange: (related: string[]) => void }) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = ids
    .filter(({ id, title }) => related.includes(id) || !needle || id.includes(needle) || title.toLowerCase().includes(needle))
    .sort((a, b) => Number(related.includes(b.id)) - Number(related.includes(a.id)) || a.title.localeCompare(b.title));
  const unknown = related.filter((id) => !ids.some((entry) => entry.id === id));
  return (
    <fieldset id="field-related" tabIndex={-1}>
      <legend>Related entries (up to two are offered after an answer)</legend>
      <label for="related-filter">Find an entry</label>
      <input id="related-filter" type="search" value={filter} onInput={(event) => setFilter(event.currentTarget.value)} />
      {unknown.length > 0 ? <p class="message message--alert">Not an entry: {unknown.join(', ')}</p> : null}
      <ul class="picker">
        {shown.map(({ id, title }) => (
          <li key={id}>
            <label>
              <input
                type="checkbox"
                checked={related.includes(id)}
                onChange={(event) => onChange(event.currentTarget.checked ? [...related, id] : related.filter((r) => r !== id))}
              />{' '}
              {title} <span class="muted">({id})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const ID_HELP = 'An id is lower-case letters and digits, with dashes between words (like "nerve-block").';
const slug = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function RenameForm({ studio, path, currentId }: { studio: Studio; path: string; currentId: string }) {
  const [id, setId] = useState(currentId);
  const [error, setError] = useState<string | null>(null);
  async function rename(event: Event) {
    event.preventDefault();
    if (!ENTRY_ID.test(id)) return setError(ID_HELP);
    const failed = await studio.rename(path, id);
    if (failed) return setError(failed);
    location.hash = entryHref(`${path.slice(0, path.lastIndexOf('/') + 1)}${id}.md`);
  }
  return (
    <form class="rename" onSubmit={rename}>
      <label for="rename-id">New id (the file is renamed to match, and every “related” that names it is updated)</label>
      <input id="rename-id" value={id} onInput={(event) => setId(event.currentTarget.value.trim())} />
      <button type="submit" class="button">
        Rename and save
      </button>
      <NoticeLine notice={error ? { kind: 'alert', text: error } : null} />
    </form>
  );
}

export function NewEntry({ studio }: { studio: Studio }) {
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [category, setCategory] = useState('procedure');
  const [error, setError] = useState<string | null>(null);
  const chosenId = id || slug(title);
  function create(event: Event) {
    event.preventDefault();
    if (title.trim() === '') return setError('Give the entry a title.');
    if (!ENTRY_ID.test(chosenId)) return setError(ID_HELP);
    const path = `${category}/${chosenId}.md`;
    if (studio.files.has(path) || [...studio.files.values()].some((text) => readFields(text).id === chosenId)) return setError(`An entry with the id "${chosenId}" already exists.`);
    studio.setDraft(path, newEntryText({ ...emptyFields(), id: chosenId, title: title.trim(), category, sources: [{ title: 'General patient education' }], reviewed: today() }, NEW_ENTRY_BODY));
    location.hash = entryHref(path, 'questions');
  }
  return (
    <form class="new-entry" onSubmit={create} aria-labelledby="new-heading">
      <h2 id="new-heading">New entry</h2>
      <label for="new-title">Title</label>
      <input id="new-title" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      <label for="new-id">Id (the file name; from the title unless you type one)</label>
      <input id="new-id" value={id} placeholder={slug(title)} onInput={(event) => setId(event.currentTarget.value.trim())} />
      <label for="new-category">Category</label>
      <select id="new-category" value={category} onChange={(event) => setCategory(event.currentTarget.value)}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <p>
        <button type="submit" class="button">
          Create
        </button>
      </p>
      <p class="muted">The new entry is a draft until you save it; the checker lists what it still needs.</p>
      <NoticeLine notice={error ? { kind: 'alert', text: error } : null} />
    </form>
  );
}
