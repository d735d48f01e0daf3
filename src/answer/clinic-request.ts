/**
 * Requests that only the clinic's staff can handle: a prescription refill, test results, a
 * change to an appointment, records, a bill, paperwork. The chat cannot do them and must
 * not answer them with an article ("can you refill my oxycodone" once got the pain-pump
 * entry, for the word "refill"); it says the clinic handles this and offers the phone and
 * the patient portal.
 *
 * Each kind is a concept: an action word together with the thing it acts on, in English and
 * Spanish (accents folded). Words are compared whole, after the same folding the matcher
 * uses, so the check is linear in the question and cannot backtrack.
 */
import { words } from './normalize.js';

export type ClinicRequest = 'refill' | 'results' | 'appointment' | 'records' | 'billing' | 'paperwork';

const set = (list: string) => new Set(list.split(/\s+/u).filter(Boolean));

// A refill of a medicine by prescription, not of a pain pump (that is a topic).
const REFILL = set('refill refills refilled renew renewed renewal resurtir resurta resurtan resurten surtir surta surtan renovar renueven renovacion reabastecer');
const PRESCRIPTION = set(
  'prescription prescriptions rx script scripts meds med medication medications medicine medicines pills relaxer relaxers pharmacy cvs walgreens farmacia oxycodone oxy percocet norco hydrocodone vicodin tramadol gabapentin lyrica pregabalin morphine dilaudid fentanyl patch patches cyclobenzaprine flexeril tizanidine meloxicam naproxen celebrex suboxone buprenorphine receta recetas medicina medicinas medicamento medicamentos pastillas',
);
const PUMP = set('pump bomba implant implanted device reservoir implante dispositivo');
// Results of the visitor's own tests.
const RESULTS = set('results result resultados resultado');
const TESTS = set('mri ct scan scans xray xrays x ray labs lab blood test tests emg bloodwork ultrasound resonancia tomografia radiografia analisis estudios examen examenes sangre');
const MINE = set('my mine mi mis me got get did when where have');
// A change to an appointment already made.
const CHANGE = set('reschedule rescheduling cancel cancelling canceling postpone reprogramar cancelar posponer');
// Words that change an appointment only right before one ("move my appointment", not "does that change anything").
const CHANGE_NEAR = set('move change switch push bump cambiar mover pasar');
// …followed by whose appointment it is ("move my appointment", "push dad's follow up").
const WHOSE = set('my our his her the dads moms up back out mi su la');
const HOW_TO = / (?:how do i|how can i|how would i|como puedo|como hago|como se) /u;
const APPOINTMENT = set('appointment appointments appt appts visit follow followup procedure injection ablation epidural block shot oclock cita citas consulta procedimiento');
// Records.
const RECORDS = set('records record chart notes report reports images films cd imaging expediente expedientes historial reporte informe imagenes');
const SEND = set('send sent copy copies transfer fax get request release mail enviar envien mandar manden copia copias pedir solicitar');
// A bill the visitor already has.
const BILL = set('bill bills billed billing statement invoice charged charge overcharged refund collections copay factura facturas cobraron cobro cobraron reembolso');
const HAVE_BILL = set('my me got received sent wrong twice dispute disputing error mistake still why was were mi recibi llego equivocada error veces cobraron');
const COST_QUESTION = set('how much cost costs price cuanto cuesta precio');
// "Does Medicare usually cover the shots?" asks about cost, not about a bill the visitor has.
const COVER_QUESTION = / (?:does|do|will|would) (?:\w+ ){0,2}(?:usually )?cover /u;
// Paperwork only staff can fill in.
const PAPERWORK_PHRASES = [
  'doctors note', 'doctor note', 'work note', 'note for work',
  'note for my work', 'note for school', 'disability form', 'disability forms', 'disability paperwork', 'fmla', 'return to work form', 'fill out my',
  'fill out a form', 'sign my form', 'note for', 'write a note', 'write me a note', 'a note saying', 'note saying', 'paper for my job', 'paper for work', 'papers for work', 'resubmit',
  'appeal the', 'appeal it', 'insurance changed', 'new insurance card', 'update my insurance', 'approved yet', 'carta para el trabajo', 'nota para el trabajo', 'nota medica', 'forma de incapacidad', 'papeles de incapacidad',
];

const AUTH_STATUS = set('fax send sent status approved approve denied submitted through back yet enviar aprobaron aprobada negaron');

const hasAny = (list: readonly string[], wanted: Set<string>) => list.some((word) => wanted.has(word));

/** The kind of staff-only request the question makes, or `undefined` when it is a question the articles may answer. */
export function clinicRequestOf(question: string): ClinicRequest | undefined {
  const list = words(question);
  if (list.length === 0) return undefined;
  const text = ` ${list.join(' ')} `;
  if (hasAny(list, REFILL) && hasAny(list, PRESCRIPTION) && !hasAny(list, PUMP)) return 'refill';
  if (/ (?:can|could|will) (?:you|u|someone|you guys|u guys) (?:call|send|phone) (?:in )?(?:my|a) (?:prescription|script|rx|refill) /u.test(text)) return 'refill';
  if (hasAny(list, TESTS) && hasAny(list, MINE) && (hasAny(list, RESULTS) || / (?:did|does) (?:my|her|his) [a-z ]{1,20} show | from (?:my|her|his) last /u.test(text)) && !/ (?:explain|mean|means|understand) /u.test(text)) {
    return 'results';
  }
  if (
    !HOW_TO.test(text) &&
    (hasAny(list, CHANGE) || list.some((word, i) => CHANGE_NEAR.has(word) && WHOSE.has(list[i + 1] ?? '') && list.slice(i + 1, i + 5).some((next) => APPOINTMENT.has(next)))) &&
    hasAny(list, APPOINTMENT) &&
    (hasAny(list, MINE) || / (?:need|want|have) to /u.test(text) || /s (?:appointment|appt|visit) /u.test(text))
  ) {
    return 'appointment';
  }
  if (hasAny(list, RECORDS) && hasAny(list, SEND) && !/ medical record(?:s)? show /u.test(text)) return 'records';
  if (hasAny(list, BILL) && hasAny(list, HAVE_BILL) && !hasAny(list, COST_QUESTION) && !COVER_QUESTION.test(text)) return 'billing';
  if (PAPERWORK_PHRASES.some((phrase) => text.includes(` ${phrase} `))) return 'paperwork';
  // Whether a plan needs a prior authorization is a cost question; where the visitor's own one stands is not.
  if (/ (?:prior auth(?:orization)?|preauthorization|pre authorization|autorizacion previa) /u.test(text) && hasAny(list, AUTH_STATUS)) return 'paperwork';
  return undefined;
}
