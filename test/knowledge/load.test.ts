import { describe, expect, it } from 'vitest';
import { KnowledgeError, parseBundle, parseBundleText } from '../../src/knowledge/load.js';
import { bundleOf } from '../helpers.js';

const valid = () => structuredClone(bundleOf('test/fixtures/knowledge-small'));

describe('knowledge/load', () => {
  describe('parseBundle', () => {
    it('accepts a compiled bundle', () => {
      expect(parseBundle(valid()).entries.length).toBe(2);
    });

    it('derives each passage\'s plain text from its HTML when the file leaves it out, as the compiler does', async () => {
      const { bundleForBrowser } = await import('../../src/knowledge/compile.js');
      const compiled = bundleOf('knowledge');
      const slim = JSON.parse(JSON.stringify(bundleForBrowser(compiled)));
      expect(JSON.stringify(slim)).not.toContain('"text"');
      const loaded = parseBundle(slim);
      expect(loaded.entries.flatMap((e) => e.passages.map((p) => p.text))).toEqual(compiled.entries.flatMap((e) => e.passages.map((p) => p.text)));
    });

    it('never throws on odd numeric entities while deriving text', () => {
      const bundle = valid() as unknown as { entries: { passages: { html: string; text?: string }[] }[] };
      bundle.entries[0]!.passages[0]!.html = '<p>&#99999999; &#x110000; &#0; ok</p>';
      delete bundle.entries[0]!.passages[0]!.text;
      expect(parseBundle(bundle).entries[0]!.passages[0]!.text).toBe('\ufffd \ufffd \ufffd ok');
    });

    it('refuses a bundle of another format version, saying which', () => {
      expect(() => parseBundle({ ...valid(), format: 99 })).toThrow(
        new KnowledgeError('knowledge-format', 'knowledge file has format 99, but this widget reads format 1; rebuild it with the same version of pain-care-chat'),
      );
    });

    it('names the first bad field', () => {
      const bundle = valid() as unknown as { entries: { passages: unknown }[] };
      bundle.entries[1]!.passages = 'oops';
      expect(() => parseBundle(bundle)).toThrow('knowledge file is not a valid bundle: entries[1].passages must be a non-empty list; rebuild it with "npm run knowledge"');
    });

    it('refuses a bundle without urgent-care rules', () => {
      expect(() => parseBundle({ ...valid(), urgent: [] })).toThrow(/"urgent" must be a non-empty list/);
    });
  });

  describe('parseBundleText', () => {
    it('says when the text is not JSON', () => {
      try {
        parseBundleText('<html>404</html>');
        expect.unreachable();
      } catch (error) {
        expect((error as KnowledgeError).code).toBe('knowledge-not-json');
      }
    });
  });
});
