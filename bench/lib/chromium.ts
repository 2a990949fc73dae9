/**
 * The worklist page in headless Chromium (Debian's, /usr/bin/chromium — never a downloaded one), and
 * the initial JavaScript the web app's index.html makes every visitor load.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ROW = '[data-testid="worklist-row"]';

export interface PageTimings {
  /** Navigation start → first worklist row visible, a new browser context (empty cache), ms. */
  readonly coldMs: number;
  /** The same, the median of `loads` further navigations in that context (warm cache), ms. */
  readonly warmMedianMs: number;
  readonly warmMs: readonly number[];
}

function launch(): Promise<Browser> {
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

/**
 * Loads `/` and answers the page's own clock (ms since navigation start) when the first worklist row
 * became visible — read in the page at that moment, so Playwright's round trips are not counted.
 */
async function timeToRows(page: Page, base: string): Promise<number> {
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (selector) => {
      const row = document.querySelector(selector);
      return row && (row as HTMLElement).offsetParent !== null ? performance.now() : false;
    },
    ROW,
    { polling: 'raf', timeout: 30_000 },
  );
  return Math.round(((await handle.jsonValue()) as number) * 10) / 10;
}

/**
 * Signs in as `email` through the sign-in page, then times the worklist page: once in a fresh context
 * (cold cache, same session) and `loads` times warm.
 * @throws when Chromium is missing or the rows never show
 */
export async function timeWorklistPage(
  base: string,
  user: { email: string; password: string },
  loads = 5,
): Promise<PageTimings> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}`);
  const browser = await launch();
  try {
    const signInContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const signInPage = await signInContext.newPage();
    await signInPage.goto(`${base}/`);
    await signInPage.getByLabel('Email address').fill(user.email);
    await signInPage.getByLabel('Password', { exact: true }).fill(user.password);
    await signInPage.keyboard.press('Enter');
    await signInPage.locator(ROW).first().waitFor({ timeout: 30_000 });
    const storageState = await signInContext.storageState();
    await signInContext.close();

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, storageState });
    const page = await context.newPage();
    const coldMs = await timeToRows(page, base);
    const warmMs: number[] = [];
    for (let i = 0; i < loads; i++) warmMs.push(await timeToRows(page, base));
    await context.close();
    const sorted = [...warmMs].sort((a, b) => a - b);
    return { coldMs, warmMedianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, warmMs };
  } finally {
    await browser.close();
  }
}

/**
 * The initial JavaScript: the module scripts and modulepreloads that index.html references (not the
 * chunks loaded lazily by later pages), each gzipped (zlib level 9), summed, in KiB.
 */
export async function initialJsGzipKiB(
  webDist: string,
): Promise<{ files: number; rawKiB: number; gzipKiB: number }> {
  const html = await fs.readFile(path.join(webDist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  let raw = 0;
  let gz = 0;
  for (const ref of new Set(refs)) {
    const bytes = await fs.readFile(path.join(webDist, ref.replace(/^\//, '')));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const k = (n: number) => Math.round(n / 102.4) / 10;
  return { files: new Set(refs).size, rawKiB: k(raw), gzipKiB: k(gz) };
}
