import { describe, expect, it } from 'vitest';
import { type AttributeName, readConfig, telHref } from '../../src/config/attributes.js';

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
  });
});
