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

  describe('without the knowledge file', () => {
    // Compiling the built-in rules takes a moment on a busy machine.
    const WAIT = { timeout: 15_000 };
    const EMERGENCY = "my husband took too many of his pain pills and won't wake up";
    const urgentOf = (messages: Message[]) => messages.flatMap((m) => (m.from === 'widget' && m.kind === 'reply' && m.reply.status === 'urgent' ? [m.reply.advice] : []));

    it.each([
      ['missing (HTTP 404)', async () => new Response('not found', { status: 404 })],
      ['corrupt (not JSON)', async () => new Response('{"format": 3, "entries": [', { status: 200 })],
      ['offline', async () => Promise.reject(new TypeError('Failed to fetch'))],
      ['too large, with no Content-Length', async () => new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(1024 * 1024)) }), { status: 200 })],
    ])('gives emergency advice with the built-in rules when the file is %s, and the phone for the rest', async (_, fetcher) => {
      vi.stubGlobal('fetch', fetcher);
      const page = controller();
      page.chat.load(`/k${url++}.json`);
      page.chat.ask(EMERGENCY);
      page.chat.ask('how long does rfa last');
      await vi.waitFor(() => expect(page.chat.state).toBe('failed'), WAIT);
      await vi.waitFor(() => expect(texts(page.chat.messages)).toContain('N: unavailable'), WAIT);
      expect(urgentOf(page.chat.messages)).toEqual([expect.objectContaining({ level: 'emergency', text: expect.stringMatching(/^This may be a medical emergency\. Call 911 now/) })]);
      // Asked after the failure, too.
      page.chat.ask('I want to kill myself');
      await vi.waitFor(() => expect(urgentOf(page.chat.messages).map((a) => a.level)).toEqual(['emergency', 'crisis']), WAIT);
    });

    it('gives emergency advice at once while the file hangs, and keeps the other questions waiting', async () => {
      vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
      const page = controller();
      page.chat.load(`/k${url++}.json`);
      page.chat.ask('how long does rfa last');
      page.chat.ask(EMERGENCY);
      await vi.waitFor(() => expect(urgentOf(page.chat.messages)).toHaveLength(1), WAIT);
      expect(page.chat.state).toBe('loading');
      expect(texts(page.chat.messages)).toEqual(['Q: how long does rfa last', `Q: ${EMERGENCY}`, 'A: urgent']);
      // Once the built-in rules are in, the advice comes with no wait at all.
      page.chat.ask('I cant feel my legs and I wet myself after my injection');
      expect(urgentOf(page.chat.messages)).toHaveLength(2);
    });

    it('stops reading a file without Content-Length once it passes the size limit, and does not download it again on the next question', async () => {
      let requests = 0;
      let read = 0;
      vi.stubGlobal('fetch', async () => {
        requests++;
        return new Response(new ReadableStream({ pull: (c) => ((read += 1024 * 1024), c.enqueue(new Uint8Array(1024 * 1024))) }), { status: 200 });
      });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const page = controller();
      const file = `/k${url++}.json`;
      page.chat.load(file);
      await vi.waitFor(() => expect(page.chat.state).toBe('failed'), WAIT);
      expect(read).toBeLessThanOrEqual(22 * 1024 * 1024);
      expect(warn.mock.calls.flat().join(' ')).toMatch(/is more than 20\.0 MB \(the chat stopped reading it there\); split the knowledge/);
      page.chat.load(file);
      page.chat.ask('how long does rfa last');
      await vi.waitFor(() => expect(texts(page.chat.messages)).toContain('N: unavailable'), WAIT);
      expect(requests).toBe(1);
      warn.mockRestore();
    });
  });
});
