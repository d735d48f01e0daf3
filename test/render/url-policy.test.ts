import { describe, expect, it } from 'vitest';
import { isExternalUrl, isSafeUrl, urlScheme } from '../../src/render/url-policy.js';

describe('render/url-policy', () => {
  describe('isSafeUrl', () => {
    it.each(['https://example.org', 'http://example.org', 'tel:+15550102000', 'mailto:a@b.org', '/book', 'book.html', '#top', '//cdn.example.org/x'])(
      'allows %j',
      (url) => expect(isSafeUrl(url)).toBe(true),
    );
    it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '\u0001javascript:x'])(
      'refuses %j',
      (url) => expect(isSafeUrl(url)).toBe(false),
    );
  });
  describe('urlScheme', () => {
    it('reads the scheme the browser would', () => {
      expect(urlScheme('HTTPS://x')).toBe('https:');
      expect(urlScheme('relative/path:x')).toBeNull();
    });
  });
  describe('isExternalUrl', () => {
    it('is true for absolute http(s) links only', () => {
      expect(isExternalUrl('https://x.org')).toBe(true);
      expect(isExternalUrl('/book')).toBe(false);
      expect(isExternalUrl('tel:911')).toBe(false);
    });
  });
});
