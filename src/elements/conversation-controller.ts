/**
 * Holds the conversation and the knowledge it is answered from, for one element.
 * Loads the knowledge bundle once per URL (shared by every widget on the page), asks the
 * core for replies, and never throws: failures become a visible "can't answer right now".
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Reply, type Responder, createResponder } from '../answer/reply.js';
import { MAX_QUESTION_CHARS } from '../answer/normalize.js';
import { KnowledgeError, parseBundleText } from '../knowledge/load.js';
import { warnOnce } from './warn.js';

export type NewMessage =
  | { from: 'visitor'; text: string }
  | { from: 'widget'; kind: 'reply'; reply: Reply }
  | { from: 'widget'; kind: 'notice'; notice: 'unavailable' | 'too-long' };
export type Message = NewMessage & { id: number };

export type KnowledgeState = 'idle' | 'loading' | 'ready' | 'failed';

/** Knowledge requests by URL, shared by every widget on the page. */
const responders = new Map<string, Promise<Responder>>();

/** Fetches and checks a knowledge bundle; rejects with a {@link KnowledgeError} saying why. */
export function loadResponder(url: string): Promise<Responder> {
  let pending = responders.get(url);
  if (!pending) {
    pending = (async () => {
      let response: Response;
      try {
        response = await fetch(url, { credentials: 'same-origin' });
      } catch (error) {
        throw new KnowledgeError('knowledge-unreachable', `cannot load the knowledge file ${url}: ${(error as Error).message}; check the "knowledge" URL`);
      }
      if (!response.ok) {
        throw new KnowledgeError('knowledge-unreachable', `cannot load the knowledge file ${url}: HTTP ${response.status}; check the "knowledge" URL`);
      }
      return createResponder(parseBundleText(await response.text()));
    })();
    // A failed load may succeed later (the visitor came back online): forget it.
    pending.catch(() => responders.delete(url));
    responders.set(url, pending);
  }
  return pending;
}

export interface AskOptions {
  numbers: { emergency: string; crisis: string; poison: string };
  locale: string;
}

export class ConversationController implements ReactiveController {
  messages: Message[] = [];
  state: KnowledgeState = 'idle';
  private responder: Responder | undefined;
  private nextId = 1;
  private queued: string[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: () => AskOptions,
    private readonly onReply: (reply: Reply) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading the knowledge from `url` (once); questions asked meanwhile wait for it. */
  load(url: string): void {
    if (this.state === 'loading' || this.state === 'ready') return;
    this.state = 'loading';
    this.host.requestUpdate();
    loadResponder(url).then(
      (responder) => {
        this.responder = responder;
        this.state = 'ready';
        const waiting = this.queued;
        this.queued = [];
        for (const question of waiting) this.answer(question);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.state = 'failed';
        warnOnce(error instanceof KnowledgeError ? error.code : 'knowledge-invalid', (error as Error).message ?? String(error));
        if (this.queued.length > 0) this.push({ from: 'widget', kind: 'notice', notice: 'unavailable' });
        this.queued = [];
        this.host.requestUpdate();
      },
    );
  }

  /** Adds the visitor's question and, once the knowledge is ready, the reply. */
  ask(question: string): void {
    const text = question.trim();
    if (text === '') return;
    this.push({ from: 'visitor', text: text.slice(0, MAX_QUESTION_CHARS) });
    if (text.length > MAX_QUESTION_CHARS) {
      this.push({ from: 'widget', kind: 'notice', notice: 'too-long' });
    } else if (this.state === 'ready') {
      this.answer(text);
    } else if (this.state === 'failed') {
      this.push({ from: 'widget', kind: 'notice', notice: 'unavailable' });
    } else {
      this.queued.push(text);
    }
    this.host.requestUpdate();
  }

  /** Shows an entry chosen from "Did you mean" or a related question. */
  choose(entryId: string, label: string): void {
    if (!this.responder) return;
    this.push({ from: 'visitor', text: label });
    this.deliver(this.responder.replyWithEntry(entryId));
  }

  clear(): void {
    this.messages = [];
    this.queued = [];
    this.host.requestUpdate();
  }

  private answer(question: string): void {
    const { numbers, locale } = this.options();
    let reply: Reply;
    try {
      reply = this.responder!.reply(question, { numbers, locale });
    } catch (error) {
      warnOnce('reply-failed', `could not answer a question: ${(error as Error).message}`);
      reply = { status: 'fallback', matches: [] };
    }
    this.deliver(reply);
  }

  private deliver(reply: Reply): void {
    this.push({ from: 'widget', kind: 'reply', reply });
    this.host.requestUpdate();
    this.onReply(reply);
  }

  private push(message: NewMessage): void {
    this.messages = [...this.messages, { ...message, id: this.nextId++ }];
  }
}
