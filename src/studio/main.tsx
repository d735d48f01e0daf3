/**
 * The knowledge studio in the browser: Preact, with the widget's own element for previews
 * and the same core (compiler, checker, matcher) as the widget and the CLI.
 */
import { render } from 'preact';
import { loadTypoSearch } from '../answer/typo-search.js';
import '../index.js';
import { App } from './app.js';
import type { StudioFile } from './server.js';

async function start(): Promise<void> {
  const app = document.getElementById('app')!;
  try {
    await loadTypoSearch();
    const response = await fetch('/api/knowledge', { cache: 'no-store' });
    if (!response.ok) throw new Error(`the studio server answered ${response.status}`);
    const { folder, root, files } = (await response.json()) as { folder: string; root: string; files: StudioFile[] };
    app.replaceChildren();
    render(<App folder={folder} root={root} files={files} />, app);
  } catch (error) {
    app.textContent = `The studio could not read the knowledge folder: ${(error as Error).message}. Is "npm run studio" still running?`;
  }
}

// The skip link moves focus to the content without changing the address (which is the studio's page).
document.querySelector('.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});

void start();
