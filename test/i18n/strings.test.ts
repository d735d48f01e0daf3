import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { type Strings, withOverrides } from '../../src/i18n/strings.js';

describe('the strings table', () => {
  it('has the same texts in every shipped language, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const strings of [en, es] as Strings[]) {
      for (const [key, value] of Object.entries(strings)) {
        const text = typeof value === 'function' ? (value as (v: string) => string)('X') : value;
        expect(text, key).not.toEqual('');
        if (typeof value === 'function') expect(text, `${key} uses its value`).toContain('X');
      }
    }
  });

  it('takes a webmaster\'s texts, templates and lists, keeping everything else', () => {
    const { strings, problems } = withOverrides(en, {
      panelTitle: 'Questions for {clinic}',
      reviewed: 'Checked {date}',
      send: 'Go',
      starters: ['One?', 'Two?'],
      smallTalk: { thanks: 'Any time!' },
      dir: 'rtl',
    });
    expect(problems).toEqual([]);
    expect(strings.panelTitle('Harbor')).toBe('Questions for Harbor');
    expect(strings.reviewed('2026-12-01')).toBe('Checked 2026-12-01');
    expect([strings.send, strings.starters, strings.dir, strings.smallTalk.thanks, strings.smallTalk.goodbye]).toEqual(['Go', ['One?', 'Two?'], 'rtl', 'Any time!', en.smallTalk.goodbye]);
    expect(strings.book).toBe(en.book);
    expect(withOverrides(en, { call: (phone: string) => `Ring ${phone}` }).strings.call('555')).toBe('Ring 555');
  });

  it('skips unknown keys and values of the wrong kind, and says which', () => {
    const { strings, problems } = withOverrides(en, { sned: 'Go', send: 42, starters: 'one', dir: 'up', smallTalk: { hello: 'x' } });
    expect(strings.send).toBe(en.send);
    expect(strings.starters).toEqual(en.starters);
    expect(strings.dir).toBe('ltr');
    expect(problems).toEqual([
      '"strings" has no text named "sned"',
      '"strings.send" must be text',
      '"strings.starters" must be a list of texts',
      '"strings.dir" must be "ltr" or "rtl"',
      '"strings.smallTalk" has no text named "hello" or it is not text',
    ]);
    expect(withOverrides(en, 'Go').problems).toEqual(['"strings" must be an object of texts, like {"launcherText": "Ask us"}']);
    expect(withOverrides(en, null).strings).toBe(en);
  });
});
