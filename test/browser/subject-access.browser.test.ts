/**
 * The subject access register in Chromium: an auditor (the DPO role) finds the client by name,
 * registers a request received today (due one calendar month later, said in words), sees the export
 * link, and is told beside the field when the restricted-notes decision has no reason; then registers
 * a rectification request and resolves it, changing the client's phone (a refusal with a change is
 * told beside the field). Axe on each state; screenshots test-results/subject-access.png and
 * rectification.png. No sleeps.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, signInOnPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'subject-access.png');
const RECT_SCREENSHOT = path.join(projectRoot, 'test-results', 'rectification.png');

describe.skipIf(!chromiumAvailable)(
  'subject access register in Chromium (skipped: no /usr/bin/chromium)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let page: Page;
    let auditor: Awaited<ReturnType<typeof insertUser>>;

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id });
      const adviser = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
      auditor = await insertUser(t.db, { orgId: org.id, roles: ['auditor'], displayName: 'Dana Protection' });
      const client = await insertClient(t.db, {
        orgId: org.id,
        createdBy: adviser.id,
        legalName: 'Mia Rowe',
        dateOfBirth: '1984-03-02',
      });
      await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id, clientId: client.id });
      app = await buildTestApp(t);
      base = await listenForBrowser(app);
      browser = await launchBrowser();
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      context.setDefaultTimeout(10_000);
      page = await context.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('registers a request for a client found by name and offers the export', async () => {
      await signInOnPage(page, base, auditor);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Subject access' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Subject access requests' }).waitFor();
      await page.getByText('No subject access requests recorded.').waitFor();
      await expectNoAxeViolations(page, 'empty register');

      await page.getByRole('textbox', { name: 'Find the client' }).fill('rowe');
      await page.getByRole('textbox', { name: 'Find the client' }).press('Enter');
      await page.getByText('1 found: choose below.').waitFor();
      await page.getByRole('button', { name: 'Register a subject access request' }).click();
      await page
        .getByRole('combobox', { name: 'Client', exact: true })
        .selectOption({ label: `Mia Rowe, born 2 Mar 1984 (${await caseRef()})` });
      await page.getByLabel('Identity checked').check();
      await page.getByRole('button', { name: 'Register the request' }).click();
      // Identity checked without evidence: told beside the field.
      await page.getByText('Say what identity evidence you saw').first().waitFor();
      await expectNoAxeViolations(page, 'register form with a problem');
      await page
        .getByLabel('Identity evidence seen (needed when checked)')
        .fill('Passport seen at the office');
      await page.getByRole('button', { name: 'Register the request' }).click();
      await page.getByRole('status').filter({ hasText: 'Request registered.' }).waitFor();

      const card = page.getByTestId('subject-access-request');
      await card.getByRole('heading', { name: /^Mia Rowe, received / }).waitFor();
      await card.getByText(/^Due in \d+ days \(/).waitFor();
      await card.getByText('Withheld until you record a decision').waitFor();
      const link = card.getByRole('link', { name: /Download the export for Mia Rowe/ });
      expect(await link.getAttribute('href')).toMatch(
        /^\/api\/subject-access-requests\/[0-9a-f-]{36}\/export$/,
      );

      await card.getByRole('button', { name: 'Decide about restricted notes' }).click();
      await card.getByRole('button', { name: 'Record the decision' }).click();
      await card.getByText('Enter the reason for the decision').first().waitFor();
      await expectNoAxeViolations(page, 'register with one request and the decision form');
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    });

    it('registers a rectification request and resolves it, changing the client’s phone', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Rectification' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Rectification requests' }).waitFor();
      await page.getByText('No rectification requests recorded.').waitFor();
      await expectNoAxeViolations(page, 'no rectification requests');

      await page.getByRole('textbox', { name: 'Find the client' }).fill('1984-03-02');
      await page.getByRole('textbox', { name: 'Find the client' }).press('Enter');
      await page.getByText('1 found: choose below.').waitFor();
      await page.getByRole('button', { name: 'Register a rectification request' }).click();
      await page
        .getByRole('combobox', { name: 'Client', exact: true })
        .selectOption({ label: `Mia Rowe, born 2 Mar 1984 (${await caseRef()})` });
      await page.getByLabel('What they say is wrong').fill('The phone number is an old one');
      await page.getByLabel('The change they ask for').fill('Use 07700 900123');
      await page.getByRole('button', { name: 'Register the request' }).click();
      await page.getByRole('status').filter({ hasText: 'Request registered.' }).waitFor();
      const card = page.getByTestId('rectification-request');
      await card.getByText('Received: not resolved yet').waitFor();
      await card.getByText(/^Due in \d+ days \(/).waitFor();

      // Refused but with a change: told beside the detail field.
      await card.getByRole('button', { name: 'Resolve' }).click();
      await card.getByLabel('Outcome').selectOption('refused');
      await card.getByLabel('What was done, or why the data stays').fill('Number confirmed by letter');
      await card.getByLabel('Client detail to correct now (if rectified)').selectOption('phone');
      await card.getByLabel('Corrected value').fill('07700 900123');
      await card.getByRole('button', { name: 'Resolve the request' }).click();
      await card.getByText('A refused request changes nothing').first().waitFor();
      await expectNoAxeViolations(page, 'resolve form with a problem');
      await card.getByLabel('Outcome').selectOption('rectified');
      await card.getByRole('button', { name: 'Resolve the request' }).click();
      await page.getByRole('status').filter({ hasText: 'Request resolved.' }).waitFor();
      await card.getByText('Rectified', { exact: true }).waitFor();
      await card.getByText(/^Phone by Dana Protection on /).waitFor();
      await expectNoAxeViolations(page, 'rectified request');
      const phone = await t.db.selectFrom('clients').select('phone').executeTakeFirstOrThrow();
      expect(phone.phone).toBe('07700 900123');
      await page.screenshot({ path: RECT_SCREENSHOT, fullPage: true });
    });

    async function caseRef() {
      const row = await t.db.selectFrom('cases').select('reference').executeTakeFirstOrThrow();
      return row.reference;
    }
  },
);
