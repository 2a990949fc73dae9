/**
 * File reviews in Chromium: a supervisor samples this period (the red case with an open
 * safeguarding concern chosen by risk, with the reason in words), opens the review, answers the
 * checklist by keyboard (trying to complete too early shows which items are missing), completes
 * it, raises a corrective action, finds it in the list with its due date in words, and reads the
 * annual report; the practitioner sees an action "Overdue by 3 days" and marks it done; an admin
 * changes the sampling rule (a problem beside its field first) and adds a checklist item. Axe on
 * every state; the list page is kept as test-results/file-review.png. No sleeps: each step waits
 * for what the person would see.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { correctiveActionDueOn } from '../../src/domain/file-reviews/corrective-actions.ts';
import { describePeriod, periodContaining } from '../../src/domain/file-reviews/periods.ts';
import { addCalendarDays, formatDate, todayIn } from '../../src/domain/time/calendar.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'file-review.png');

type User = Awaited<ReturnType<typeof insertUser>>;

describe.skipIf(!chromiumAvailable)(
  'file reviews in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let adviser: User;
    let supervisor: User;
    let admin: User;
    let riskyRef = '';
    const today = todayIn('Europe/London', new Date());
    const period = periodContaining(today, 'quarter');

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Hillside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Benefits team' });
      adviser = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Ari Adviser',
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
      const cases = [];
      for (let i = 0; i < 3; i++) {
        cases.push(await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id }));
      }
      const risky = cases[0];
      if (!risky) throw new Error('no case');
      riskyRef = risky.reference;
      await sql`UPDATE cases SET priority_band = 'red' WHERE id = ${risky.id}`.execute(t.db);
      await t.db
        .insertInto('case_flags')
        .values({
          org_id: org.id,
          case_id: risky.id,
          kind: 'safeguarding',
          category: 'financial abuse',
          description: null,
          raised_by: adviser.id,
          raised_at: new Date(),
          resolved_by: null,
          resolved_at: null,
          resolution: null,
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
    const item = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^${n}\\. `) });

    it('samples, answers the checklist by keyboard, completes, and raises a corrective action', async () => {
      const { page, context } = await newSignedInPage(browser, base, supervisor);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'File reviews', exact: true })
        .click();
      await h1(page, 'File reviews').waitFor();
      await page.getByText(`No case has been chosen for ${period.label} yet.`, { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'file reviews before sampling');

      await page.getByRole('button', { name: 'Sample this period' }).click();
      await page
        .getByRole('status')
        .getByText(`2 cases added to the sample of ${describePeriod(period)}.`)
        .waitFor();
      const outcome = page.getByRole('region', { name: 'What was chosen and why' });
      await outcome.getByText(/Chosen by risk, the highest among 3 cases/).waitFor();
      await outcome.getByText(/red priority; open safeguarding concern/).waitFor();
      const table = page.getByTestId('file-review-table');
      await expect.poll(() => table.getByRole('row').count()).toBe(3);
      await expectNoAxeViolations(page, 'file reviews after sampling');

      await table.getByRole('link', { name: riskyRef }).click();
      await h1(page, `File review: ${riskyRef}`).waitFor();
      await page.getByRole('link', { name: `Open case ${riskyRef}` }).waitFor();
      await expectNoAxeViolations(page, 'a file review to answer');

      // Item 1 met (Space), item 2 not met (arrow right) with a comment, item 3 not applicable.
      await item(page, 1).getByRole('radio', { name: 'Met', exact: true }).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab'); // item 1's comment
      await page.keyboard.press('Tab'); // item 2's radios
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      await page.keyboard.type('The hearing date has no source.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await item(page, 1).getByRole('radio', { name: 'Met', exact: true }).isChecked()).toBe(true);
      expect(await item(page, 2).getByRole('radio', { name: 'Not met', exact: true }).isChecked()).toBe(true);
      expect(
        await item(page, 3).getByRole('radio', { name: 'Not applicable', exact: true }).isChecked(),
      ).toBe(true);

      // Completing now names the three items still to answer.
      await page.getByRole('button', { name: 'Complete the review' }).focus();
      await page.keyboard.press('Enter');
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: /Answer “Next steps are agreed/ }).waitFor();
      expect(await summary.getByRole('link').count()).toBe(3);
      await expectNoAxeViolations(page, 'completing too early');

      // The summary's link takes focus to the item; answer the last three by keyboard.
      await summary.getByRole('link', { name: /Answer “Next steps are agreed/ }).press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('met');
      await page.keyboard.press('Space');
      for (let i = 5; i <= 6; i++) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
      }
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab'); // the review's summary
      await page.keyboard.type('Good file; the hearing date needs its source.');
      await page.getByRole('button', { name: 'Complete the review' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('File review completed.').waitFor();
      await page
        .getByTestId('file-review-status')
        .getByText(/^Completed .* by Sam Supervisor$/)
        .waitFor();
      await page.getByRole('table').getByText('The hearing date has no source.').waitFor();
      await expectNoAxeViolations(page, 'a completed file review');

      // A corrective action for the item not met, due 28 days from today.
      const due = formatDate(correctiveActionDueOn(today));
      await page.getByRole('button', { name: 'Raise a corrective action' }).click();
      const form = page.getByRole('form', { name: 'Raise a corrective action' });
      await form.getByLabel('What must be put right').fill('Record the source of the hearing date.');
      await form
        .getByLabel('Checklist item (optional)')
        .selectOption({ label: 'Key dates are recorded with their source' });
      await form.getByRole('button', { name: 'Raise corrective action' }).click();
      await page.getByRole('status').getByText(`Corrective action raised, due ${due}.`).waitFor();
      await page.getByTestId('corrective-actions').getByText(`Open: due in 28 days (${due})`).waitFor();
      await expectNoAxeViolations(page, 'a review with a corrective action');

      // The list of file reviews shows it, with its due date in words.
      await page.getByRole('link', { name: 'All file reviews' }).click();
      await h1(page, 'File reviews').waitFor();
      const actions = page.getByRole('region', { name: 'Corrective actions' });
      await actions.getByText('Record the source of the hearing date.').waitFor();
      await actions.getByText(`Open: due in 28 days (${due})`).waitFor();
      await actions.getByText('For Ari Adviser', { exact: false }).waitFor();
      await page.getByTestId('file-review-table').getByText('1 open').waitFor();
      await expectNoAxeViolations(page, 'file reviews with a corrective action');
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000);

      // The annual report counts the answers given above.
      await page.getByRole('link', { name: 'Annual report' }).click();
      await h1(page, `File reviews: annual report ${today.slice(0, 4)}`).waitFor();
      const row = page.getByTestId('report-items').getByRole('row', { name: /Key dates are recorded/ });
      await row.getByRole('cell', { name: '0%' }).waitFor();
      expect(await row.getByRole('cell').allTextContents()).toEqual(['0', '1', '0', '0%']);
      await page.getByRole('link', { name: 'Download CSV' }).waitFor();
      await expectNoAxeViolations(page, 'the annual report');
      await context.close();
    });

    it('shows the practitioner an overdue action by how many days, and lets them mark it done', async () => {
      // An action on Ari's other sampled case, raised 31 days ago: 3 days overdue.
      const review = await t.db
        .selectFrom('file_reviews')
        .select('id')
        .where('practitioner_id', '=', adviser.id)
        .where('selection', '=', 'random')
        .executeTakeFirstOrThrow();
      const dueOn = addCalendarDays(today, -3);
      await t.db
        .insertInto('corrective_actions')
        .values({
          org_id: adviser.org_id,
          file_review_id: review.id,
          item_id: null,
          description: 'Confirm the advice to the client in writing.',
          assigned_to: adviser.id,
          due_on: dueOn,
          done_at: null,
          done_note: null,
          verified_by: null,
          verified_at: null,
          verification_note: null,
          created_by: supervisor.id,
          created_at: new Date(Date.now() - 31 * 86_400_000),
        })
        .execute();
      const { page, context } = await newSignedInPage(browser, base, adviser);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'File reviews', exact: true })
        .click();
      await h1(page, 'File reviews').waitFor();
      const actions = page.getByTestId('corrective-actions');
      const overdue = actions.getByRole('listitem').filter({ hasText: 'Confirm the advice' });
      await overdue.getByText(`Overdue by 3 days: it was due on ${formatDate(dueOn)}`).waitFor();
      expect(await page.getByRole('button', { name: 'Sample this period' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'a practitioner’s file reviews with an overdue action');
      await overdue.getByRole('button', { name: 'Mark done' }).click();
      await overdue.getByLabel('What was done').fill('Letter sent to the client today.');
      await overdue.getByRole('button', { name: 'Mark done' }).click();
      await page
        .getByRole('status')
        .getByText('Corrective action marked done; a supervisor will verify it.')
        .waitFor();
      await actions
        .getByText(
          `Done on ${formatDate(today)} (3 days after it was due); awaiting verification by a supervisor`,
        )
        .waitFor();
      await context.close();
    });

    it('lets an admin change the sampling rule, with problems beside their fields, and add a checklist item', async () => {
      const { page, context } = await newSignedInPage(browser, base, admin);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'File-review settings', exact: true })
        .click();
      await h1(page, 'File reviews: sampling and checklist').waitFor();
      await expectNoAxeViolations(page, 'file-review settings');
      await page.getByLabel('Share chosen by risk').fill('2');
      await page.getByRole('button', { name: 'Save the sampling rule' }).click();
      await page.getByText('Use a share from 0 (all at random) to 1 (all by risk)').first().waitFor();
      await expectNoAxeViolations(page, 'a sampling rule with a problem');
      await page.getByLabel('Share chosen by risk').fill('0.25');
      await page.getByLabel('Cases per practitioner per period').fill('4');
      await page.getByRole('button', { name: 'Save the sampling rule' }).click();
      await page
        .getByRole('status')
        .getByText(
          'Sampling rule saved: 4 cases per practitioner per quarter: 1 chosen by risk, 3 at random.',
        )
        .waitFor();
      await page.getByRole('button', { name: 'Add an item' }).click();
      const form = page.getByRole('form', { name: 'Add an item' });
      await form.getByLabel('What the reviewer checks').fill('Fees and costs were explained');
      await form.getByLabel('Key').fill('fees-explained');
      await form.getByRole('button', { name: 'Add item' }).click();
      await page.getByRole('row', { name: /Fees and costs were explained/ }).waitFor();
      await expectNoAxeViolations(page, 'file-review settings after adding an item');
      await context.close();
    });
  },
);
