import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; browser tests use it and never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** False on machines without Chromium: browser suites skip there (`describe.skipIf(!chromiumAvailable)`). */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/**
 * Launches headless Chromium with the flags that keep it quiet and offline-friendly (no sandbox for
 * root in CI, no GPU, no QUIC, no background updates or sync).
 * @throws when Chromium is missing or fails to start
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
