/**
 * Turns free text (a visitor's question, a knowledge entry) into comparable words.
 * Pure and total: any string, including lone surrogates and control characters, gives an
 * array of words and never throws.
 */

/** Questions longer than this many characters are cut before any work is done on them. */
export const MAX_QUESTION_CHARS = 1000;

/** Words longer than this are not words a visitor means; they are dropped. */
const MAX_WORD_CHARS = 40;

const COMBINING_MARKS = /\p{M}+/gu;
// Invisible format characters (zero-width space and joiners, soft hyphen, word joiner,
// byte-order mark, Mongolian vowel separator…): pasted or typed inside a word, they would
// split it ("le\u200Bgs"), so they go before anything else reads the text.
const FORMAT_CHARACTERS = /\p{Cf}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/**
 * Lower case, accents removed, invisible format characters dropped, apostrophes joined
 * ("can't" → "cant"), everything that is not a letter or digit turned into a space.
 */
export function foldText(text: string): string {
  const cut = String(text).slice(0, MAX_QUESTION_CHARS * 4);
  // Most text is plain ASCII: skip the Unicode steps, which cost most of the time here.
  if (PLAIN_ASCII.test(cut)) return cut.toLowerCase().replace(APOSTROPHES, '').replace(NOT_ASCII_WORD, ' ').trim();
  return cut
    .replace(FORMAT_CHARACTERS, '')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/**
 * Chat shorthand, spelt out, so "wat r u guys doing 4 my back" reads like the words the
 * knowledge and the vocabulary use. Only unambiguous forms.
 */
export const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['u', 'you'], ['ya', 'you'], ['ur', 'your'], ['r', 'are'], ['y', 'why'], ['pls', 'please'], ['plz', 'please'],
  ['wat', 'what'], ['wut', 'what'], ['wht', 'what'], ['abt', 'about'], ['bc', 'because'], ['cuz', 'because'],
  ['coz', 'because'], ['b4', 'before'], ['thru', 'through'], ['1st', 'first'], ['2nd', 'second'], ['3rd', 'third'],
  ['ppl', 'people'], ['diff', 'difference'], ['dr', 'doctor'], ['drs', 'doctors'], ['tho', 'though'], ['w', 'with'],
  ['wo', 'without'], ['yrs', 'years'], ['yr', 'year'], ['mos', 'months'], ['wks', 'weeks'], ['hrs', 'hours'],
  ['gonna', 'going'], ['wanna', 'want'], ['gotta', 'must'], ['nah', 'no'], ['yeah', 'yes'], ['tbh', 'honestly'],
  ['idk', 'unsure'], ['rn', 'now'], ['bf', 'boyfriend'], ['gf', 'girlfriend'],
]);

/** The folded words of `text`, in order, with chat shorthand spelt out. */
export function words(text: string): string[] {
  const folded = foldText(text);
  if (folded === '') return [];
  return folded
    .split(' ')
    .filter((word) => word.length > 0 && word.length <= MAX_WORD_CHARS)
    .map((word) => SHORTHAND.get(word) ?? word);
}

/**
 * Words that carry no topic: question words, pronouns, helpers. Kept small on purpose:
 * "long", "last", "hurt", "after" and "cost" carry meaning here and are not in it.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about am an and any anything are as at be been being but by can could did do does doing done ' +
    'for from get gets getting go going got had has have having he her here hers him his how i if im in ' +
    'into is it its ive just kind know let like me might more most much must my need needs of on one ' +
    'or our please really should so some someone something tell than thank thanks that thats the their them ' +
    'then there these they thing things this those to too us very want wanted was way we were what whats ' +
    'when where whether which while who why will with would you your youre yours ok okay hi hello hey sort ' +
    'help helps helped helping explain info information wondering wonder curious no not dont im ive id mean means meaning ' +
    'guys yall honestly unsure though because lol ok anyway she shes hes isnt wont doesnt didnt cant cannot arent ' +
    'wasnt werent theyre theyll theyve whod hed shed youll youve ill theres heres wheres whos hows ' +
    'nobody somebody everybody anybody myself yourself himself herself themselves ourselves'
  ).split(' '),
);

// Longest first; each is removed at most once, and only when at least MIN_STEM letters stay.
const SUFFIXES = [
  'ational', 'ations', 'ation', 'ators', 'ator', 'ments', 'ment', 'ness', 'ings', 'ions', 'ical',
  'ates', 'ies', 'ied', 'ing', 'ion', 'ate', 'ers', 'er', 'ed', 'es', 'ly', 's',
] as const;
const MIN_STEM = 3;

/**
 * A light suffix-stripping stemmer, the same on both sides of a match, so "injections",
 * "injected" and "injecting" all become "inject". It does not need to give real words.
 */
export function stem(word: string): string {
  return word.length <= MIN_STEM + 1 ? word : cachedStem(word);
}

/** How many stems a stemmer remembers before it starts afresh (memory stays bounded). */
const STEM_CACHE_SIZE = 20_000;

/**
 * `stemmer`, remembering its answers: the knowledge repeats its words many times, so each
 * is stemmed once.
 */
function remembered(stemmer: (word: string) => string): (word: string) => string {
  const stems = new Map<string, string>();
  return (word) => {
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      if (stems.size >= STEM_CACHE_SIZE) stems.clear();
      stemmed = stemmer(word);
      stems.set(word, stemmed);
    }
    return stemmed;
  };
}

const cachedStem = remembered((word) => stemUncached(word));

function stemUncached(word: string): string {
  if (/\d/.test(word)) return word;
  let stemmed = word;
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_STEM) continue;
    // "s" only as a plural: not "ss" (stress), "us" (sinus), "is" (arthritis).
    if (suffix === 's' && /(ss|us|is)$/.test(word)) break;
    // "es" only after s, x, z, ch or sh (boxes); elsewhere it is "e" + "s" (knees, nerves).
    if (suffix === 'es' && !/(s|x|z|ch|sh)es$/.test(word)) continue;
    stemmed = word.slice(0, -suffix.length);
    if (suffix === 'ies' || suffix === 'ied') stemmed += 'y';
    if (suffix === 'ical') stemmed += 'ic';
    break;
  }
  if (stemmed.length > 4 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** The stemmed topic words of `text`: folded, stop words removed, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

/**
 * How this code reads words, as 8 hex digits: a hash of the stop words, shorthand and
 * suffixes, and of the terms of a sentence that exercises every rule above. An index the
 * compiler made with other rules (an older or newer version) has another fingerprint, and
 * the matcher then works the terms out itself instead of trusting it.
 */
export const NORMALIZER_FINGERPRINT = fingerprint(
  [
    [...STOP_WORDS].join(' '),
    [...SHORTHAND].join(' '),
    SUFFIXES.join(' '),
    terms(
      "Héllo u r asking: what's the INJECTIONS' injected injecting nations creators payments kindness settings sessions " +
        'radical creates stories studied boxes knees nerves stress sinus arthritis L5 2nd b4 abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq',
    ).join(' '),
  ].join('|'),
);

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable summary of `text` (not for security). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Words shorter than this are never read as typos: too many short words look alike. */
export const NEAR_MISS_MIN_LENGTH = 5;

/**
 * True when `typed` is `expected` with one small typo (two for long words): a letter
 * missing, extra, wrong or two swapped. The first letter must agree, because typos there
 * are rare and allowing them confuses "ladder" with "bladder".
 */
export function isNearMiss(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  if (expected.length < NEAR_MISS_MIN_LENGTH || typed[0] !== expected[0]) return false;
  const allowed = expected.length >= 8 ? 2 : 1;
  if (Math.abs(typed.length - expected.length) > allowed) return false;
  return editDistance(typed, expected, allowed) <= allowed;
}

/**
 * Edit distance with transpositions (a letter missing, extra, wrong, or two swapped),
 * stopping early once every path exceeds `limit` (the result is then some value > limit).
 */
export function editDistance(a: string, b: string, limit: number): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
  }
  return d[rows * cols - 1]!;
}

/**
 * Everyday words that say little about a topic. When the knowledge does not use one of
 * them, it still weighs little in a question ("still", "ago", "big"), unlike an unknown
 * topic word ("dentist", "covid") that points outside what the knowledge covers.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'ago still also even ever yet already lately recently anymore actually basically maybe probably perhaps kinda sorta ' +
    'lot lots bit big small little tiny huge bad good great fine nice new old young same different other another ' +
    'every each all both either neither few several many much more most less least enough quite rather pretty ' +
    'always never sometimes often usually again once twice later soon early late today tomorrow yesterday tonight ' +
    'morning evening night week weeks month months year years day days hour hours minute minutes time times ' +
    'thing stuff something anything nothing everything someone anyone everyone people person guy lady man woman ' +
    'mom mum dad mother father wife husband son daughter friend friends family kid kids child children brother sister ' +
    'go goes went gone going come comes came coming get got gotten give gave given take took taken make made ' +
    'say said says tell told ask asked think thought feel felt feeling know knew known see saw seen look looks looked ' +
    'want wanted need needed try tried trying use used using work works worked working keep kept let put seem seems ' +
    'like likes liked love hate wish hope guess mean means meant sure okay yes yeah yep nope hmm um uh lol ' +
    'thanks thank please sorry hello hi hey dear sir madam doc ' +
    'really very so too just only kind sort type way ways part place area side things ' +
    'right left up down out off over under back front top bottom inside outside near far ' +
    'start started starting stop stopped end ended begin began ' +
    'bother bothers bothering worry worried worrying scared afraid nervous anxious ' +
    'everyday normal usual regular real true false whole half full doctor doctors ' +
    'wifes husbands mothers fathers moms dads sons daughters grandma grandpa grandmother grandfather grandson granddaughter ' +
    'boyfriend girlfriend partner buddy neighbor coworker boss teenager teen baby ' +
    'consider considered mention mentioned job jobs straight barely terrible terribly awful constant constantly honest ' +
    'crazy grab someday monday tuesday wednesday thursday friday saturday sunday weekend rough success ' +
    'breakfast lunch dinner suppose supposed idea one two three four five six seven eight nine ten first second third ' +
    'bent bathroom haul obvious obviously actual blame ditch recommend ' +
    'recommended till until asap fast fastest faster quick quickly slow slowly accept eventually eventual tmrw ' +
    'couple tons ton above below total wise bunch afternoon continue continuing skeptical convince convinced hear heard ' +
    'arrange slot suitable otherwise develop article articles income realize realized horror basic standard exist ' +
    'letter across suffer suffering lost situation receive received prefer emotional bounce provide provided material ' +
    'resources resource structure culprit read reading life live living ' +
    'home stairs drive driving walk walking sit sitting stand standing sleep sleeping ' +
    'bed chair desk call called calling ' +
    'happy sad angry tired exhausted frustrated hopeless desperate fed upset annoyed confused excited ' +
    'honestly seriously literally totally completely definitely exactly certainly especially mostly mainly simply ' +
    'anyways whatever however therefore though although besides instead except plus ' +
    'older elderly age aged younger grandkids retired retirement referred refer referring sent'
  ).split(' '),
);

/**
 * How one language's text becomes terms: the matcher, the index and the checker take it
 * from the bundle's `locale`, so English and Spanish knowledge are each read by their own rules.
 */
export interface Analyzer {
  locale: string;
  /** Changes whenever these rules change (see {@link NORMALIZER_FINGERPRINT}). */
  fingerprint: string;
  stopWords: ReadonlySet<string>;
  /** Everyday words that weigh little when the knowledge does not use them (see {@link COMMON_WORDS}). */
  commonWords: ReadonlySet<string>;
  stem(word: string): string;
  terms(text: string): string[];
}

export const ENGLISH: Analyzer = Object.freeze({
  locale: 'en',
  fingerprint: NORMALIZER_FINGERPRINT,
  stopWords: STOP_WORDS,
  commonWords: COMMON_WORDS,
  stem,
  terms,
});

/**
 * Spanish words that carry no topic (accents already removed): articles, pronouns,
 * prepositions, question words and helpers; and the English ones, for Spanglish.
 */
const SPANISH_STOP_WORDS: ReadonlySet<string> = new Set([
  ...(
    'a al algo alguien algun alguna algunas alguno algunos ante antes aqui asi aun bien cada como con contra cual cuales ' +
    'cuando cuanto cuanta cuantos cuantas de del desde donde dos e el ella ellas ello ellos en entre era eran es esa esas ese eso esos ' +
    'esta estaba estan estar este esto estos estoy fue fueron ha haber habia han has hay he hola la las le les lo los mas me mi mis ' +
    'mucho muy nada ni no nos nosotros o os otra otro para pero poco por porque pues que quien quienes se sea ser si sido sin ' +
    'sobre solo son soy su sus tambien tan tanto te tengo tiene tienen ti tu tus u un una unas uno unos usted ustedes vez y ya yo ' +
    'puede puedo pueden podria quiero quisiera saber sabe favor gracias oiga hacer hace hacen ahi alla eh pues vale bueno ok okay ' +
    'dice dijo dijeron decir explicar informacion info pregunta duda dudas necesito gustaria algo cosa cosas tipo'
  ).split(' '),
  ...STOP_WORDS,
]);

/** Spanish everyday words that say little about a topic (see {@link COMMON_WORDS}). */
const SPANISH_COMMON_WORDS: ReadonlySet<string> = new Set([
  ...(
    'ya todavia siempre nunca tambien ahora hoy ayer manana noche semana semanas mes meses ano anos dia dias hora horas ' +
    'mucho poco grande pequeno bueno malo nuevo viejo mismo otro todo todos cada varios muchos ' +
    'mama papa madre padre esposa esposo hijo hija amigo amiga familia senor senora doctor doctora medico medica ' +
    'ir voy va fue venir vino tener tengo tiene dar dio hacer hizo decir dijo ver vio pensar creo sentir siento ' +
    'querer quiero necesitar necesito usar trabajo casa cama silla caminar sentado dormir ' +
    'cansado triste feliz preocupado nervioso miedo asustado real verdad normal ' +
    'uno dos tres cuatro cinco seis siete ocho nueve diez primero segundo tercero'
  ).split(' '),
  ...COMMON_WORDS,
]);

// Longest first; each is removed at most once, and only when at least MIN_STEM letters stay.
const SPANISH_SUFFIXES = [
  'amientos', 'imientos', 'aciones', 'amiento', 'imiento', 'idades', 'ciones', 'acion', 'mente', 'idad', 'cion',
  'ando', 'iendo', 'adas', 'ados', 'idas', 'idos', 'ada', 'ado', 'ida', 'ido', 'ar', 'er', 'ir', 'es', 's',
] as const;

/**
 * A light Spanish stemmer, in the spirit of {@link stem}: plural and gender endings, verb
 * endings and "-ción" forms, so "inyecciones", "inyección" and "inyectado" come close and
 * "nervio" and "nervios" meet.
 */
function stemSpanish(word: string): string {
  if (word.length <= MIN_STEM + 1 || /\d/.test(word)) return word;
  let stemmed = word;
  for (const suffix of SPANISH_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_STEM) continue;
    stemmed = word.slice(0, -suffix.length);
    break;
  }
  // Gender and the last vowel: "nervio", "nervios" → "nervi"; "bloqueo", "bloqueos" → "bloque".
  if (stemmed.length > 4 && /[aoe]$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

const stemSpanishCached = remembered(stemSpanish);

export const SPANISH: Analyzer = Object.freeze({
  locale: 'es',
  fingerprint: fingerprint(
    [
      'es',
      [...SPANISH_STOP_WORDS].join(' '),
      [...SHORTHAND].join(' '),
      SPANISH_SUFFIXES.join(' '),
      words('¿Cuánto duran las inyecciones? inyectado nervios bloqueo rápidamente ablación L5 2da').filter((w) => !SPANISH_STOP_WORDS.has(w)).map(stemSpanish).join(' '),
    ].join('|'),
  ),
  stopWords: SPANISH_STOP_WORDS,
  commonWords: SPANISH_COMMON_WORDS,
  stem: stemSpanishCached,
  terms: (text: string) =>
    words(text)
      .filter((word) => !SPANISH_STOP_WORDS.has(word))
      .map(stemSpanishCached),
});

/** The analyzer for a bundle's `locale` (English when it has none). */
export function analyzerFor(locale: string | undefined): Analyzer {
  return locale === 'es' ? SPANISH : ENGLISH;
}
