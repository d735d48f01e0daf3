/**
 * The numbers urgent advice refers to, with their defaults. A leaf module: the tiny
 * script-tag loader's configuration and the core both read it without pulling in the other.
 */
export interface UrgentNumbers {
  emergency: string;
  crisis: string;
  poison: string;
}

/** US defaults: emergency services, the 988 Suicide & Crisis Lifeline, and Poison Help. */
export const DEFAULT_URGENT_NUMBERS: Readonly<UrgentNumbers> = Object.freeze({
  emergency: '911',
  crisis: '988',
  poison: '1-800-222-1222',
});
