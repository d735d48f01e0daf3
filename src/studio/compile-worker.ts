/**
 * The checker, off the page's thread: compiling all the knowledge (Markdown, readability,
 * and every example question through the matcher) takes most of a second, which would
 * freeze typing. The studio posts the files here as they change and shows the result.
 */
import { loadTypoSearch } from '../answer/typo-search.js';
import { type KnowledgeFile, compileEveryLocale } from '../knowledge/compile.js';

const ready = loadTypoSearch();

self.addEventListener('message', (event: MessageEvent<{ id: number; files: KnowledgeFile[] }>) => {
  const { id, files } = event.data;
  void ready.then(() => {
    try {
      self.postMessage({ id, result: compileEveryLocale(files) });
    } catch (error) {
      self.postMessage({ id, error: (error as Error).message });
    }
  });
});
