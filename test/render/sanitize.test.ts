import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuseEventHandlers } from '../../src/render/sanitize.js';

describe('render/sanitize', () => {
  describe('defuseEventHandlers', () => {
    it('renames every on* attribute inside a tag, however it is written', () => {
      expect(defuseEventHandlers('<b onclick="x">b</b>')).toBe('<b data-x-onclick="x">b</b>');
      expect(defuseEventHandlers('<img/ONERROR=x src=y>')).toBe('<img/data-x-ONERROR=x src=y>');
      expect(defuseEventHandlers(`<p title='t'onmouseover=y\n onfocus="z">`)).toBe(`<p title='t'data-x-onmouseover=y\n data-x-onfocus="z">`);
    });

    it('leaves text, attribute values and other attributes alone', () => {
      const html = '<p title="click on=this" lang="en">Turn on the light; <a href="/on">on</a> on=off</p>';
      expect(defuseEventHandlers(html)).toBe(html);
    });

    it('takes linear time on unclosed tags and quotes (counted by output, never throws)', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 2000 }), (html) => {
          const out = defuseEventHandlers(html);
          expect(out.replace(/data-x-/g, '')).toBe(html);
        }),
      );
      expect(defuseEventHandlers('<a "'.repeat(200_000)).length).toBe(800_000);
    });
  });
});
