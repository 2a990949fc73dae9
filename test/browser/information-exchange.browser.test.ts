/**
 * Information exchange and outcomes in Chromium: the new owner reads a handover first; an adviser
 * records a referral for a client with no consent — refused until the lawful-basis fields (shown
 * with the consent rule) carry a basis and a rationale — records a decision not to share, and
 * closes the case with an outcome from the list and a financial outcome. Axe on every state; the
 * screenshot is test-results/information-exchange.png. No sleeps: it waits for what a person sees.
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
import { chromiumAvailable, launchBrowser, listenForBrowser, signInOnPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'information-exchange.png');
const RATIONALE = 'Safeguarding: the client described threats from a former partner and is at risk of harm.';

describe.skipIf(!chromiumAvailable)(
  'information exchange in Chromium (skipped: no /usr/bin/chromium)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let page: Page;
    let adviser: Awaited<ReturnType<typeof insertUser>>;
    let admin: Awaited<ReturnType<typeof insertUser>>;
    let caseId = '';
    let handedCaseId = '';

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
      adviser = await insertUser(t.db, {
        orgId: org.id,
        email: 'ari@example.org',
        displayName: 'Ari Adviser',
        team: { id: team.id, role: 'member' },
      });
      admin = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Ada Admin',
        roles: ['admin'],
        totp: true,
      });
      const colleague = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Dana Debt',
        team: { id: team.id, role: 'member' },
      });
      const client = await insertClient(t.db, {
        orgId: org.id,
        createdBy: adviser.id,
        legalName: 'Mia Rowe',
      });
      caseId = (
        await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id, clientId: client.id })
      ).id;
      // A second case Dana handed to Ari, with a note Ari has not read.
      handedCaseId = (await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id })).id;
      await t.db
        .insertInto('case_handovers')
        .values({
          org_id: org.id,
          case_id: handedCaseId,
          from_user_id: colleague.id,
          to_user_id: adviser.id,
          note: 'Mandatory reconsideration is due on Friday: the draft is in documents.',
          handed_over_by: colleague.id,
          handed_over_at: new Date(),
          acknowledged_at: null,
        })
        .execute();
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

    const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
    const exchange = () => page.getByRole('region', { name: 'Information exchange' });
    /** The texts a field's aria-describedby points to (its description and its error). */
    const describedBy = (id: string) =>
      page.evaluate((fieldId) => {
        const field = document.getElementById(fieldId);
        const ids = (field?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        return ids.map((i) => document.getElementById(i)?.textContent ?? '').join(' | ');
      }, id);

    it('shows the new owner the handover first, until they mark it read', async () => {
      await signInOnPage(page, base, adviser);
      await h1('My caseload').waitFor();
      await page.goto(`${base}/cases/${handedCaseId}`);
      const callout = page.getByRole('region', { name: 'Handover to you: read this first' });
      await callout.getByText('Mandatory reconsideration is due on Friday').waitFor();
      await callout.getByText(/Dana Debt handed this case to you on/).waitFor();
      // First under the heading: nothing but the heading comes before it in the page's main content.
      const order = await page.evaluate(() => {
        const h = document.querySelector('main h1');
        const c = document.querySelector('[data-testid="handover-callout"]');
        return h && c ? h.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      expect(order).toBeTruthy();
      await expectNoAxeViolations(page, 'case page with an unread handover');
      await callout.getByRole('button', { name: 'I have read the handover' }).click();
      await status('Handover note marked as read.').waitFor();
      await callout.waitFor({ state: 'detached' });
      await exchange().getByText('Handed over from Dana Debt to Ari Adviser').waitFor();
      // Handing it on asks for a note for the next owner.
      await page.getByRole('button', { name: 'Reassign' }).click();
      const owner = page.getByLabel('New owner');
      await owner.getByRole('option', { name: 'Dana Debt' }).waitFor({ state: 'attached' });
      await owner.selectOption({ label: 'Dana Debt' });
      await page.getByRole('button', { name: 'Reassign the case' }).click();
      await expect.poll(() => describedBy('reassign-note')).toContain('Enter a handover note');
      await expectNoAxeViolations(page, 'reassign form without a handover note');
      await page.getByRole('button', { name: 'Cancel' }).click();
    });

    it('explains the consent rule and shows the lawful-basis fields when no consent is recorded', async () => {
      await page.goto(`${base}/cases/${caseId}`);
      await exchange().getByText('Consent to referral: none recorded for the client.').waitFor();
      await exchange().getByRole('button', { name: 'Record a referral' }).click();
      await exchange().getByTestId('consent-rule').getByText('No consent to referral is recorded').waitFor();
      await exchange().getByTestId('lawful-basis-fields').waitFor();
      await expectNoAxeViolations(page, 'referral form without consent');
    });

    it('refuses the referral without a lawful basis and rationale, saying so beside the field', async () => {
      await page.getByLabel('Organisation referred to').fill('Adult Social Care');
      await page.getByLabel('Why', { exact: true }).fill('Care and support needs assessment');
      await page.getByLabel('Information you share with them').fill('Name, address and the risks described');
      await page.getByRole('button', { name: 'Record the referral' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: /no live consent to referral/ }).waitFor();
      await expect.poll(() => describedBy('ref-basis')).toContain('no live consent to referral');
      expect(await page.locator('#ref-basis').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'referral refused for want of consent');
    });

    it('records it with a lawful basis and the rationale, and keeps a sharing record', async () => {
      await page.getByLabel('Lawful basis for sharing').selectOption('vital-interests');
      await page.getByLabel('Why you share without consent').fill(RATIONALE);
      await page.getByRole('button', { name: 'Record the referral' }).click();
      await status('Referral recorded.').waitFor();
      const list = exchange().getByTestId('exchange-list');
      await list.getByText('Referred to Adult Social Care').waitFor();
      await list.getByText(/without consent, lawful basis: Vital interests/).waitFor();
      await list.getByText('Shared with Adult Social Care').waitFor();
      await expectNoAxeViolations(page, 'case page with a referral without consent');
    });

    it('records a decision not to share', async () => {
      await exchange().getByRole('button', { name: 'Record a decision not to share' }).click();
      await page
        .getByLabel('Who asked (not shared with)')
        .fill('A caller saying they are the client’s partner');
      await page.getByLabel('Information asked for').fill('The client’s new address');
      await page.getByLabel('Purpose', { exact: true }).fill('Said they wanted to send post on');
      await page
        .getByLabel('Why you decided not to share')
        .fill('Identity not confirmed; risk of harm to the client.');
      await page.getByRole('button', { name: 'Record the decision not to share' }).click();
      await status('Decision not to share recorded.').waitFor();
      await exchange()
        .getByTestId('exchange-list')
        .getByText('Not shared with A caller saying they are the client’s partner')
        .waitFor();
      await expectNoAxeViolations(page, 'case page with a decision not to share');
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.locator('#information-exchange').screenshot({ path: SCREENSHOT });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    });

    it('closes the case with an outcome from the list and a financial outcome', async () => {
      await page.getByRole('button', { name: 'Close case' }).click();
      const outcome = page.getByLabel('Outcome', { exact: true });
      await outcome.getByRole('option', { name: 'Partly resolved' }).waitFor({ state: 'attached' });
      await page.getByLabel('Why is the case closed?').fill('Referred on; our part is done');
      await page.getByRole('button', { name: 'Close the case' }).click();
      await expect.poll(() => describedBy('close-outcome-key')).toContain('Choose the outcome');
      await expectNoAxeViolations(page, 'close form without an outcome');
      await outcome.selectOption({ label: 'Referred on' });
      await page.getByLabel('Amount (£)').fill('25.50');
      await page.getByLabel('How often').selectOption({ label: 'A week' });
      await page.getByRole('button', { name: 'Close the case' }).click();
      await status('The case is closed.').waitFor();
      const summary = page.getByRole('region', { name: 'Summary' });
      await summary.getByText('Referred on', { exact: true }).waitFor();
      await summary.getByText('Income gained: £25.50 a week').waitFor();
      await summary.getByText(/£1,326.00 a year/).waitFor();
      await expectNoAxeViolations(page, 'closed case with its outcome');
    });

    it('counts the closure in the outcome report, with a CSV link', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
      await h1('Outcomes').waitFor();
      const report = page.getByTestId('outcome-report');
      await report.getByText(/1 case closed, 0 with a positive outcome/).waitFor();
      const closed = report.getByRole('table', { name: 'Cases closed, by outcome' });
      await closed.getByRole('row', { name: 'Referred on 1' }).waitFor();
      await report
        .getByRole('table', { name: 'Financial outcomes (a year)' })
        .getByRole('row', { name: /Income gained 1 £1,326.00/ })
        .waitFor();
      await report
        .getByRole('table', { name: /Referrals out/ })
        .getByRole('row', { name: 'Made 1' })
        .waitFor();
      expect(await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toContain(
        'format=csv',
      );
      await expectNoAxeViolations(page, 'outcome report');
    });

    it('lets an administrator edit the outcome list', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      context.setDefaultTimeout(10_000);
      const adminPage = await context.newPage();
      await signInOnPage(adminPage, base, admin);
      await adminPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Outcome list' })
        .click();
      await adminPage.getByRole('heading', { level: 1, name: 'Outcome list' }).waitFor();
      await adminPage
        .getByTestId('outcome-types')
        .getByText('Key referred-on · position 3', { exact: false })
        .waitFor();
      await adminPage.getByRole('button', { name: 'Add an outcome' }).click();
      await adminPage.getByLabel('Label', { exact: true }).fill('Debt relief order granted');
      await adminPage.getByLabel('Key', { exact: true }).fill('Debt Relief');
      await adminPage.getByRole('button', { name: 'Add outcome' }).click();
      await expect.poll(() => adminPage.locator('#ot-new-key').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(adminPage, 'outcome list with a key error');
      await adminPage.getByLabel('Key', { exact: true }).fill('debt-relief-order');
      await adminPage.getByRole('button', { name: 'Add outcome' }).click();
      await adminPage.getByRole('status').filter({ hasText: 'Outcome added.' }).waitFor();
      await adminPage
        .getByTestId('outcome-types')
        .getByText('Debt relief order granted', { exact: true })
        .waitFor();
      await expectNoAxeViolations(adminPage, 'outcome list');
      await context.close();
    });
  },
);
