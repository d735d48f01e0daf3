/**
 * Holds the conversation and the knowledge it is answered from, for one element.
 * Loads the knowledge bundle once per URL (shared by every widget on the page), asks the
 * core for replies, and never throws: failures become a visible "can't answer right now".
 *
 * The conversation survives a page change within the tab: the visitor's questions and
 * choices (never anything else) are kept in `sessionStorage`, which the browser deletes
 * when the tab closes and "Clear conversation" deletes at once. Nothing is sent anywhere.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { builtinUrgentCheck, builtinUrgentCheckNow, loadBuiltinUrgentRules } from '../answer/builtin-urgent.js';
import { type Reply, type Responder, type UrgentCheck, type UrgentReply, createResponder } from '../answer/reply.js';
import { MAX_QUESTION_CHARS } from '../answer/normalize.js';
import { loadTypoSearch, typoSearch, typoSearchSettled } from '../answer/typo-search.js';
import { fetchKnowledge, isIntegrity } from '../knowledge/fetch.js';
import { KnowledgeError, parseBundleText, readKnowledgeText } from '../knowledge/load.js';
import { embeddedKnowledgeText } from '../knowledge/embedded.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';
import { warnOnce } from './warn.js';

export type NewMessage =
  | { from: 'visitor'; text: string }
  | { from: 'widget'; kind: 'reply'; reply: Reply }
  | { from: 'widget'; kind: 'notice'; notice: 'unavailable' | 'too-long' };
export type Message = NewMessage & { id: number };

export type KnowledgeState = 'idle' | 'loading' | 'ready' | 'failed';

/** After this many milliseconds of loading, the visitor is told it is slow and offered the phone. */
export const SLOW_LOAD_MS = 3000;
/** How long a question waits for the typo search before it is answered without it. */
export const TYPO_WAIT_MS = 2500;
/** At most this many questions and choices are kept for the tab. */
export const MAX_SAVED_STEPS = 50;
/** At most this many messages stay on screen; older ones are dropped, so a long conversation stays fast and small. */
export const MAX_MESSAGES = 200;

/** One step of the visitor's side of the conversation, as kept in `sessionStorage`. */
type Step = { ask: string } | { choose: string; label: string; passage?: string };

function readSteps(key: string): Step[] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    if (!Array.isArray(saved)) return [];
    return saved.filter(
      (step): step is Step =>
        typeof step === 'object' &&
        step !== null &&
        (typeof (step as { ask?: unknown }).ask === 'string' ||
          (typeof (step as { choose?: unknown }).choose === 'string' && typeof (step as { label?: unknown }).label === 'string')),
    );
  } catch {
    // Storage blocked (sandboxed frame, privacy setting) or damaged: start afresh.
    return [];
  }
}

function writeSteps(key: string, steps: Step[]): void {
  try {
    if (steps.length === 0) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(steps.slice(-MAX_SAVED_STEPS)));
  } catch {
    // Storage blocked or full: the conversation still works, it is just not kept.
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Knowledge requests by URL, shared by every widget on the page. */
const responders = new Map<string, Promise<Responder>>();

/**
 * Fetches and checks a knowledge bundle, against `integrity` (SRI metadata) when given;
 * rejects with a {@link KnowledgeError} saying why.
 */
export function loadResponder(url: string, integrity?: string): Promise<Responder> {
  const key = `${integrity ?? ''} ${url}`;
  let pending = responders.get(key);
  if (!pending) {
    pending = (async () => {
      // Knowledge built into the script (a standalone build): nothing to download.
      const builtIn = embeddedKnowledgeText(url);
      if (builtIn !== undefined) {
        await nextTask();
        return createResponder(parseBundleText(builtIn));
      }
      if (integrity !== undefined && !isIntegrity(integrity)) {
        throw new KnowledgeError('knowledge-integrity', `"integrity" ${JSON.stringify(integrity)} is not Subresource Integrity metadata; give it as printed by "npm run build" (sha384-…), so the knowledge is not loaded unchecked`);
      }
      let response: Response;
      try {
        response = await fetchKnowledge(url, integrity);
      } catch (error) {
        throw new KnowledgeError(
          integrity === undefined ? 'knowledge-unreachable' : 'knowledge-integrity',
          integrity === undefined
            ? `cannot load the knowledge file ${url}: ${(error as Error).message}; check the "knowledge" URL`
            : `cannot load the knowledge file ${url}: it could not be fetched, or it does not match the "integrity" hash the page gives (${(error as Error).message}). The hash changes with every change to the knowledge: in the script tag, replace the line data-integrity="${integrity.trim()}" with the one "npm run publish-knowledge" prints`,
        );
      }
      if (!response.ok) {
        throw new KnowledgeError('knowledge-unreachable', `cannot load the knowledge file ${url}: HTTP ${response.status}; check the "knowledge" URL`);
      }
      // Refused before it is read when the server says how big it is, else as soon as it grows too big.
      const text = await readKnowledgeText(response, `the knowledge file ${url}`);
      // Let the panel draw (and the page handle input) between the steps, rather than in one long task.
      await nextTask();
      const bundle = parseBundleText(text);
      await nextTask();
      return createResponder(bundle);
    })();
    // A load that could not reach the file may succeed later (the visitor came back online):
    // forget it. A file that was refused (too large, not a bundle, not matching its hash) is
    // refused again without downloading it again on every question.
    pending.catch((error: unknown) => {
      if (!(error instanceof KnowledgeError) || error.code === 'knowledge-unreachable') responders.delete(key);
    });
    responders.set(key, pending);
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
  /** True once loading has taken longer than {@link SLOW_LOAD_MS}. */
  slow = false;
  private responder: Responder | undefined;
  private nextId = 1;
  private queued: string[] = [];
  private steps: Step[] = [];
  /** How many of `steps` came from earlier pages and are still to be shown again. */
  private restorable = 0;
  private storageKey: string | null = null;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private restoring = false;
  /** How many times the conversation was cleared, so an answer still on its way is dropped. */
  private cleared = 0;
  /** The knowledge file was refused (not merely unreachable): asking again would not help. */
  private refused = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: () => AskOptions,
    private readonly onReply: (reply: Reply, question: string | undefined) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.slowTimer);
  }

  /**
   * Keeps the visitor's questions under `key` in `sessionStorage` and brings back the
   * ones kept from earlier pages of this tab (replayed once the knowledge is ready).
   */
  keepIn(key: string): void {
    if (this.storageKey === key) return;
    this.storageKey = key;
    this.steps = readSteps(key);
    this.restorable = this.steps.length;
  }

  /**
   * Answers from `bundle`, already in memory (the studio's preview), instead of a knowledge
   * file; the conversation starts afresh.
   */
  use(bundle: KnowledgeBundle): void {
    clearTimeout(this.slowTimer);
    this.responder = createResponder(bundle);
    this.state = 'ready';
    this.slow = false;
    this.clear();
  }

  /**
   * Shows an entry's passage (its summary when none is named) as the answer a visitor would
   * see; while the knowledge is loading, once it is ready.
   */
  show(entryId: string, passageId?: string): void {
    if (this.responder) this.deliver(this.responder.replyWithEntry(entryId, passageId));
    else if (this.state === 'loading' || this.state === 'idle') this.shows.push([entryId, passageId]);
  }
  private shows: [string, string | undefined][] = [];

  /** Starts loading the knowledge from `url` (once, checked against `integrity` when given); questions asked meanwhile wait for it. */
  load(url: string, integrity?: string): void {
    if (this.state === 'loading' || this.state === 'ready' || (this.state === 'failed' && this.refused)) return;
    this.state = 'loading';
    this.slow = false;
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(() => {
      if (this.state !== 'loading') return;
      this.slow = true;
      this.host.requestUpdate();
    }, SLOW_LOAD_MS);
    this.host.requestUpdate();
    loadResponder(url, integrity).then(
      (responder) => {
        clearTimeout(this.slowTimer);
        this.responder = responder;
        this.slow = false;
        const start = () => {
          this.state = 'ready';
          this.replaySaved();
          const waiting = this.queued;
          this.queued = [];
          for (const question of waiting) this.answer(question);
          const shows = this.shows;
          this.shows = [];
          for (const [entryId, passageId] of shows) this.show(entryId, passageId);
          this.host.requestUpdate();
        };
        // The conversation kept from earlier pages is rebuilt with typo search (waiting for it
        // a moment at most); questions asked while loading are answered as any other.
        if (this.restorable > 0) void this.prepare().then(start);
        else start();
      },
      (error: unknown) => {
        clearTimeout(this.slowTimer);
        this.slow = false;
        this.state = 'failed';
        this.refused = error instanceof KnowledgeError && error.code !== 'knowledge-unreachable';
        warnOnce(error instanceof KnowledgeError ? error.code : 'knowledge-invalid', (error as Error).message ?? String(error));
        const waiting = this.queued;
        this.queued = [];
        this.answerWithoutKnowledge(waiting);
        this.host.requestUpdate();
      },
    );
  }

  /**
   * Gets the matcher's typo search ready (its own chunk). The element calls this when the
   * visitor starts a question; answering waits for it. Never rejects.
   */
  prepare(): Promise<void> {
    // The built-in urgent rules too, for a question sent before (or without) the knowledge:
    // asked for when the visitor starts typing, not on open, so opening stays light.
    loadBuiltinUrgentRules().catch(() => undefined);
    return loadTypoSearch(TYPO_WAIT_MS).then(() => {
      if (typoSearch() === null) warnOnce('typos-unavailable', 'could not load the typo search; answering without it');
    });
  }

  /** Adds the visitor's question and, once the knowledge is ready, the reply. */
  ask(question: string): void {
    const text = question.trim();
    if (text === '') return;
    if (text.length <= MAX_QUESTION_CHARS) this.save({ ask: text });
    this.push({ from: 'visitor', text: text.slice(0, MAX_QUESTION_CHARS) });
    if (text.length > MAX_QUESTION_CHARS) {
      this.push({ from: 'widget', kind: 'notice', notice: 'too-long' });
    } else if (this.state === 'ready') {
      this.answer(text);
    } else if (this.state === 'failed') {
      this.answerWithoutKnowledge([text]);
    } else {
      // Loading: an emergency is answered now, with the built-in rules; the rest wait.
      const urgent = this.builtinUrgent(builtinUrgentCheckNow(), text);
      if (urgent) this.deliver(urgent, text);
      else {
        this.queued.push(text);
        if (!builtinUrgentCheckNow()) this.screenQueued();
      }
    }
    this.host.requestUpdate();
  }

  /** The built-in urgent reply to `question` with `check`, or `null` (also when there is no check yet, or it fails). */
  private builtinUrgent(check: UrgentCheck | undefined, question: string): UrgentReply | null {
    if (!check) return null;
    try {
      return check(question, this.options());
    } catch (error) {
      warnOnce('reply-failed', `could not check a question: ${(error as Error).message}`);
      return null;
    }
  }

  /**
   * Once the built-in urgent rules are ready, answers the questions waiting for the
   * knowledge that describe an emergency, at once; the others keep waiting.
   */
  private screenQueued(): void {
    const cleared = this.cleared;
    builtinUrgentCheck().then(
      (check) => {
        if (cleared !== this.cleared || this.state !== 'loading') return;
        const waiting = this.queued;
        this.queued = [];
        for (const question of waiting) {
          const urgent = this.builtinUrgent(check, question);
          if (urgent) this.deliver(urgent, question);
          else this.queued.push(question);
        }
        this.host.requestUpdate();
      },
      () => undefined,
    );
  }

  /**
   * Without the knowledge (it failed to load): questions that describe an emergency get the
   * built-in urgent advice; the others, "can't answer right now" with the phone and booking link.
   */
  private answerWithoutKnowledge(questions: string[]): void {
    if (questions.length === 0) return;
    const cleared = this.cleared;
    const reply = (check: UrgentCheck | undefined) => {
      if (cleared !== this.cleared) return;
      let unanswered = false;
      for (const question of questions) {
        const urgent = this.builtinUrgent(check, question);
        if (urgent) this.deliver(urgent, question);
        else unanswered = true;
      }
      if (unanswered) this.push({ from: 'widget', kind: 'notice', notice: 'unavailable' });
      this.host.requestUpdate();
    };
    const now = builtinUrgentCheckNow();
    if (now) reply(now);
    else builtinUrgentCheck().then(reply, () => reply(undefined));
  }

  /** Shows an entry chosen from "Did you mean" (at the passage that best answers the question) or a related question. */
  choose(entryId: string, label: string, passageId?: string): void {
    if (!this.responder) return;
    this.save(passageId ? { choose: entryId, label, passage: passageId } : { choose: entryId, label });
    this.push({ from: 'visitor', text: label });
    this.deliver(this.responder.replyWithEntry(entryId, passageId), label);
  }

  /** Empties the conversation and forgets it in this tab. */
  clear(): void {
    this.cleared++;
    this.messages = [];
    this.queued = [];
    this.shows = [];
    this.steps = [];
    this.restorable = 0;
    if (this.storageKey) writeSteps(this.storageKey, []);
    this.host.requestUpdate();
  }

  /**
   * Rebuilds the conversation kept from earlier pages, without announcing each reply
   * again, before anything the visitor asked while the knowledge was loading.
   */
  private replaySaved(): void {
    const earlier = this.steps.slice(0, this.restorable);
    const since = this.steps.slice(this.restorable);
    this.restorable = 0;
    if (earlier.length === 0) return;
    const current = this.messages;
    this.messages = [];
    this.steps = [];
    this.restoring = true;
    try {
      for (const step of earlier) {
        if ('ask' in step) this.ask(step.ask);
        else if (this.responder?.matcher.entry(step.choose)) this.choose(step.choose, step.label, typeof step.passage === 'string' ? step.passage : undefined);
      }
    } finally {
      this.restoring = false;
    }
    this.messages = [...this.messages, ...current].slice(-MAX_MESSAGES);
    this.steps = [...this.steps, ...since].slice(-MAX_SAVED_STEPS);
    if (this.storageKey) writeSteps(this.storageKey, this.steps);
  }

  private save(step: Step): void {
    this.steps = [...this.steps, step].slice(-MAX_SAVED_STEPS);
    if (this.storageKey) writeSteps(this.storageKey, this.steps);
  }

  private answer(question: string): void {
    const { numbers, locale } = this.options();
    if (!typoSearchSettled()) {
      // The urgent-care check needs no typo search: its advice is shown at once.
      let urgent: Reply | null = null;
      try {
        urgent = this.responder!.urgentReply(question, { numbers, locale });
      } catch (error) {
        warnOnce('reply-failed', `could not check a question: ${(error as Error).message}`);
      }
      if (urgent) return this.deliver(urgent, question);
      // Otherwise wait for the typo search (usually here already: it loads while the visitor
      // types), at most TYPO_WAIT_MS, unless the conversation is cleared meanwhile.
      const cleared = this.cleared;
      void this.prepare().then(() => cleared === this.cleared && this.answer(question));
      return;
    }
    let reply: Reply;
    try {
      reply = this.responder!.reply(question, { numbers, locale });
    } catch (error) {
      warnOnce('reply-failed', `could not answer a question: ${(error as Error).message}`);
      reply = { status: 'fallback', matches: [] };
    }
    this.deliver(reply, question);
  }

  /** Shows `reply`; `question` is what the visitor asked or chose, if anything. */
  private deliver(reply: Reply, question?: string): void {
    this.push({ from: 'widget', kind: 'reply', reply });
    this.host.requestUpdate();
    if (!this.restoring) this.onReply(reply, question);
  }

  private push(message: NewMessage): void {
    const messages = [...this.messages, { ...message, id: this.nextId++ }];
    this.messages = messages.length > MAX_MESSAGES ? messages.slice(-MAX_MESSAGES) : messages;
  }
}
