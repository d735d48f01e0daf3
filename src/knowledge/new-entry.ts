/**
 * The text a new entry starts with (the studio's "New entry" form writes it), kept here so
 * that the compiler can refuse an entry that still has it: a placeholder is not an answer.
 */

/**
 * The placeholder sentences of a new entry's body, for the editor to replace. The compiler
 * reports each one still in an entry, wherever its lines break.
 */
export const NEW_ENTRY_PLACEHOLDERS: readonly string[] = Object.freeze([
  'One or two plain sentences that answer the main question.',
  'A short passage a visitor can read on its own.',
]);

/** The body a new entry starts with: a summary line and one section, for the editor to replace. */
export const NEW_ENTRY_BODY = `${NEW_ENTRY_PLACEHOLDERS[0]}\n\n## What to expect\n\n${NEW_ENTRY_PLACEHOLDERS[1]}\n`;
