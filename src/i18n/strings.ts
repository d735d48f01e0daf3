/**
 * Every string a visitor can see, by locale. The element, the CLI and the studio take
 * their words from here; nothing visible is written inline elsewhere.
 */
import { LAUNCHER_STRINGS } from './launcher.js';
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

const es: Strings = {
  launcherLabel: LAUNCHER_STRINGS.es.label,
  launcherText: LAUNCHER_STRINGS.es.text,
  panelTitle: (clinic) => `Pregunte a ${clinic}`,
  defaultClinicName: 'nuestra clínica',
  close: 'Cerrar el chat',
  greeting: (clinic) => `¡Hola! Puedo responder preguntas comunes sobre tratamientos del dolor en ${clinic}. ¿Qué le gustaría saber?`,
  starterHeading: 'Preguntas frecuentes',
  starters: ['¿Qué es una inyección epidural de esteroides?', '¿Cuánto dura la ablación por radiofrecuencia?', '¿Qué pasa el día del procedimiento?'],
  inputLabel: 'Su pregunta',
  inputPlaceholder: 'Escriba su pregunta…',
  send: 'Enviar',
  clear: 'Borrar la conversación',
  disclaimer: 'Información general, no consejo médico. En una emergencia, llame al {emergency}.',
  conversationLabel: 'Conversación',
  you: 'Usted',
  assistant: 'Respuesta',
  sourcesLabel: 'Fuentes',
  reviewed: (date) => `Revisado el ${date}`,
  relatedLabel: 'También puede preguntar',
  clarifyIntro: '¿Quiso decir alguna de estas?',
  fallback: 'Lo siento, no tengo una respuesta para eso. Nuestro equipo puede ayudarle: llámenos o reserve una consulta.',
  smallTalk: {
    greeting: '¡Hola! Pregúnteme sobre un tratamiento, una condición o qué esperar en su visita.',
    thanks: '¡De nada! ¿Hay algo más que quiera saber?',
    goodbye: '¡Cuídese! Vuelva cuando tenga una pregunta.',
  },
  urgentTitle: 'Busque ayuda ahora',
  callEmergency: (number) => `Llamar al ${number}`,
  callCrisis: (number) => `Llamar o escribir al ${number}`,
  callPoison: (number) => `Llamar a Poison Help ${number}`,
  bookPrompt: '¿Quiere hablar de su dolor con un especialista?',
  book: 'Reservar una consulta',
  call: (phone) => `Llamar al ${phone}`,
  loading: 'Preparando las respuestas…',
  slow: 'Esto está tardando más de lo normal. Puede esperar, o llamarnos o reservar una consulta.',
  unavailable: 'Lo siento, ahora no puedo responder preguntas. Llámenos o reserve una consulta.',
  emptyQuestion: 'Escriba una pregunta primero.',
  questionTooLong: (max) => `La pregunta es larga. Pregunte en menos de ${max} caracteres.`,
};

/** The strings of each shipped locale. */
export const LOCALES: Readonly<Record<Locale, Strings>> = Object.freeze({ en, es });

/** The strings for `locale` ("es", "es-MX" → Spanish); English for anything unknown. */
export function stringsFor(locale: string | null | undefined): Strings {
  return LOCALES[resolveLocale(locale)];
}
