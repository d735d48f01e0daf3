import { describe, expect, it } from 'vitest';
import { type AttributeName, telHref } from '../../src/config/attributes.js';
import { readConfig } from '../../src/config/read-config.js';

const configOf = (attributes: Partial<Record<AttributeName, string>>, pageLang?: string) => readConfig((name) => attributes[name] ?? null, pageLang);

describe('config/attributes', () => {
  describe('readConfig', () => {
    it('uses the documented defaults when nothing is set', () => {
      const { config, warnings } = configOf({});
      expect(warnings).toEqual([]);
      expect(config).toMatchObject({
        knowledge: null,
        bookingUrl: null,
        phone: null,
        locale: 'en',
        position: 'bottom-right',
        mode: 'floating',
        open: false,
        emergencyNumber: '911',
        crisisLine: '988',
      });
    });

    it('refuses a javascript: booking URL with a warning that names the fix', () => {
      const { config, warnings } = configOf({ 'booking-url': 'javascript:alert(1)' });
      expect(config.bookingUrl).toBeNull();
      expect(warnings).toEqual([
        { code: 'bad-url', attribute: 'booking-url', message: '"booking-url" "javascript:alert(1)" is not allowed; use an https:, http:, tel:, mailto: or relative URL' },
      ]);
    });

    it('falls back to the default for an unknown position', () => {
      const { config, warnings } = configOf({ position: 'top-center' });
      expect(config.position).toBe('bottom-right');
      expect(warnings[0]?.message).toBe('"position" must be one of bottom-right, bottom-left; got "top-center", using "bottom-right"');
    });

    it('takes the page language when no locale is set', () => {
      expect(configOf({}, 'es-MX').config.locale).toBe('es');
      expect(configOf({ locale: 'en' }, 'es').config.locale).toBe('en');
      expect(configOf({}, 'fr').config.locale).toBe('en');
    });

    it('makes a tel: link from the phone number', () => {
      expect(configOf({ phone: '(555) 010-2000' }).config.phoneHref).toBe('tel:5550102000');
      expect(telHref('+1 555 010 2000')).toBe('tel:+15550102000');
    });

    it('refuses a phone number with letters', () => {
      const { config, warnings } = configOf({ phone: 'call us!' });
      expect(config.phone).toBeNull();
      expect(warnings[0]?.code).toBe('bad-phone');
    });

    it('reads the accent, theme, share-questions and strings, and names what is wrong with each', () => {
      const good = configOf({ accent: ' #0a6e5c ', theme: 'dark', 'share-questions': '', strings: '{"send": "Go"}' }).config;
      expect([good.accent, good.theme, good.shareQuestions, good.strings]).toEqual(['#0a6e5c', 'dark', true, { send: 'Go' }]);
      expect(configOf({ 'share-questions': 'false' }).config.shareQuestions).toBe(false);
      expect(configOf({}).config).toMatchObject({ accent: null, theme: 'auto', shareQuestions: false, strings: null });
      const bad = configOf({ accent: 'red;}:host{display:none', theme: 'sepia', strings: '{send: Go}' });
      expect(bad.config).toMatchObject({ accent: null, theme: 'auto', strings: null });
      expect(bad.warnings.map((w) => w.code)).toEqual(['bad-color', 'bad-strings', 'bad-value']);
      expect(bad.warnings[0]?.message).toBe('"accent" must be a CSS colour like #1f5f8b or rgb(31 95 139); got "red;}:host{display:none", using --pcc-accent');
    });
  });
});
