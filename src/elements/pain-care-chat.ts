import { LitElement, type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { MAX_QUESTION_CHARS } from '../answer/normalize.js';
import type { AnswerReply, Reply, UrgentAdvice } from '../answer/reply.js';
import { embeddedKnowledgeUrl } from '../knowledge/embedded.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';
import { type AttributeName, type WidgetConfig, defaultKnowledgeFile, smsHref, telHref } from '../config/attributes.js';
import { readConfig } from '../config/read-config.js';
import { type StringOverrides, type Strings, hasStrings, loadStrings, stringsFor, withOverrides } from '../i18n/strings.js';
import { prepareSanitizer, sanitizeToFragment } from '../render/sanitize.js';
import { isExternalUrl, isSafeUrl } from '../render/url-policy.js';
import { ConversationController, type Message } from './conversation-controller.js';
import { type EarlyCall, takeEarlyCalls } from './early-api.js';
import { isLeftCorner, pageLanguage } from './launcher-placeholder.js';
import { LAUNCHER_ICON_PATH, accentSheet } from './launcher.styles.js';
import { styles } from './pain-care-chat.styles.js';
import { registerThemeProperties } from './theme-properties.js';
import { warnOnce } from './warn.js';

/** Screens this small (a phone, or a window zoomed to 200%) get the panel full screen. */
const FULL_SCREEN_QUERY = '(max-width: 480px), (max-height: 500px)';

/**
 * Detail of `pcc-reply`: what kind of reply was shown and from which entries. The question
 * is there only when the webmaster set `share-questions`.
 */
export interface ReplyEventDetail {
  status: Reply['status'];
  entryIds: string[];
  /** What the visitor asked (or the suggestion they chose); only with `share-questions`. */
  question?: string;
}

/** Detail of `pcc-booking-click`: where the visitor was sent. */
export interface BookingClickEventDetail {
  href: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'pain-care-chat': PainCareChat;
  }
  interface GlobalEventHandlersEventMap {
    'pcc-open': CustomEvent<Record<string, never>>;
    'pcc-close': CustomEvent<Record<string, never>>;
    'pcc-reply': CustomEvent<ReplyEventDetail>;
    'pcc-booking-click': CustomEvent<BookingClickEventDetail>;
  }
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * @summary A chat that answers visitors' pain-care questions from a curated knowledge file,
 * entirely in the browser, and invites them to book a consultation.
 *
 * @fires pcc-open - The visitor opened the chat.
 * @fires pcc-close - The visitor closed the chat.
 * @fires pcc-reply - A reply was shown. `detail`: `{ status, entryIds }`, and `question` only with `share-questions`.
 * @fires pcc-booking-click - The visitor followed the booking link. `detail`: `{ href }`.
 *
 * @csspart launcher - The round button that opens the chat (floating mode).
 * @csspart panel - The chat window.
 * @csspart header - The panel's title bar.
 * @csspart message - A visitor's question in the conversation.
 * @csspart reply - A reply in the conversation.
 * @csspart source - The sources line under an answer.
 * @csspart booking-link - The "Book a consultation" link.
 * @csspart input - The question box.
 *
 * @cssprop --pcc-accent - Brand colour of the launcher, header, buttons and links. Default `#1f5f8b`. The `accent` attribute wins over it.
 * @cssprop --pcc-accent-text - Text colour on the accent, only in browsers without CSS relative colours; elsewhere black or white is chosen for contrast. Default `#ffffff`.
 * @cssprop --pcc-text - Text colour (light theme). Default `#1b1f24`.
 * @cssprop --pcc-muted - Secondary text: disclaimer, sources (light theme). Default `#4a5560`.
 * @cssprop --pcc-background - Panel background (light theme). Default `#ffffff`.
 * @cssprop --pcc-surface - Reply bubbles and the disclaimer bar (light theme). Default `#f1f4f7`.
 * @cssprop --pcc-border - Lines and the question box's border (light theme). Default `#8a96a3`.
 * @cssprop --pcc-dark-text - Text colour (dark theme). Default `#e9edf1`.
 * @cssprop --pcc-dark-muted - Secondary text (dark theme). Default `#b4bec8`.
 * @cssprop --pcc-dark-background - Panel background (dark theme). Default `#15191e`.
 * @cssprop --pcc-dark-surface - Reply bubbles (dark theme). Default `#232a32`.
 * @cssprop --pcc-dark-border - Lines (dark theme). Default `#6b7885`.
 * @cssprop --pcc-radius - Corner radius of the panel, 0 to 28px. Default `12px`.
 * @cssprop --pcc-font - Font family. Default the system UI font.
 * @cssprop --pcc-launcher-size - Height of the floating launcher, 44 to 96px. Default `52px`.
 * @cssprop --pcc-offset-x - Distance of the floating launcher and panel from the window's side, 0 to 96px. Default `20px`.
 * @cssprop --pcc-offset-y - Distance of the floating launcher from the window's bottom, 0 to 96px. Default `20px`.
 * @cssprop --pcc-z-index - Stacking order of the floating launcher and panel where the browser has no top layer. Default `2147483000`.
 * @cssprop --pcc-inline-height - Height of the inline panel. Default `560px`.
 */
export class PainCareChat extends LitElement {
  static override styles = styles;
  // Declared here rather than with decorators: the same API, about half a kilobyte less to download.
  static override properties = {
    knowledge: {},
    clinicName: { attribute: 'clinic-name' },
    bookingUrl: { attribute: 'booking-url' },
    portalUrl: { attribute: 'portal-url' },
    phone: {},
    locale: {},
    position: {},
    mode: {},
    isOpen: { type: Boolean, reflect: true, attribute: 'open' },
    emergencyNumber: { attribute: 'emergency-number' },
    crisisLine: { attribute: 'crisis-line' },
    poisonControl: { attribute: 'poison-control' },
    accent: {},
    theme: { reflect: true },
    shareQuestions: { type: Boolean, attribute: 'share-questions' },
    strings: {},
    integrity: {},
    bundle: { attribute: false },
    config: { state: true },
    fullScreen: { state: true },
  };

  /** URL of the knowledge bundle. Default: `knowledge.json` beside the script. */
  knowledge: string | null = null;
  /** Clinic name shown in the header and greeting. Default: "our clinic". */
  clinicName: string | null = null;
  /** Where "Book a consultation" goes (https:, http:, tel:, mailto: or relative). No link when unset. */
  bookingUrl: string | null = null;
  /** The patient portal, offered with the phone for what only staff can do (refills, results, appointments, bills). No link when unset. */
  portalUrl: string | null = null;
  /** The clinic's phone number, shown as a `tel:` link. */
  phone: string | null = null;
  /** `en` or `es`. Default: the page's `lang`, else `en`. */
  locale: string | null = null;
  /** `bottom-right` (default) or `bottom-left`, for the floating launcher. */
  position: string | null = null;
  /** `floating` (default: a launcher in a corner) or `inline` (the panel in the page's flow). */
  mode: string | null = null;
  /** Whether the floating panel is open (attribute `open`). Always open in inline mode. */
  isOpen = false;
  /** Emergency number used in urgent advice. Default `911`. */
  emergencyNumber: string | null = null;
  /** Crisis line for thoughts of suicide or self-harm. Default `988`. */
  crisisLine: string | null = null;
  /** Poison control number for too much medicine. Default `1-800-222-1222`. */
  poisonControl: string | null = null;
  /** Brand colour, a CSS colour such as `#0a6e5c`: a shortcut for `--pcc-accent`. Text on it stays readable (AA) whatever the colour. */
  accent: string | null = null;
  /** `auto` (default: the visitor's light or dark system setting), `light` or `dark`. */
  theme: string | null = null;
  /** Put the visitor's question in `pcc-reply` events (attribute `share-questions`). Off by default: see Privacy. */
  shareQuestions = false;
  /**
   * The chat's texts to change: an object (property) or JSON (attribute), such as
   * `{"launcherText": "Ask us", "panelTitle": "Ask {clinic}"}`. Keys are those of the strings table.
   */
  strings: StringOverrides | string | null = null;
  /**
   * Subresource Integrity hash of the knowledge file (`sha384-…`, as `npm run build` prints):
   * the browser refuses a file that does not match, and the chat then offers the phone and booking link.
   */
  integrity: string | null = null;
  /**
   * Knowledge already in memory (a compiled bundle), used instead of the `knowledge` file:
   * the knowledge studio's preview sets it. Property only; setting it starts a new conversation.
   */
  bundle: KnowledgeBundle | null = null;

  private config!: WidgetConfig;
  /** The floating panel covers the whole screen (phones, zoomed windows): it is modal then. */
  private fullScreen = false;
  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('.panel__input') ?? null;
  }
  private get launcher(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector('.launcher') ?? null;
  }
  private get log(): HTMLElement | null {
    return this.renderRoot?.querySelector('.panel__log') ?? null;
  }
  private get panel(): HTMLElement | null {
    return this.renderRoot?.querySelector('.panel') ?? null;
  }
  private get root(): HTMLElement | null {
    return this.renderRoot?.querySelector('.root') ?? null;
  }
  private pageOverflow: string | null = null;
  private readonly fitToViewport = () => this.fitPanelToViewport();

  private readonly conversation = new ConversationController(
    this,
    () => ({
      locale: this.config.locale,
      numbers: { emergency: this.config.emergencyNumber, crisis: this.config.crisisLine, poison: this.config.poisonControl },
    }),
    (reply, question) => {
      this.scrollToEnd = true;
      const detail: ReplyEventDetail = { status: reply.status, entryIds: this.entryIdsOf(reply) };
      if (this.config.shareQuestions && question !== undefined) detail.question = question;
      this.emit('pcc-reply', detail);
    },
  );
  /** Sanitized fragments by message id, made once so re-renders keep the same nodes. */
  private readonly fragments = new Map<number, DocumentFragment>();
  private scrollToEnd = false;
  private wasSlow = false;
  private answersPrepared = false;

  /** Opens the chat (floating mode) and puts the cursor in the question box. */
  open(): void {
    this.isOpen = true;
  }

  /** Closes the chat (floating mode). */
  close(): void {
    this.isOpen = false;
  }

  /** Asks a question as if the visitor had typed it (opens the floating chat first). Works before the chat's code has loaded. */
  ask(question: string): void {
    if (this.config.mode === 'floating') this.isOpen = true;
    this.startLoading();
    this.prepareAnswers();
    this.conversation.ask(String(question ?? ''));
    this.scrollToEnd = true;
  }

  /**
   * Shows an entry as the answer a visitor would get on choosing it: its summary, or the
   * passage `passageId` names. Does nothing for an unknown entry or before the knowledge is ready.
   */
  showEntry(entryId: string, passageId?: string): void {
    if (this.config.mode === 'floating') this.isOpen = true;
    this.startLoading();
    this.prepareAnswers();
    this.conversation.show(String(entryId), passageId === undefined ? undefined : String(passageId));
    this.scrollToEnd = true;
  }

  /** Removes every message from the conversation. */
  clear(): void {
    this.conversation.clear();
    this.fragments.clear();
  }

  /** The script tag's placeholder launcher, shown until this element has its words. */
  private placeholder: ChildNode[] = [];
  /** This element took over the script tag's placeholder launcher. */
  private placeholderTaken = false;
  /** The placeholder launcher had focus when the real one took its place. */
  private refocusLauncher = false;
  /** The chat was opened: the question box gets focus as soon as it is drawn. */
  private focusInput = false;

  /** Takes over the shadow root the script tag's placeholder launcher drew in, if any. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const placeholder = this.shadowRoot;
    if (placeholder) {
      this.placeholderTaken = true;
      this.placeholder = [...placeholder.childNodes];
    }
    const root = super.createRenderRoot();
    // Lit would render before the root's first node, which is the placeholder's and goes away.
    this.renderOptions.renderBefore = null;
    return root;
  }

  protected override update(changed: PropertyValues<this>): void {
    // The placeholder stays, still working, until the words arrive; then the real launcher takes its place.
    if (this.placeholder.length > 0 && this.text()) {
      this.refocusLauncher = this.shadowRoot?.activeElement != null && !this.isOpen;
      for (const node of this.placeholder) node.remove();
      this.placeholder = [];
    }
    super.update(changed);
  }

  /** Calls made before the code loaded (see early-api.ts), made once the element is connected. */
  private earlyCalls: EarlyCall[] = takeEarlyCalls(this);

  override connectedCallback(): void {
    super.connectedCallback();
    registerThemeProperties();
    this.readAttributes();
    const calls = this.earlyCalls;
    this.earlyCalls = [];
    // After the first update, which applies the properties set before the code loaded
    // (`isOpen` among them), so that they do not undo what the calls do.
    if (calls.length > 0) {
      void this.updateComplete.then(() => {
        for (const [name, args] of calls) {
          try {
            (this[name] as (...values: unknown[]) => void)(...args);
          } catch (error) {
            warnOnce('early-call-failed', `${name}() failed: ${(error as Error).message}`);
          }
        }
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leaveFullScreen();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bundle') && this.bundle) {
      this.fragments.clear();
      this.conversation.use(this.bundle);
    }
    if ([...changed.keys()].some((key) => key !== 'config')) this.readAttributes();
    // Open, inline, or taking over the script tag's launcher (the visitor pointed at it,
    // focused or touched it): get the answers ready now, so they are there at the click.
    if ((this.isOpen || this.config.mode === 'inline' || this.placeholderTaken) && this.conversation.state === 'idle') this.startLoading();
    // Bring the "taking longer than usual" notice, with its phone and booking links, into view.
    if (this.conversation.slow && !this.wasSlow) this.scrollToEnd = true;
    this.wasSlow = this.conversation.slow;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.applyAccent();
    if (this.refocusLauncher) {
      this.refocusLauncher = false;
      this.launcher?.focus({ preventScroll: true });
    }
    this.syncTopLayer();
    if (changed.has('isOpen') || (changed as Map<PropertyKey, unknown>).has('config')) {
      if (this.config.mode === 'floating' && this.isOpen) this.enterFullScreenIfSmall();
      else this.leaveFullScreen();
    }
    // Opening puts the cursor in the question box (once the panel is drawn, if its words came later).
    if (changed.has('isOpen')) this.focusInput = this.isOpen && this.config.mode === 'floating';
    if (this.focusInput && this.input) {
      this.focusInput = false;
      this.input.focus({ preventScroll: true });
    }
    if (this.scrollToEnd && this.log) {
      // Show the new question at the top when its reply is taller than the log, so the
      // visitor reads the reply from its start.
      const questions = this.log.querySelectorAll<HTMLElement>('.message');
      const last = questions[questions.length - 1];
      const end = this.log.scrollHeight - this.log.clientHeight;
      this.log.scrollTop = last ? Math.min(end, last.offsetTop - this.log.offsetTop - 8) : end;
      this.scrollToEnd = false;
    }
  }

  private readAttributes(): void {
    const values = this as unknown as Record<string, unknown>;
    const { config, warnings } = readConfig(
      (name: AttributeName) => {
        if (name === 'open') return this.isOpen ? '' : null;
        if (name === 'share-questions') return this.shareQuestions ? '' : null;
        const value = values[camel(name)];
        return typeof value === 'string' ? value : null;
      },
      pageLanguage(this),
    );
    if (this.strings !== null && typeof this.strings === 'object') config.strings = this.strings;
    if (config.accent !== null && typeof CSS !== 'undefined' && !CSS.supports('color', config.accent)) {
      warnings.push({ code: 'bad-color', attribute: 'accent', message: `"accent" ${JSON.stringify(config.accent)} is not a colour this browser knows; using --pcc-accent` });
      config.accent = null;
    }
    for (const warning of warnings) warnOnce(warning.code, warning.message);
    this.conversation.keepIn(`pain-care-chat:${config.mode}:${config.knowledge ?? defaultKnowledgeFile(config.locale)}`);
    if (config.bookingUrl === null && config.phone === null) {
      warnOnce('no-contact', 'set "booking-url" or "phone" so visitors can always reach the clinic');
    }
    // Each language's words arrive in a small chunk of their own (the script tag asks for
    // it with the chat's code, so it is usually here already).
    if (!hasStrings(config.locale)) {
      void loadStrings(config.locale).then(() => {
        if (!stringsFor(config.locale)) warnOnce('strings-failed', 'could not load the chat\'s words; check that its files are all served');
        this.requestUpdate();
      });
    }
    this.config = config;
  }

  /**
   * Puts the floating chat in the browser's top layer, above any z-index the page uses
   * (cookie banners, sticky headers), where the browser supports popovers.
   */
  private syncTopLayer(): void {
    const root = this.root as (HTMLElement & { showPopover?: () => void; hidePopover?: () => void }) | null;
    if (!root || typeof root.showPopover !== 'function') return;
    try {
      if (this.config.mode === 'floating' && this.isConnected) {
        if (!root.hasAttribute('popover')) root.setAttribute('popover', 'manual');
        if (!root.matches(':popover-open')) root.showPopover();
      } else if (root.hasAttribute('popover')) {
        if (root.matches(':popover-open')) root.hidePopover?.();
        root.removeAttribute('popover');
      }
    } catch {
      // Not in a document yet, or the browser refused: z-index still applies.
    }
  }

  /** On a small screen the open panel fills it, follows the on-screen keyboard and keeps the page still. */
  private enterFullScreenIfSmall(): void {
    const small = typeof matchMedia === 'function' && matchMedia(FULL_SCREEN_QUERY).matches;
    if (!small) {
      this.leaveFullScreen();
      return;
    }
    if (!this.fullScreen) {
      this.fullScreen = true;
      const page = document.documentElement;
      this.pageOverflow = page.style.getPropertyValue('overflow');
      page.style.setProperty('overflow', 'hidden');
      window.visualViewport?.addEventListener('resize', this.fitToViewport);
      window.visualViewport?.addEventListener('scroll', this.fitToViewport);
      window.addEventListener('resize', this.fitToViewport);
    }
    this.fitPanelToViewport();
  }

  private leaveFullScreen(): void {
    if (!this.fullScreen) return;
    this.fullScreen = false;
    const page = document.documentElement;
    if (this.pageOverflow) page.style.setProperty('overflow', this.pageOverflow);
    else page.style.removeProperty('overflow');
    this.pageOverflow = null;
    window.visualViewport?.removeEventListener('resize', this.fitToViewport);
    window.visualViewport?.removeEventListener('scroll', this.fitToViewport);
    window.removeEventListener('resize', this.fitToViewport);
    this.panel?.style.removeProperty('--_vv-top');
    this.panel?.style.removeProperty('--_vv-height');
  }

  /** Sizes the full-screen panel to the part of the screen the on-screen keyboard leaves. */
  private fitPanelToViewport(): void {
    const viewport = window.visualViewport;
    if (!this.fullScreen || !this.panel || !viewport) return;
    this.panel.style.setProperty('--_vv-top', `${Math.round(viewport.offsetTop)}px`);
    this.panel.style.setProperty('--_vv-height', `${Math.round(viewport.height)}px`);
  }

  /** Keeps Tab inside the panel while it covers the page, so focus never goes behind it. */
  private wrapFocus(event: KeyboardEvent): void {
    if (!this.fullScreen || !this.panel) return;
    const focusable = [...this.panel.querySelectorAll<HTMLElement>('button, a[href], input')].filter((el) => el.offsetParent !== null);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.shadowRoot?.activeElement;
    if (!first || !last) return;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /**
   * Gets what answering needs beyond the knowledge ready when the visitor starts a question
   * (types, picks a question, or an answer is about to show), not on open: the typo search,
   * and, where the browser has no sanitizer of its own, DOMPurify. Both are chunks of their
   * own, so opening the chat does not download them. Answers shown before the sanitizer is
   * here are plain text and get their links and lists when it arrives.
   */
  private prepareAnswers(): void {
    if (this.answersPrepared) return;
    this.answersPrepared = true;
    void this.conversation.prepare();
    void prepareSanitizer().then(() => this.requestUpdate());
  }

  private startLoading(): void {
    try {
      const url = this.config.knowledge ?? embeddedKnowledgeUrl(this.config.locale) ?? new URL(defaultKnowledgeFile(this.config.locale), import.meta.url).href;
      this.conversation.load(url, this.config.integrity ?? undefined);
    } catch (error) {
      warnOnce('knowledge-unreachable', `cannot resolve the knowledge URL: ${(error as Error).message}`);
    }
  }

  private emit<K extends 'pcc-open' | 'pcc-close' | 'pcc-reply' | 'pcc-booking-click'>(type: K, detail: GlobalEventHandlersEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private entryIdsOf(reply: Reply): string[] {
    if (reply.status === 'answer') return [reply.entryId];
    if (reply.status === 'clarify') return reply.choices.map((c) => c.id);
    return [];
  }

  private toggle(): void {
    this.isOpen = !this.isOpen;
    this.emit(this.isOpen ? 'pcc-open' : 'pcc-close', {});
  }

  private closeFromVisitor(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.emit('pcc-close', {});
    this.updateComplete.then(() => this.launcher?.focus({ preventScroll: true }));
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.config.mode === 'floating') {
      event.stopPropagation();
      this.closeFromVisitor();
    } else if (event.key === 'Tab') {
      this.wrapFocus(event);
    }
  }

  /**
   * Enter sends. Not a form submission: in a sandboxed frame without `allow-forms` the
   * browser blocks those, and the chat must still work there. Not while an input method is
   * composing a word (Enter then picks the word).
   */
  private onInputKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || event.shiftKey) return;
    event.preventDefault();
    this.send();
  }

  private send(): void {
    const input = this.input;
    if (!input) return;
    const question = input.value;
    if (question.trim() === '') {
      input.focus();
      return;
    }
    input.value = '';
    this.ask(question);
  }

  private askStarter(question: string): void {
    this.ask(question);
    this.input?.focus({ preventScroll: true });
  }

  private choose(id: string, label: string, passageId?: string): void {
    this.conversation.choose(id, label, passageId);
    this.scrollToEnd = true;
  }

  private onBookingClick(event: Event): void {
    this.emit('pcc-booking-click', { href: (event.currentTarget as HTMLAnchorElement).href });
  }

  /** The words of the chat's language with the webmaster's changes, once they have loaded. */
  private text(): Strings | undefined {
    const base = stringsFor(this.config.locale);
    if (!base) return undefined;
    // Keyed by what the webmaster set (the attribute's text or the object), which the configuration parses again on every change.
    const given = this.strings;
    if (this.words?.base !== base || this.words.given !== given) {
      const { strings, problems } = withOverrides(base, this.config.strings);
      for (const problem of problems) warnOnce(`bad-strings:${problem}`, problem);
      this.words = { base, given, strings };
    }
    return this.words.strings;
  }
  private words: { base: Strings; given: unknown; strings: Strings } | undefined;

  /** Applies the `accent` attribute: a style sheet of this chat's own, above page CSS. */
  private applyAccent(): void {
    const root = this.shadowRoot;
    if (!root || this.accentApplied === this.config.accent) return;
    this.accentApplied = this.config.accent;
    const sheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.accentStyles);
    this.accentStyles = this.config.accent === null ? null : accentSheet(this.config.accent);
    root.adoptedStyleSheets = this.accentStyles ? [...sheets, this.accentStyles] : sheets;
  }
  private accentApplied: string | null = null;
  private accentStyles: CSSStyleSheet | null = null;

  protected override render(): TemplateResult | typeof nothing {
    const t = this.text();
    if (!t) return nothing;
    const clinic = this.config.clinicName ?? t.defaultClinicName;
    const floating = this.config.mode === 'floating';
    const panelOpen = !floating || this.isOpen;
    return html`
      <div
        class="root root--${this.config.mode} root--${this.config.position} ${isLeftCorner(this, this.config.position) ? 'root--left' : ''}"
        lang=${this.config.locale}
        dir=${t.dir}
        @keydown=${this.onKeydown}
      >
        ${floating
          ? html`<button
              class="launcher"
              part="launcher"
              type="button"
              aria-expanded=${this.isOpen ? 'true' : 'false'}
              aria-controls="pcc-panel"
              @click=${this.toggle}
            >
              <svg class="launcher__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d=${LAUNCHER_ICON_PATH} fill="currentColor" />
              </svg>
              <span class="launcher__text">${t.launcherText}</span><span class="visually-hidden"> ${t.launcherLabel}</span>
            </button>`
          : nothing}
        <section
          id="pcc-panel"
          class="panel"
          part="panel"
          role=${floating ? 'dialog' : 'region'}
          aria-modal=${floating && this.fullScreen ? 'true' : nothing}
          aria-labelledby="pcc-title"
          ?hidden=${!panelOpen}
        >
          <div class="panel__header" part="header">
            <h2 id="pcc-title" class="panel__title">${t.panelTitle(clinic)}</h2>
            <button class="panel__clear" type="button" @click=${this.clear}>${t.clear}</button>
            ${floating
              ? html`<button class="panel__close" type="button" aria-label=${t.close} @click=${this.closeFromVisitor}>
                  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" /></svg>
                </button>`
              : nothing}
          </div>
          <div class="panel__log" role="log" aria-label=${t.conversationLabel} tabindex="-1">
            ${this.renderGreeting(t, clinic)}
            ${this.conversation.state === 'failed' ? this.renderUnavailable(t) : nothing}
            ${repeat(this.conversation.messages, (m) => m.id, (m) => this.renderMessage(m, t))}
            ${this.conversation.state === 'loading' && this.conversation.messages.length > 0 && !this.conversation.slow
              ? html`<p class="status" role="status">${t.loading}</p>`
              : nothing}
            ${this.conversation.state === 'loading' && this.conversation.slow
              ? html`<div class="reply reply--slow" part="reply"><p>${t.slow}</p>${this.renderContact(t)}</div>`
              : nothing}
          </div>
          <p class="panel__disclaimer">${t.disclaimer.replace('{emergency}', this.config.emergencyNumber)}</p>
          <div class="panel__form">
            <label class="visually-hidden" for="pcc-input">${t.inputLabel}</label>
            <input
              id="pcc-input"
              class="panel__input"
              part="input"
              type="text"
              name="question"
              autocomplete="off"
              enterkeyhint="send"
              placeholder=${t.inputPlaceholder}
              @input=${this.prepareAnswers}
              @keydown=${this.onInputKeydown}
            />
            <button class="panel__send" type="button" @click=${this.send}>${t.send}</button>
          </div>
        </section>
      </div>
    `;
  }

  private renderGreeting(t: Strings, clinic: string) {
    return html`<div class="reply reply--greeting">
      <p>${t.greeting(clinic)}</p>
      <p class="reply__label">${t.starterHeading}</p>
      <ul class="chips">
        ${t.starters.map((q) => html`<li><button class="chip" type="button" @click=${() => this.askStarter(q)}>${q}</button></li>`)}
      </ul>
    </div>`;
  }

  private renderMessage(message: Message, t: Strings) {
    if (message.from === 'visitor') {
      return html`<div class="message" part="message"><span class="visually-hidden">${t.you}: </span>${message.text}</div>`;
    }
    if (message.kind === 'notice') {
      return message.notice === 'unavailable' ? this.renderUnavailable(t) : html`<div class="reply" part="reply"><p>${t.questionTooLong(MAX_QUESTION_CHARS)}</p></div>`;
    }
    const reply = message.reply;
    switch (reply.status) {
      case 'answer':
        return this.renderAnswer(message.id, reply, t);
      case 'clarify':
        return html`<div class="reply reply--clarify" part="reply">
          <p>${t.clarifyIntro}</p>
          <ul class="chips">
            ${reply.choices.map((c) => html`<li><button class="chip" type="button" @click=${() => this.choose(c.id, c.title, c.passageId)}>${c.title}</button></li>`)}
          </ul>
        </div>`;
      case 'fallback':
        if (reply.smallTalk) return html`<div class="reply" part="reply"><p>${t.smallTalk[reply.smallTalk]}</p></div>`;
        return reply.reason === 'needs-clinic'
          ? html`<div class="reply reply--fallback" part="reply"><p>${t.needsClinic}</p>${this.renderContact(t, true)}</div>`
          : html`<div class="reply reply--fallback" part="reply"><p>${t.fallback}</p>${this.renderContact(t)}</div>`;
      case 'urgent':
        return html`<div class="reply reply--urgent" part="reply" role="alert">
          <h3 class="reply__title">${t.urgentTitle}</h3>
          <p>${reply.advice.text}</p>
          <p class="reply__actions">${this.renderUrgentCall(reply.advice, t)}</p>
        </div>`;
    }
  }

  private renderUrgentCall(advice: UrgentAdvice, t: Strings) {
    const { emergencyNumber, crisisLine, poisonControl } = this.config;
    const [number, label] =
      advice.level === 'crisis'
        ? [crisisLine, t.callCrisis(crisisLine)]
        : advice.level === 'poison'
          ? [poisonControl, t.callPoison(poisonControl)]
          : advice.level === 'doctor-today' && this.config.phone
            ? [this.config.phone, t.call(this.config.phone)]
            : [emergencyNumber, t.callEmergency(emergencyNumber)];
    const call = html`<a class="button button--urgent" href=${telHref(number)}>${label}</a> `;
    // A crisis line takes texts too: some people can write what they cannot say aloud.
    return advice.level === 'crisis' ? html`${call}<a class="button button--urgent" href=${smsHref(number)}>${t.textCrisis(number)}</a>` : call;
  }

  private renderAnswer(id: number, reply: AnswerReply, t: Strings) {
    let fragment = this.fragments.get(id);
    if (!fragment) this.prepareAnswers();
    if (!fragment && (fragment = sanitizeToFragment(reply.passage.html))) {
      this.fragments.set(id, fragment);
      // Forget the fragments of messages that have scrolled out of the kept conversation.
      const oldest = this.conversation.messages[0]?.id ?? id;
      for (const kept of this.fragments.keys()) if (kept < oldest) this.fragments.delete(kept);
    }
    return html`<article class="reply reply--answer" part="reply">
      <h3 class="reply__title">${reply.title}${reply.passage.heading ? html`<span class="reply__section">: ${reply.passage.heading}</span>` : nothing}</h3>
      <div class="reply__snippet">${fragment ?? html`<p>${reply.passage.text}</p>`}</div>
      <p class="reply__sources" part="source">
        ${t.sourcesLabel}:
        ${reply.sources.map(
          (s, i) => html`${i > 0 ? '; ' : ''}${s.url && isSafeUrl(s.url) ? html`<a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a>` : s.title}`,
        )}
      </p>
      <p class="reply__reviewed">${t.reviewed(reply.reviewed)}</p>
      ${reply.related.length > 0
        ? html`<p class="reply__label">${t.relatedLabel}</p>
            <ul class="chips">
              ${reply.related.map((r) => html`<li><button class="chip" type="button" @click=${() => this.choose(r.id, r.question)}>${r.question}</button></li>`)}
            </ul>`
        : nothing}
      <div class="reply__booking">
        <p>${t.bookPrompt}</p>
        ${this.renderContact(t)}
      </div>
    </article>`;
  }

  private renderUnavailable(t: Strings) {
    return html`<div class="reply reply--unavailable" part="reply"><p>${t.unavailable}</p>${this.renderContact(t)}</div>`;
  }

  /** The ways to reach the clinic: booking and phone; for a staff-only request, the phone and the patient portal. */
  private renderContact(t: Strings, staffOnly = false) {
    const { bookingUrl, phone, phoneHref, portalUrl } = this.config;
    if (staffOnly) {
      return html`<p class="reply__actions">
        ${phone && phoneHref ? html`<a class="button" href=${phoneHref}>${t.call(phone)}</a>` : nothing}
        ${portalUrl
          ? html`<a class="button button--secondary" href=${portalUrl} target=${isExternalUrl(portalUrl) ? '_blank' : '_self'} rel="noopener noreferrer">${t.portal}</a>`
          : nothing}
        ${!phoneHref && !portalUrl && bookingUrl ? html`<a class="button" href=${bookingUrl} rel="noopener noreferrer">${t.book}</a>` : nothing}
      </p>`;
    }
    return html`<p class="reply__actions">
      ${bookingUrl
        ? html`<a
            class="button"
            part="booking-link"
            href=${bookingUrl}
            target=${isExternalUrl(bookingUrl) ? '_blank' : '_self'}
            rel="noopener noreferrer"
            @click=${this.onBookingClick}
            >${t.book}</a
          >`
        : nothing}
      ${phone && phoneHref ? html`<a class="button button--secondary" href=${phoneHref}>${t.call(phone)}</a>` : nothing}
    </p>`;
  }
}

