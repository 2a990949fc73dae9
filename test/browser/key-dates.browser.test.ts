/**
 * Key dates in Chromium: an adviser's register (a missed date flagged in words), working a key date
 * out from a time limit on the case page (confirmation required), the supervisor's backup diary by
 * keyboard, and an administrator's time-limit, reminder and timescale settings — axe on every state,
 * no sleeps: each step waits for what the person would see.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { addCalendarDays, todayIn } from '../../src/domain/time/calendar.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();

type User = Awaited<ReturnType<typeof insertUser>>;

describe.skipIf(!chromiumAvailable)(
  'key dates in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let adviser: User;
    let colleague: User;
    let supervisor: User;
    let admin: User;
    let caseRef = '';
    const today = todayIn('Europe/London', new Date());

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Hillside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Benefits team' });
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
      supervisor = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Sam Supervisor',
        roles: ['supervisor', 'adviser'],
        totp: true,
        team: { id: team.id, role: 'supervisor' },
      });
      admin = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Ada Admin',
        roles: ['admin'],
        totp: true,
      });
      const own = await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id });
      const theirs = await insertCase(t.db, { orgId: org.id, ownerId: colleague.id, teamId: team.id });
      caseRef = own.reference;
      const keyDate = (caseRow: typeof own, due: string, description: string) => ({
        org_id: org.id,
        case_id: caseRow.id,
        kind: 'appeal-deadline' as const,
        due_date: due,
        description,
        created_by: caseRow.owner_id,
      });
      await t.db
        .insertInto('key_dates')
        .values([
          keyDate(own, addCalendarDays(today, -7), 'Mandatory reconsideration request'),
          keyDate(own, addCalendarDays(today, 14), 'Tribunal hearing'),
          keyDate(theirs, addCalendarDays(today, 9), 'Evidence to the tribunal'),
        ])
        .execute();
      app = await buildTestApp(t);
      base = await listenForBrowser(app);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    const signIn = (user: User) => newSignedInPage(browser, base, user);

    const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
    const nav = (page: Page, name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

    it('shows an adviser their key dates by week, a missed one flagged in words, and works a date out from a time limit', async () => {
      const { page, context } = await signIn(adviser);
      await nav(page, 'Key dates').click();
      await h1(page, 'Key dates').waitFor();
      const missed = page.getByRole('region', { name: 'Missed — still pending' });
      await missed.getByText('Mandatory reconsideration request').waitFor();
      await missed.getByText('Missed', { exact: true }).waitFor();
      await page.getByText('2 pending key dates, 1 missed and still pending.', { exact: false }).waitFor();
      expect(await page.getByText('Evidence to the tribunal').count()).toBe(0);
      await expectNoAxeViolations(page, 'my key dates');

      // Each row links to its case.
      await missed.getByRole('link', { name: caseRef }).click();
      const section = page.getByRole('region', { name: 'Key dates' });
      await section.getByText('Tribunal hearing').waitFor();
      await section.getByRole('button', { name: 'Work out the date from a time limit' }).click();
      const form = section.getByRole('form', { name: 'Work out the date from a time limit' });
      await form.getByLabel('Time limit').selectOption({ label: 'County Court: defence to a money claim' });
      await form.getByLabel('Event date').fill('2026-11-02');
      await form.getByLabel('Use the alternative: an acknowledgment of service was filed').check();
      await form.getByRole('button', { name: 'Work out the date' }).click();
      const computed = form.getByTestId('computed-date');
      await computed.getByText('Computed date: 30 Nov 2026').waitFor();
      await computed.getByText('You must confirm this date').waitFor();
      await computed.getByText(/must confirm this date from the case documents/).waitFor();
      await expectNoAxeViolations(page, 'a computed key date, not yet confirmed');

      await form.getByRole('button', { name: 'Add key date' }).click();
      const summary = form.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: /Confirm that you have checked the computed date/ }).waitFor();
      await expectNoAxeViolations(page, 'a computed key date without confirmation');
      await summary.getByRole('link', { name: /Confirm that you have checked/ }).click();
      // The summary's link takes focus to the checkbox: tick it by keyboard and send.
      await page.keyboard.press('Space');
      await expect
        .poll(() =>
          form.getByLabel('I have checked this date against the case documents and the source').isChecked(),
        )
        .toBe(true);
      await form.getByRole('button', { name: 'Add key date' }).click();
      await page.getByRole('status').filter({ hasText: 'Key date added from a time limit.' }).waitFor();
      await section
        .getByText(/Worked out from the time limit “County Court: defence to a money claim”/)
        .waitFor();
      await expectNoAxeViolations(page, 'case page with a key date from a time limit');
      await context.close();
    });

    it('gives the supervisor the team’s backup diary, by keyboard', async () => {
      const { page, context } = await signIn(supervisor);
      await nav(page, 'Key dates').click();
      await h1(page, 'Key dates').waitFor();
      await page.getByText('You have no pending key dates.').waitFor();
      const mine = page.getByRole('tab', { name: 'My key dates' });
      await mine.focus();
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByRole('tab', { name: 'Team backup diary' }).getAttribute('aria-selected'))
        .toBe('true');
      const panel = page.getByRole('tabpanel');
      await panel.getByText('Evidence to the tribunal').waitFor();
      await panel.getByRole('cell', { name: 'Cam Colleague' }).waitFor();
      await panel.getByRole('cell', { name: 'Ari Adviser' }).first().waitFor();
      await expectNoAxeViolations(page, 'the team’s backup diary');

      await panel.getByLabel('Team member').selectOption({ label: 'Cam Colleague' });
      await expect.poll(() => panel.getByText('Mandatory reconsideration request').count()).toBe(0);
      await panel.getByText('Evidence to the tribunal').waitFor();
      await expectNoAxeViolations(page, 'one team member’s key dates');
      await context.close();
    });

    it('lets an administrator change reminder lead times, a template and a timescale', async () => {
      const { page, context } = await signIn(admin);
      await nav(page, 'Time limits and reminders').click();
      await h1(page, 'Time limits and reminders').waitFor();
      const leadDays = page.getByLabel('Working days before a key date');
      await expect.poll(() => leadDays.inputValue()).toBe('10, 5, 2, 1');
      await expectNoAxeViolations(page, 'time limits and reminders');

      await leadDays.fill('5, 15, 0');
      await page.getByRole('button', { name: 'Save lead times' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(page, 'reminder lead times with an error');
      await leadDays.fill('5, 15');
      await page.getByRole('button', { name: 'Save lead times' }).click();
      await page.getByRole('status').filter({ hasText: 'Reminder lead times saved: 15, 5' }).waitFor();

      const item = page.getByRole('listitem').filter({ hasText: 'Homelessness: request for a review' });
      await item.getByRole('button', { name: /^Edit Homelessness/ }).click();
      const edit = item.getByRole('form');
      await edit.getByLabel('Name').fill('');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await edit.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(page, 'a template with an error');
      await edit.getByLabel('Name').fill('Homelessness review (England)');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Time limit saved.' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Homelessness review (England)' }).waitFor();

      await nav(page, 'Service timescales').click();
      await h1(page, 'Service timescales').waitFor();
      const reviewRed = page.getByLabel('Organisation default, red: review interval (working days)');
      await expect.poll(() => reviewRed.inputValue()).toBe('5');
      await expectNoAxeViolations(page, 'service timescales');
      await reviewRed.fill('4');
      await page.getByRole('button', { name: 'Save Organisation default, red' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Saved the timescale of the red band default.' })
        .waitFor();
      await page
        .getByRole('row', { name: /Organisation default|Red/ })
        .filter({ hasText: 'Inherited: organisation default' })
        .first()
        .waitFor();
      await expectNoAxeViolations(page, 'service timescales after a change');
      await context.close();
    });
  },
);
