/**
 * Compliance in Chromium: an adviser sees that a client's consent to recording has run out — a tag
 * on the worklist row and a callout on the case — renews it, and fills in the optional equality
 * monitoring form; an administrator records a
 * suspected breach in the breach log (a problem shown beside its field first), sees the time left
 * to the 72-hour ICO deadline, and records the decision to report with its reason, then opens the evidence pack and the equality monitoring report, and sets how long consent lasts. Axe on every
 * state; the screenshot is test-results/compliance.png. No sleeps: it waits for what a person sees.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'compliance.png');

describe.skipIf(!chromiumAvailable)('compliance in Chromium (skipped: no /usr/bin/chromium)', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let adviser: Awaited<ReturnType<typeof insertUser>>;
  let admin: Awaited<ReturnType<typeof insertUser>>;
  let caseId = '';

  beforeAll(async () => {
    const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
    const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
    adviser = await insertUser(t.db, {
      orgId: org.id,
      displayName: 'Ari Adviser',
      team: { id: team.id, role: 'member' },
    });
    admin = await insertUser(t.db, { orgId: org.id, displayName: 'Ada Admin', roles: ['admin'], totp: true });
    const client = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id, legalName: 'Mia Rowe' });
    caseId = (
      await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id, clientId: client.id })
    ).id;
    // Consent to recording given in January 2024 with no expiry date: 12 months later it ran out.
    await t.db
      .insertInto('consents')
      .values({
        org_id: org.id,
        client_id: client.id,
        purpose: 'recording',
        lawful_basis: 'consent',
        given_at: '2024-01-10',
        recorded_by: adviser.id,
      })
      .execute();
    app = await buildTestApp(t);
    base = await listenForBrowser(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('flags the expired consent on the worklist and the case, and renews it', async () => {
    const { page } = await newSignedInPage(browser, base, adviser);
    await h1(page, 'My caseload').waitFor();
    const row = page.getByTestId('worklist').getByTestId('worklist-row').filter({ hasText: 'Mia Rowe' });
    await row.getByText('Consent expired').waitFor();
    await expectNoAxeViolations(page, 'worklist with a consent tag');

    await page.goto(`${base}/cases/${caseId}`);
    const callout = page.getByRole('region', { name: 'Consent to recording needed' });
    await callout.getByText('Consent to recording ran out after 9 Jan 2025').waitFor();
    await expectNoAxeViolations(page, 'case page with expired consent');
    await callout.getByRole('button', { name: 'Renew consent to recording' }).click();
    await expect.poll(() => page.getByLabel('Date the client gave consent').inputValue()).toMatch(/^\d{4}-/);
    await expectNoAxeViolations(page, 'renewal form');
    await page.getByRole('button', { name: 'Renew consent', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Consent to recording renewed.' }).waitFor();
    await callout.waitFor({ state: 'detached' });
    await expectNoAxeViolations(page, 'case page after renewal');

    // The optional equality monitoring form only writes: nothing of it shows on the case afterwards.
    await page.getByRole('button', { name: 'Record equality monitoring' }).click();
    await page.getByLabel('Religion or belief').selectOption('prefer-not-to-say');
    await page.getByLabel('Sex', { exact: true }).selectOption('female');
    await expectNoAxeViolations(page, 'equality monitoring form');
    await page.getByRole('button', { name: 'Save the answers' }).click();
    await page.getByRole('status').filter({ hasText: 'Equality monitoring answers saved.' }).waitFor();
    await page.context().close();
  });

  it('lets an administrator keep the breach log, download the evidence pack, read equality figures and set consent', async () => {
    const { page } = await newSignedInPage(browser, base, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Breach log' }).click();
    await h1(page, 'Breach log').waitFor();
    await page.getByText('No breaches recorded.').waitFor();
    await expectNoAxeViolations(page, 'empty breach log');

    await page.getByRole('button', { name: 'Record a breach' }).click();
    await page.getByRole('button', { name: 'Record the breach' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /what happened/i }).waitFor();
    expect(await page.locator('#breach-what-happened').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'breach form with a problem');
    await page.getByLabel('What happened').fill('A letter about a benefit appeal went to the wrong address.');
    await page.getByLabel('How many people are affected (roughly)').fill('1');
    await page.getByLabel('Risk to people').selectOption('risk');
    await page.getByRole('button', { name: 'Record the breach' }).click();
    await page.getByRole('status').filter({ hasText: 'Breach recorded.' }).waitFor();
    const breach = page.getByTestId('breach');
    await breach.getByText(/left to report to the ICO: the deadline is/).waitFor();
    await expectNoAxeViolations(page, 'breach log with a breach');

    await breach.getByRole('button', { name: 'Record the decision' }).click();
    await breach.getByLabel('Report to the ICO?').selectOption('report');
    await breach.getByRole('button', { name: 'Save the decision' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectNoAxeViolations(page, 'decision without a reason');
    await breach.getByLabel('Why').fill('The letter named the client’s health condition: a likely risk.');
    await breach.getByRole('button', { name: 'Save the decision' }).click();
    await page.getByRole('status').filter({ hasText: 'Decision saved.' }).waitFor();
    await breach.getByText(/Report to the ICO: The letter named/).waitFor();
    await expectNoAxeViolations(page, 'breach with the decision recorded');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

    // The evidence pack page: a period and two downloads.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence pack' }).click();
    await h1(page, 'Evidence pack').waitFor();
    await page.getByLabel('From').fill('2026-01-01');
    const csvLink = page.getByRole('link', { name: 'Download the evidence pack as a CSV' });
    expect(await csvLink.getAttribute('href')).toContain('from=2026-01-01');
    await expectNoAxeViolations(page, 'evidence pack page');
    const csv = await page.request.get(`${base}${await csvLink.getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Key dates register');

    // Equality monitoring in aggregate: one client counted, so every count is suppressed.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Equality monitoring' })
      .click();
    await h1(page, 'Equality monitoring').waitFor();
    const sexTable = page.getByRole('table', { name: 'Sex' });
    await sexTable
      .getByRole('row', { name: /Female/ })
      .getByText('suppressed')
      .waitFor();
    await expectNoAxeViolations(page, 'equality monitoring report');

    // How long consent to recording lasts: an organisation setting.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Caseload settings' })
      .click();
    const months = page.getByLabel('Consent to recording lasts (months)');
    await months.fill('0');
    await page.getByRole('button', { name: 'Save the consent setting' }).click();
    await expect.poll(() => months.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'consent setting with a problem');
    await months.fill('24');
    await page.getByRole('button', { name: 'Save the consent setting' }).click();
    await page.getByRole('status').filter({ hasText: 'Consent setting saved.' }).waitFor();
    await page.context().close();
  });
});
