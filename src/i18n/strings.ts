/**
 * Every string a visitor can see, by locale. The element, the CLI and the studio take
 * their words from here; nothing visible is written inline elsewhere.
 */
import { LAUNCHER_STRINGS } from './launcher.js';
import { LOCALE_CHUNKS } from './chunks.js';
import { type Locale, resolveLocale } from './locale.js';

export interface Strings {
  launcherLabel: string;
  launcherText: string;
  panelTitle: (clinic: string) => string;
  defaultClinicName: string;
  close: string;
  greeting: (clinic: string) => string;
  starterHeading: string;
  starters: string[];
  inputLabel: string;
  inputPlaceholder: string;
  send: string;
  clear: string;
  disclaimer: string;
  conversationLabel: string;
  you: string;
  assistant: string;
  sourcesLabel: string;
  reviewed: (date: string) => string;
  relatedLabel: string;
  clarifyIntro: string;
  fallback: string;
  smallTalk: Record<'greeting' | 'thanks' | 'goodbye', string>;
  urgentTitle: string;
  callEmergency: (number: string) => string;
  callCrisis: (number: string) => string;
  callPoison: (number: string) => string;
  bookPrompt: string;
  book: string;
  call: (phone: string) => string;
  loading: string;
  slow: string;
  unavailable: string;
  emptyQuestion: string;
  questionTooLong: (max: number) => string;
}

const en: Strings = {
  launcherLabel: LAUNCHER_STRINGS.en.label,
  launcherText: LAUNCHER_STRINGS.en.text,
  panelTitle: (clinic) => `Ask ${clinic}`,
  defaultClinicName: 'our clinic',
  close: 'Close chat',
  greeting: (clinic) => `Hi! I can answer common questions about pain treatments at ${clinic}. What would you like to know?`,
  starterHeading: 'Popular questions',
  starters: ['What is an epidural steroid injection?', 'How long does radiofrequency ablation last?', 'What happens on the day of my procedure?'],
  inputLabel: 'Your question',
  inputPlaceholder: 'Type your question…',
  send: 'Send',
  clear: 'Clear conversation',
  disclaimer: 'General information, not medical advice. In an emergency, call {emergency}.',
  conversationLabel: 'Conversation',
  you: 'You',
  assistant: 'Answer',
  sourcesLabel: 'Sources',
  reviewed: (date) => `Last reviewed ${date}`,
  relatedLabel: 'You may also ask',
  clarifyIntro: 'Did you mean one of these?',
  fallback: "Sorry, I don't have an answer to that. Our team can help: call us or book a consultation.",
  smallTalk: {
    greeting: 'Hello! Ask me about a treatment, a condition, or what to expect at your visit.',
    thanks: "You're welcome! Is there anything else you'd like to know?",
    goodbye: 'Take care! Come back any time you have a question.',
  },
  urgentTitle: 'Get help now',
  callEmergency: (number) => `Call ${number}`,
  callCrisis: (number) => `Call or text ${number}`,
  callPoison: (number) => `Call Poison Help ${number}`,
  bookPrompt: 'Want to talk about your own pain with a specialist?',
  book: 'Book a consultation',
  call: (phone) => `Call ${phone}`,
  loading: 'Getting answers ready…',
  slow: 'This is taking longer than usual. You can keep waiting, or call us or book a consultation.',
  unavailable: "Sorry, I can't answer questions right now. Please call us or book a consultation.",
  emptyQuestion: 'Please type a question first.',
  questionTooLong: (max) => `That question is long. Please ask in under ${max} characters.`,
};

const loaded: Partial<Record<Locale, Strings>> = { en };
const loading = new Map<Locale, Promise<void>>();

/**
 * The strings for `locale` ("es", "es-MX" → Spanish) once {@link loadStrings} has brought
 * them; English until then, and for anything unknown.
 */
export function stringsFor(locale: string | null | undefined): Strings {
  return loaded[resolveLocale(locale)] ?? en;
}

/** True when {@link stringsFor} already gives `locale`'s own strings. */
export function hasStrings(locale: string | null | undefined): boolean {
  return loaded[resolveLocale(locale)] !== undefined;
}

/**
 * Loads the strings for `locale` (once), so that a page in English never downloads the
 * Spanish ones. Never rejects: if the chunk cannot load, the words stay English.
 */
export function loadStrings(locale: string | null | undefined): Promise<void> {
  const resolved = resolveLocale(locale);
  if (resolved === 'en' || loaded[resolved]) return Promise.resolve();
  let pending = loading.get(resolved);
  if (!pending) {
    pending = LOCALE_CHUNKS[resolved]().then(
      (strings) => void (loaded[resolved] = strings),
      () => void loading.delete(resolved),
    );
    loading.set(resolved, pending);
  }
  return pending;
}
