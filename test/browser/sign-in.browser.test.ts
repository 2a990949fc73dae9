/**
 * The foundation's journey in Chromium: an administrator created by the CLI signs in, sets up an
 * authenticator, signs out (the session cookie dies), and signs in again with a TOTP code —
 * keyboard only on the sign-in form, axe on every page state.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { totpCode } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser } from './browser.ts';

const t = setupTestDatabase();
const ADMIN = { email: 'ada@example.org', password: 'a calm and careful passphrase' };

function createAdminWithCli(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(projectRoot, 'bin/caseload.mjs'),
        'create-admin',
        '--email',
        ADMIN.email,
        '--name',
        'Ada Lovelace',
        '--org',
        'Riverside Advice',
        '--password-stdin',
      ],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.url, LOG_LEVEL: 'warn' } },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`create-admin exited ${code}: ${stderr}`)),
    );
    child.stdin.end(`${ADMIN.password}\n`);
  });
}

describe.skipIf(!chromiumAvailable)(
  'sign-in journey in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      await createAdminWithCli();
      app = await buildTestApp(t);
      base = await listenForBrowser(app);
      browser = await launchBrowser();
      context = await browser.newContext();
      page = await context.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    async function signInWithKeyboard(password: string) {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.keyboard.press('Tab'); // the skip link comes first
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/skip/i);
      await page.getByLabel('Email address').focus();
      await page.keyboard.type(ADMIN.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(password);
      await page.keyboard.press('Enter');
    }

    it('shows the sign-in page with no accessibility violations', async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await expectNoAxeViolations(page, 'sign-in');
    });

    it('explains a wrong password without losing the email', async () => {
      await signInWithKeyboard('not the password at all');
      await page
        .getByRole('alert')
        .filter({ hasText: /not right/i })
        .waitFor();
      await expect.poll(() => page.getByLabel('Email address').inputValue()).toBe(ADMIN.email);
      await expectNoAxeViolations(page, 'sign-in with a wrong password');
    });

    it('makes the new administrator set up an authenticator, then shows the recovery codes', async () => {
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.keyboard.press('Enter');
      const secretBox = page.getByTestId('totp-secret');
      await secretBox.waitFor();
      await expect.poll(() => page.getByRole('img').first().getAttribute('alt')).toMatch(/QR/i);
      await expectNoAxeViolations(page, 'authenticator set-up');
      const secret = (await secretBox.textContent())?.replace(/\s+/g, '') ?? '';
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await page.getByLabel('Authentication code').fill(await totpCode(secret));
      await page.getByRole('button', { name: 'Continue' }).click();
      const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
      await codes.first().waitFor();
      expect(await codes.count()).toBe(10);
      await expectNoAxeViolations(page, 'recovery codes');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
      await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe('Ada Lovelace');
      await expectNoAxeViolations(page, 'My caseload');
      (globalThis as { totpSecret?: string }).totpSecret = secret;
    });

    it('signs out, and the session cookie no longer works', async () => {
      const cookie = (await context.cookies()).find((c) => c.name === '__Host-caseload');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Strict');
      const before = await app.inject({
        url: '/api/auth/session',
        headers: { cookie: `${cookie?.name}=${cookie?.value}` },
      });
      expect(before.statusCode).toBe(200);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('status').filter({ hasText: 'You have signed out' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await expectNoAxeViolations(page, 'signed out');
      const after = await app.inject({
        url: '/api/auth/session',
        headers: { cookie: `${cookie?.name}=${cookie?.value}` },
      });
      expect(after.statusCode).toBe(401);
    });

    it('signs in again with a code from the authenticator', async () => {
      const secret = (globalThis as { totpSecret?: string }).totpSecret ?? '';
      await signInWithKeyboard(ADMIN.password);
      const code = page.getByLabel('Authentication code');
      await code.waitFor();
      await expectNoAxeViolations(page, 'second factor');
      // The code of the enrolment's time step was used; the next step's code is accepted (±30 s drift).
      await code.fill(await totpCode(secret, new Date(Date.now() + 30_000)));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('status').filter({ hasText: 'You have signed out' }).waitFor();
    });

    it('serves the API reference page without accessibility violations', async () => {
      await page.goto(`${base}/api/docs`);
      await page.getByRole('heading', { level: 1, name: 'Caseload API reference' }).waitFor();
      await expectNoAxeViolations(page, 'API reference');
    });
  },
);
