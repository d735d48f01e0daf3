import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationController, type Message } from '../../src/elements/conversation-controller.js';
import { bundleForBrowser } from '../../src/knowledge/compile.js';
import { bundleOf } from '../helpers.js';

/** A tab's sessionStorage, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const KEY = 'pain-care-chat:floating:test';
let url = 0;

function controller(): { chat: ConversationController; replies: number; settled: () => Promise<void> } {
  const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
  const state = { replies: 0 };
  const chat = new ConversationController(host, () => ({ locale: 'en', numbers: { emergency: '911', crisis: '988', poison: '1-800-222-1222' } }), () => state.replies++);
  return {
    chat,
    get replies() {
      return state.replies;
    },
    settled: () => vi.waitFor(() => expect(chat.state).toBe('ready')),
  };
}

const texts = (messages: Message[]) => messages.map((m) => (m.from === 'visitor' ? `Q: ${m.text}` : m.kind === 'reply' ? `A: ${m.reply.status}` : `N: ${m.notice}`));

describe('elements/conversation-controller', () => {
  beforeEach(() => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    const body = JSON.stringify(bundleForBrowser(bundleOf('knowledge')));
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps only the visitor’s questions and choices for the tab, and brings the conversation back on the next page without announcing it', async () => {
    const first = controller();
    first.chat.keepIn(KEY);
    first.chat.load(`/k${url++}.json`);
    await first.settled();
    first.chat.ask('what is a nerve block');
    first.chat.ask('injection');
    first.chat.choose('facet-joint-injection', 'Facet joint injection');
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual([{ ask: 'what is a nerve block' }, { ask: 'injection' }, { choose: 'facet-joint-injection', label: 'Facet joint injection' }]);

    const next = controller();
    next.chat.keepIn(KEY);
    next.chat.load(`/k${url++}.json`);
    await next.settled();
    expect(texts(next.chat.messages)).toEqual(texts(first.chat.messages));
    expect(next.replies).toBe(0);
  });

  it('shows the kept conversation before a question asked while the knowledge was still loading', async () => {
    sessionStorage.setItem(KEY, JSON.stringify([{ ask: 'what is a nerve block' }]));
    const page = controller();
    page.chat.keepIn(KEY);
    page.chat.load(`/k${url++}.json`);
    page.chat.ask('how long does rfa last');
    await page.settled();
    expect(texts(page.chat.messages)).toEqual(['Q: what is a nerve block', 'A: answer', 'Q: how long does rfa last', 'A: answer']);
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual([{ ask: 'what is a nerve block' }, { ask: 'how long does rfa last' }]);
    expect(page.replies).toBe(1);
  });

  it('forgets the conversation on Clear, and ignores a damaged or blocked store', async () => {
    const page = controller();
    page.chat.keepIn(KEY);
    page.chat.load(`/k${url++}.json`);
    await page.settled();
    page.chat.ask('what is a nerve block');
    page.chat.clear();
    expect(sessionStorage.getItem(KEY)).toBeNull();

    sessionStorage.setItem(KEY, '{not json');
    const damaged = controller();
    damaged.chat.keepIn(KEY);
    damaged.chat.load(`/k${url++}.json`);
    await damaged.settled();
    expect(damaged.chat.messages).toEqual([]);

    vi.stubGlobal('sessionStorage', { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => { throw new Error('blocked'); } });
    const blocked = controller();
    blocked.chat.keepIn('pain-care-chat:floating:other');
    blocked.chat.load(`/k${url++}.json`);
    await blocked.settled();
    blocked.chat.ask('what is a nerve block');
    expect(texts(blocked.chat.messages)).toEqual(['Q: what is a nerve block', 'A: answer']);
  });
});
