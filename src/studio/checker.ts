/**
 * Runs the checker (the same `compileKnowledge` as `npm run knowledge`) in a worker, so the
 * page stays responsive while it works; on the page itself where a worker cannot start.
 */
import { type CompileResult, type KnowledgeFile, compileEveryLocale } from '../knowledge/compile.js';

type Pending = { resolve: (result: CompileResult) => void; reject: (error: Error) => void };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<{ id: number; result?: CompileResult; error?: string }>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (event.data.result) waiting?.resolve(event.data.result);
      else waiting?.reject(new Error(event.data.error ?? 'the checker failed'));
    });
    worker.addEventListener('error', () => {
      // The worker could not start: check on the page from now on.
      worker?.terminate();
      worker = null;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new Error('retry'));
      }
    });
  } catch {
    worker = null;
  }
  return worker;
}

/** The checker's verdict on `files`. */
export async function check(files: ReadonlyMap<string, string>): Promise<CompileResult> {
  const list: KnowledgeFile[] = [...files].map(([path, text]) => ({ path, text }));
  const running = startWorker();
  if (running) {
    try {
      return await new Promise<CompileResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        running.postMessage({ id, files: list });
      });
    } catch (error) {
      if ((error as Error).message !== 'retry') throw error;
    }
  }
  return compileEveryLocale(list);
}
