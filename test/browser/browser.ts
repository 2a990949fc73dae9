import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { totpCode } from '../factories.ts';

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

/** Whom a browser test signs in as: the factory's user (`insertUser`). */
export interface BrowserUser {
  readonly email: string;
  readonly password: string;
  readonly totpSecret?: string | null;
}

/**
 * Signs in on `page` through the real sign-in page: email, password, and the authenticator code
 * when the user has one (`clock`: the app's test clock, when it is not real time).
 */
export async function signInOnPage(
  page: Page,
  base: string,
  user: BrowserUser,
  options: { clock?: { now(): Date } } = {},
): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Email address').waitFor({ timeout: 30_000 }); // the first load of a busy machine
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
  if (user.totpSecret) {
    await page.getByLabel('Authentication code').fill(await totpCode(user.totpSecret, options.clock?.now()));
    await page.keyboard.press('Enter');
  }
}

/** A new browser context (10 s default timeout) signed in as `user`, on the first page after sign-in. */
export async function newSignedInPage(
  browser: Browser,
  base: string,
  user: BrowserUser,
  options: { clock?: { now(): Date }; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await signInOnPage(page, base, user, options);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page };
}

/** Starts `app` on a free port of 127.0.0.1 and answers the address pages load from. */
export async function listenForBrowser(app: {
  listen(options: { port: number; host: string }): Promise<string>;
  server: { address(): unknown };
}): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number } | string | null;
  if (!address || typeof address === 'string') throw new Error('The test app has no TCP address.');
  return `http://localhost:${address.port}`;
}
