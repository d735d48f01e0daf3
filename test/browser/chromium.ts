/**
 * Starts Debian's Chromium (never a downloaded browser) for the browser tests, headless,
 * with background networking off so the closed network here does not slow it down.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** `CHROME_PATH` if set, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}; install it with "apt-get install -y chromium" or set CHROME_PATH`);
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
