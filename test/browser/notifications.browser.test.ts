/**
 * Informing colleagues and reading notifications in Chromium: the case page's "Inform colleagues"
 * form (a problem named, then sent), the chronology entry it leaves, and the colleague's
 * Notifications page with "Mark as read" — axe on every state, no sleeps.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();

type User = Awaited<ReturnType<typeof insertUser>>;

describe.skipIf(!chromiumAvailable)(
  'informing colleagues in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let adviser: User;
    let colleague: User;
    let caseId = '';
    let caseRef = '';

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing team' });
      adviser = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Ari Adviser',
        team: { id: team.id, role: 'member' },
      });
      colleague = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Cam Colleague',
        team: { id: team.id, role: 'member' },
      });
      const own = await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id });
      caseId = own.id;
      caseRef = own.reference;
      app = await buildTestApp(t);
      base = await listenForBrowser(app);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    const signIn = (user: User) => newSignedInPage(browser, base, user);

    it('lets an adviser inform a colleague about a case, and records it in the chronology', async () => {
      const { page, context } = await signIn(adviser);
      await page.goto(`${base}/cases/${caseId}`);
      const section = page.getByRole('region', { name: 'Inform colleagues' });
      await section.getByRole('button', { name: 'Inform colleagues' }).click();
      const form = section.getByRole('form', { name: 'Inform colleagues' });
      await form.getByLabel(/Cam Colleague/).waitFor();
      await form.getByRole('button', { name: 'Send' }).click();
      await form.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(page, 'the inform form with problems');

      await form.getByLabel(/Cam Colleague/).check();
      await form.getByLabel('Message').fill('Please cover the hearing on Monday.');
      await form.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('status').filter({ hasText: 'Your colleagues have been told.' }).waitFor();
      const chronology = page.getByRole('region', { name: 'Chronology' });
      await chronology.getByText('Message from a colleague sent to Cam Colleague').waitFor();
      await chronology.getByText('Cam Colleague: not read yet').waitFor();
      await expectNoAxeViolations(page, 'the case page after informing a colleague');
      await context.close();
    });

    it('shows the colleague the message on the Notifications page, and marks it read', async () => {
      const { page, context } = await signIn(colleague);
      await page.getByTestId('unread-notifications').getByText('1 unread notification').waitFor();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Notifications' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const item = page.getByRole('listitem').filter({ hasText: 'Please cover the hearing on Monday.' });
      await item.getByRole('link', { name: caseRef }).waitFor();
      await item.getByText(/From Ari Adviser/).waitFor();
      await expectNoAxeViolations(page, 'the notifications page');
      // The filter is a styled checkbox of ordinary size (its stylesheet once went unloaded here,
      // and the tick was drawn as large as the page).
      const onlyUnread = await page.getByText('Only unread notifications').boundingBox();
      const tick = await page.locator('.mantine-Checkbox-root').boundingBox();
      expect(tick?.height ?? 0).toBeGreaterThan(0);
      expect(tick?.height ?? 999).toBeLessThan(3 * (onlyUnread?.height ?? 0));

      await item.getByRole('button', { name: /^Mark as read/ }).click();
      await page.getByRole('status').filter({ hasText: 'Marked as read.' }).waitFor();
      await item.getByText(/· read /).waitFor();
      await expectNoAxeViolations(page, 'the notifications page after marking one read');
      await context.close();
    });
  },
);
