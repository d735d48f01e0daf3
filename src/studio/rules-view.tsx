/**
 * The urgent rules (`urgent.yaml`) and the vocabulary (`vocabulary.yaml`): the file itself
 * to edit, its problems as it changes, and a test box that shows which rule a phrase fires
 * or how the vocabulary reads it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { URGENT_FILE } from '../knowledge/compile.js';
import { ConflictNotice, ProblemList, SaveControls, type Studio, useLatest } from './app.js';

export function RulesView({ studio, path, line }: { studio: Studio; path: string; line?: number }) {
  const urgent = path === URGENT_FILE;
  const text = studio.files.get(path);
  const latest = useLatest(text);
  const [version, setVersion] = useState(0);
  const [phrase, setPhrase] = useState('');
  const editor = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const area = editor.current;
    if (!area || !line || latest.current === undefined) return;
    const at = latest.current.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
    area.focus();
    area.setSelectionRange(at, at);
  }, [line, version]);
  if (text === undefined) return <p role="alert">There is no {path} in the knowledge folder.</p>;
  const problems = studio.compiled.problems.filter((p) => p.path === path);
  const dirty = studio.drafts.has(path);
  const why = studio.responder && phrase.trim() ? studio.responder.explain(phrase) : null;
  return (
    <section class="rules">
      <h2>
        {urgent ? 'Urgent rules' : 'Vocabulary'} {dirty ? <span class="dirty">(unsaved)</span> : null}
      </h2>
      <p class="muted">
        {urgent
          ? 'The urgent-care check runs on every question before anything else. A rule fires on any of its phrases, or on one phrase from each of its “all” groups.'
          : 'Lay words and phrases visitors use, and the clinical words they mean, so “radio wave” finds radiofrequency ablation.'}
      </p>
      <form
        class="test-box"
        onSubmit={(event) => event.preventDefault()}
        aria-labelledby="test-heading"
      >
        <h3 id="test-heading">{urgent ? 'Which rule does a phrase fire?' : 'How is a phrase read?'}</h3>
        <label for="rule-test">Phrase</label>
        <input id="rule-test" value={phrase} onInput={(event) => setPhrase(event.currentTarget.value)} placeholder={urgent ? 'my legs went numb and I cant pee' : 'radio wave treatment'} />
        <p id="rule-test-result" role="status">
          {why === null
            ? ''
            : urgent
              ? why.urgent.length === 0
                ? 'No rule fires.'
                : why.urgent.map((u) => `${u.ruleId} fires: ${u.ruleName} (${u.level}).`).join(' ')
              : why.analysis.expansions.length === 0
                ? 'No vocabulary phrase in it.'
                : why.analysis.expansions.map((e) => `“${e.said}” → ${e.means}.`).join(' ')}
        </p>
      </form>
      <SaveControls studio={studio} path={path} onDiscard={() => setVersion((v) => v + 1)} />
      <ConflictNotice studio={studio} path={path} onDiscard={() => setVersion((v) => v + 1)} />
      <h3>Problems in {path}</h3>
      <ProblemList studio={studio} problems={problems} />
      <label for="rules-text">{path}</label>
      <textarea id="rules-text" key={version} ref={editor} class="code" rows={30} spellcheck={false} defaultValue={text} onInput={(event) => studio.setDraft(path, event.currentTarget.value)} />
    </section>
  );
}
