/**
 * `npm run screenshots`: opens the built demo in headless Chromium and saves what a visitor
 * sees (closed, open, answered, urgent, fallback, inline, phone) under test/screenshots/,
 * and the README picture as docs/screenshot.png. Run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../test/browser/chromium.js';
import { serve } from '../test/browser/server.js';

const out = 'test/screenshots';
mkdirSync(out, { recursive: true });
const server = await serve(['dist', 'demo']);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(`${server.url}/index.html`);
  const launcher = page.getByRole('button', { name: /chat/i });
  await launcher.waitFor();
  await page.screenshot({ path: `${out}/1-closed.png` });
  await launcher.click();
  const box = page.getByRole('textbox', { name: 'Your question' });
  await box.waitFor();
  await page.screenshot({ path: `${out}/2-open.png` });
  const ask = async (q: string) => {
    await box.fill(q);
    await box.press('Enter');
    await page.waitForTimeout(300);
  };
  await ask('how long does rfa last');
  await page.screenshot({ path: `${out}/3-answer.png` });
  await page.screenshot({ path: 'docs/screenshot.png' });
  await ask("my legs went numb and I can't hold my bladder");
  await page.screenshot({ path: `${out}/4-urgent.png` });
  await ask('do you fix teeth');
  await page.screenshot({ path: `${out}/5-fallback.png` });
  await ask('injection');
  await page.screenshot({ path: `${out}/6-clarify.png` });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${server.url}/index.html`);
  await phone.getByRole('button', { name: /chat/i }).tap();
  const phoneBox = phone.getByRole('textbox', { name: 'Your question' });
  await phoneBox.fill('what happens on the day of my procedure');
  await phoneBox.press('Enter');
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: `${out}/7-phone.png` });

  const inline = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await inline.goto(`${server.url}/inline.html`);
  const inlineBox = inline.getByRole('textbox', { name: 'Your question' });
  await inlineBox.fill('does insurance cover a nerve block');
  await inlineBox.press('Enter');
  await inline.waitForTimeout(300);
  await inline.screenshot({ path: `${out}/8-inline.png` });
  console.log(`screenshots in ${out}/ and docs/screenshot.png`);
} finally {
  await browser.close();
  await server.close();
}
