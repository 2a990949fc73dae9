/**
 * Recording a case in Chromium: an adviser records a client (past a duplicate warning), opens a
 * case, writes a note with facts, advice and an agreed action, sees a clarity hint for "aggressive",
 * files the note, amends it, finds it by search, and the case page is captured as a screenshot —
 * axe on every page state, and no sleeps: each step waits for what the person would see.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'case-page.png');
const CLIENT = { legalName: 'Jordan Example', dateOfBirth: '1985-03-02' };
const FACTS =
  'The client was aggressive on the phone. They said the reconsideration letter arrived on Friday.';
const AMENDED_FACTS =
  'The client raised their voice and said "I have had enough of all of you". They said the ' +
  'reconsideration letter arrived on Friday.';

describe.skipIf(!chromiumAvailable)(
  'recording a case in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let page: Page;
    let adviser: Awaited<ReturnType<typeof insertUser>>;
    let supervisor: Awaited<ReturnType<typeof insertUser>>;
    let caseUrl = '';

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
      adviser = await insertUser(t.db, {
        orgId: org.id,
        email: 'ari@example.org',
        displayName: 'Ari Adviser',
        roles: ['adviser'],
        team: { id: team.id, role: 'member' },
      });
      supervisor = await insertUser(t.db, {
        orgId: org.id,
        email: 'sam@example.org',
        displayName: 'Sam Supervisor',
        roles: ['supervisor', 'adviser'],
        totp: true,
        team: { id: team.id, role: 'supervisor' },
      });
      // Someone with the same name and date of birth, recorded earlier: the form must warn.
      await insertClient(t.db, { orgId: org.id, createdBy: adviser.id, ...CLIENT });
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
    /** After a client-side navigation the new page's h1 has focus. */
    const expectFocusOnH1 = () =>
      expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    it('signs the adviser in to an empty caseload that points to "New client"', async () => {
      await page.goto(`${base}/`);
      await h1('Sign in').waitFor();
      await page.getByLabel('Email address').fill(adviser.email);
      await page.getByLabel('Password', { exact: true }).fill(adviser.password);
      await page.keyboard.press('Enter');
      await h1('My caseload').waitFor();
      await page.getByText('You have no open cases.').waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['My caseload', 'New client', 'Search']) {
        await nav.getByRole('link', { name, exact: true }).waitFor();
      }
      await expectNoAxeViolations(page, 'empty caseload');
    });

    it('records a client: field errors, then a possible duplicate, then "create anyway"', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New client' }).click();
      await h1('New client').waitFor();
      await expectFocusOnH1();
      await page.getByRole('button', { name: 'Record client' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: 'Enter the client’s legal name' }).waitFor();
      await expectNoAxeViolations(page, 'new client with a field error');

      await page.getByLabel('Legal name').fill(CLIENT.legalName);
      await page.getByLabel('Pronouns (optional)').fill('they/them');
      await page.getByLabel('Date of birth (optional)').fill(CLIENT.dateOfBirth);
      const voicemail = page.getByRole('radiogroup', { name: 'May we leave a voicemail?' });
      await voicemail.getByRole('radio', { name: 'No', exact: true }).check();
      await page.getByLabel('Safe times to contact (optional)').fill('Weekdays 10:00–14:00');
      await page.getByLabel('Needs an interpreter', { exact: true }).check();
      await page.getByLabel('Interpreter’s language (optional)').fill('Polish');
      await page.getByRole('button', { name: 'Record client' }).click();

      const warning = page.getByTestId('duplicate-warning');
      await warning.getByRole('heading', { name: 'This person may already be recorded' }).waitFor();
      await warning.getByRole('link', { name: `Open a new case for ${CLIENT.legalName}` }).waitFor();
      await expectNoAxeViolations(page, 'new client with a duplicate warning');
      await warning.getByRole('button', { name: 'This is a different person — create anyway' }).click();

      await h1('Open a case').waitFor();
      await status(`${CLIENT.legalName} is recorded`).waitFor();
      await page.getByText(`Client: ${CLIENT.legalName}, born 2 Mar 1985`).waitFor();
    });

    it('opens a case for the new client', async () => {
      await expectNoAxeViolations(page, 'open a case');
      await page.getByLabel('Case type').selectOption({ label: 'Welfare benefits' });
      await page.getByLabel('Presenting issue').fill('PIP award reduced at review; wants to challenge it.');
      await page.getByLabel('Mental health').check();
      await page.getByRole('button', { name: 'Open case' }).click();
      await h1(/Jordan Example \(they\/them\)/).waitFor();
      await expectFocusOnH1();
      caseUrl = page.url();
      expect(new URL(caseUrl).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
      const safe = page.getByRole('region', { name: /Safe contact/ });
      await safe.getByText('Voicemail: do NOT leave one').waitFor();
      await page.getByRole('region', { name: 'Access needs' }).getByText('Interpreter: Polish').waitFor();
      await expectNoAxeViolations(page, 'case page, new case');
    });

    it('adds an action, overdue ones marked in words', async () => {
      await page.getByRole('button', { name: 'Add an action' }).click();
      await page.getByLabel('What is to be done').fill('Send the mandatory reconsideration request');
      await page.getByLabel('Due date (optional)').fill('2020-01-31');
      await page.getByRole('button', { name: 'Add action', exact: true }).click();
      await status('Action added.').waitFor();
      const actions = page.getByRole('region', { name: /^Actions/ });
      await actions.getByText('Overdue', { exact: true }).waitFor();
      await actions.getByText('Was due 31 Jan 2020').waitFor();
    });

    it('raises a safeguarding flag by keyboard, shown prominently', async () => {
      await page.getByRole('button', { name: 'Raise a flag' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('flag-kind');
      await page.getByLabel('Kind of flag').selectOption('safeguarding');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Domestic abuse');
      await page.keyboard.press('Enter');
      await status('Flag raised.').waitFor();
      await page
        .getByRole('note', { name: 'Open flags' })
        .getByText('Safeguarding: Domestic abuse')
        .waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Raise a flag');
      await expectNoAxeViolations(page, 'case page with an open flag and an overdue action');
    });

    it('writes a note: auto-saved draft, a clarity hint about "aggressive"', async () => {
      await page.getByRole('link', { name: 'Write a note' }).first().click();
      await h1('New note').waitFor();
      await expectFocusOnH1();
      await page.getByLabel('How the contact happened').selectOption('phone');
      await page.getByLabel('Facts').fill(FACTS);
      await page
        .getByLabel('Advice given')
        .fill('Explained how to ask for a mandatory reconsideration, and the one-month limit.');
      await page
        .getByLabel('Actions agreed')
        .fill('I will write the request by Wednesday; the client sends me the decision letter.');
      await page.getByLabel('Action: Send the mandatory reconsideration request').check();
      await page.getByText(/Clarity hint: “aggressive”/).waitFor();
      await status(/^Draft saved at \d\d:\d\d\.$/).waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/notes\/[0-9a-f-]{36}\/edit$/);
      await expectNoAxeViolations(page, 'note editor with clarity hints');
    });

    it('files the note after saying that filed notes cannot be changed', async () => {
      await page.getByRole('button', { name: 'File note…' }).click();
      const confirm = page.getByRole('region', { name: 'File this note?' });
      await confirm.getByText('A filed note can never be changed or deleted.', { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'note editor, confirm filing');
      await confirm.getByRole('button', { name: 'File note now' }).click();
      await status('Note filed.').waitFor();
      const notes = page.getByRole('region', { name: /^Notes/ });
      await notes.getByText(FACTS).waitFor();
    });

    it('amends the note; the case shows both, linked', async () => {
      await page.getByRole('link', { name: /^Amend the note of/ }).click();
      await h1('Amend a note').waitFor();
      await expect.poll(() => page.getByLabel('Facts').inputValue()).toBe(FACTS);
      await page.getByLabel('Reason for the amendment').fill('Added what was said');
      await page.getByLabel('Facts').fill(AMENDED_FACTS);
      await page.getByRole('button', { name: 'Record amendment' }).click();
      await status(/Amendment recorded/).waitFor();

      const notes = page.getByRole('region', { name: /^Notes/ });
      const original = notes.getByRole('article').filter({ hasText: FACTS });
      const amendment = notes.getByRole('article').filter({ hasText: AMENDED_FACTS });
      await original.getByText(/Amended — see the/).waitFor();
      await amendment.getByText('reason: Added what was said').waitFor();
      const toAmendment = await original
        .getByRole('link', { name: /amendment recorded/ })
        .getAttribute('href');
      const toOriginal = await amendment.getByRole('link', { name: /note recorded/ }).getAttribute('href');
      expect(await page.locator(toAmendment ?? '#missing').getAttribute('id')).toBe(
        await amendment.getAttribute('id'),
      );
      expect(await page.locator(toOriginal ?? '#missing').getAttribute('id')).toBe(
        await original.getAttribute('id'),
      );
      // The link to the amendment moved focus to it.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe(await amendment.getAttribute('id'));
      await expectNoAxeViolations(page, 'case page with a note and its amendment');
    });

    it('shows the chronology, filterable by kind, with print and PDF', async () => {
      const chronology = page.getByRole('region', { name: 'Chronology' });
      await chronology.getByText('Case opened', { exact: false }).first().waitFor();
      await chronology.getByText('Amendment: contact note', { exact: false }).waitFor();
      await chronology.getByLabel('Notes').uncheck();
      await expect
        .poll(() => chronology.getByText('Amendment: contact note', { exact: false }).count())
        .toBe(0);
      const pdf = chronology.getByRole('link', { name: 'Download PDF' });
      expect(await pdf.getAttribute('href')).toMatch(/\/chronology\.pdf\?kinds=action,goal,/);
      await chronology.getByLabel('Notes').check();
      await chronology.getByRole('button', { name: 'Print chronology' }).waitFor();
    });

    it('finds the note by a word of it, with the word highlighted', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
      await h1('Search').waitFor();
      await page.getByLabel('Search notes and cases').fill('reconsideration');
      await page.keyboard.press('Enter');
      const results = page.getByRole('region', { name: /^Notes/ });
      await results.locator('mark').first().waitFor();
      expect((await results.locator('mark').first().textContent())?.toLowerCase()).toBe('reconsideration');
      expect(new URL(page.url()).search).toBe('?q=reconsideration');
      await expectNoAxeViolations(page, 'search results');
      await results.getByRole('link').first().click();
      await h1(/Jordan Example/).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');
    });

    it('lists the case in My caseload and captures the case page', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My caseload' }).click();
      const table = page.getByRole('table');
      await table.getByRole('link', { name: /^CL-\d{4}-\d{6}$/ }).waitFor();
      await table.getByText('Jordan Example').waitFor();
      await table.getByText('Safeguarding concern', { exact: true }).waitFor();
      await expectNoAxeViolations(page, 'caseload with a case');

      await page.goto(caseUrl);
      await h1(/Jordan Example/).waitFor();
      await page.getByRole('region', { name: 'Chronology' }).getByRole('listitem').first().waitFor();
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
    });

    it('shows a supervisor the team’s worklist', async () => {
      const { context, page: other } = await newSignedInPage(browser, base, supervisor, {
        viewport: { width: 1366, height: 900 },
      });
      await other.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
      await other.getByText('You have no open cases.').waitFor();
      // The safeguarding flag the adviser raised told the team's supervisor.
      await expect
        .poll(() => other.getByTestId('unread-notifications').textContent())
        .toBe('1 unread notification');
      await other.getByLabel('Whose worklist').selectOption({ label: 'Whole team: Housing and benefits' });
      const table = other.getByTestId('worklist');
      await table.getByText('Jordan Example').waitFor();
      await table.getByText('Ari Adviser').waitFor();
      await expectNoAxeViolations(other, 'supervisor’s team worklist');
      await context.close();
    });
  },
);
