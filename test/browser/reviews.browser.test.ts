/**
 * A caseload review in Chromium, on a fixed clock (Thursday 26 November 2026): the supervisor sees
 * the practitioner due a review and starts it; the proposed cases are listed with their reasons in
 * words; the practitioner writes a reflective-log entry and shares it into the review; the
 * supervisor records a decision and agrees an improvement by keyboard, reads the shared
 * reflection, and completes the review with a summary and the next date. axe on every state; the
 * review captured in test-results/review.png.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { buildTestApp, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();
const RESULTS = path.join(projectRoot, 'test-results');
const clock = new TestClock(new Date('2026-11-26T10:00:00Z'));

type User = Awaited<ReturnType<typeof insertUser>>;

describe.skipIf(!chromiumAvailable)(
  'a caseload review in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let practitioner: User;
    let supervisor: User;
    const refs = { red: '', stalled: '', overTimescale: '' };

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
      practitioner = await insertUser(t.db, {
        orgId: org.id,
        email: 'pat@example.org',
        displayName: 'Pat Practitioner',
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
      const aCase = async (openedAt: string, contactedAt?: string) => {
        const c = await insertCase(t.db, { orgId: org.id, ownerId: practitioner.id, teamId: team.id });
        const attention = new Date(contactedAt ?? openedAt);
        await sql`UPDATE cases SET opened_at = ${new Date(openedAt)}, last_attention_at = ${attention}
        WHERE id = ${c.id}`.execute(t.db);
        if (contactedAt) {
          await t.db
            .insertInto('notes')
            .values({
              org_id: org.id,
              case_id: c.id,
              author_id: practitioner.id,
              status: 'filed',
              type: 'contact',
              contact_channel: 'phone',
              occurred_at: attention,
              recorded_at: attention,
              facts: 'Rang the client.',
              amends_note_id: null,
              amendment_reason: null,
            })
            .execute();
        }
        return c;
      };
      const red = await aCase('2026-11-25T09:00:00Z');
      await t.db
        .insertInto('case_flags')
        .values({
          org_id: org.id,
          case_id: red.id,
          kind: 'safeguarding',
          category: 'domestic abuse',
          description: null,
          raised_by: practitioner.id,
          raised_at: new Date('2026-11-25T09:30:00Z'),
          resolved_by: null,
          resolved_at: null,
          resolution: null,
        })
        .execute();
      refs.red = red.reference;
      refs.stalled = (await aCase('2026-11-10T09:00:00Z', '2026-11-10T11:00:00Z')).reference;
      refs.overTimescale = (await aCase('2026-07-01T09:00:00Z', '2026-11-24T11:00:00Z')).reference;
      await reassessOpenCases({ db: t.db, clock }, org.id, 'daily');

      app = await buildTestApp(t, { clock });
      base = await listenForBrowser(app);
      browser = await launchBrowser();
      mkdirSync(RESULTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

    it('starts, records and completes a review, with a reflection shared by the practitioner', async () => {
      const sam = await newSignedInPage(browser, base, supervisor, { clock });
      const page = sam.page;
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Caseload reviews', exact: true })
        .click();
      await h1(page, 'Caseload reviews').waitFor();
      const row = page.getByRole('row', { name: /Pat Practitioner/ });
      await row.getByText('No caseload review yet: one is due now.').waitFor();
      await expectNoAxeViolations(page, 'reviews page of a supervisor');

      // The supervisor sets Pat's own cadence (4 weeks, no longer the organisation's) and next date by keyboard.
      await row.getByText('Change the schedule').press('Enter');
      const schedule = page.getByRole('form', { name: 'Review schedule of Pat Practitioner' });
      await schedule.getByLabel('Weeks between reviews').selectOption('4');
      await schedule.getByLabel('Next review on').fill('2026-12-03');
      await expectNoAxeViolations(page, 'schedule form open');
      await schedule.getByRole('button', { name: 'Save the schedule' }).press('Enter');
      await row.getByText(/3 Dec/).waitFor();
      expect(await row.locator('select[name="cadenceWeeks"]').inputValue()).toBe('4');

      await row.getByRole('button', { name: 'Start review of Pat Practitioner' }).press('Enter');
      await h1(page, 'Caseload review: Pat Practitioner').waitFor();
      const reviewUrl = page.url();
      const caseCard = (reference: string) => page.getByRole('article', { name: new RegExp(reference) });
      await caseCard(refs.red)
        .getByText(/Safeguarding concern raised \d{1,2} [A-Z][a-z]{2}\./)
        .waitFor();
      await caseCard(refs.stalled)
        .getByText('No attention for 12 working days (stalled after 10).')
        .waitFor();
      await caseCard(refs.overTimescale)
        .getByText(/Past its target resolution of 90 working days/)
        .waitFor();
      // Red first.
      expect(await page.getByRole('article').count()).toBe(3);
      expect(await page.getByRole('article').first().textContent()).toContain(refs.red);
      expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toMatch(
        /\/api\/reviews\/.+\/pdf$/,
      );
      await expectNoAxeViolations(page, 'a review in progress');

      // The practitioner writes an entry in their reflective log and shares it into the review.
      const pat = await newSignedInPage(browser, base, practitioner, { clock });
      await pat.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Reflective log', exact: true })
        .click();
      await h1(pat.page, 'Reflective log').waitFor();
      await expectNoAxeViolations(pat.page, 'an empty reflective log');
      await pat.page.getByRole('button', { name: 'Write an entry' }).press('Enter');
      await pat.page.keyboard.type('A difficult phone call'); // focus is in the title
      await pat.page.getByLabel('When it happened').fill('2026-11-25');
      await pat.page.getByLabel('Description').fill('A client shouted about the sanction.');
      await pat.page.getByLabel('Feelings').fill('Shaken, then calmer.');
      await pat.page.getByLabel('Action plan').fill('Ask for de-escalation training.');
      await expectNoAxeViolations(pat.page, 'writing a reflective-log entry');
      await pat.page.getByRole('button', { name: 'Save the entry' }).press('Enter');
      await status(pat.page, 'Entry saved. Only you can read it.').waitFor();
      await pat.page
        .getByRole('button', { name: 'Share into your review: A difficult phone call' })
        .press('Enter');
      await status(pat.page, /shared into your review/).waitFor();
      await expectNoAxeViolations(pat.page, 'the reflective log with a shared entry');
      await pat.context.close();

      // The supervisor records a decision for the stalled case, by keyboard.
      const stalled = caseCard(refs.stalled);
      await stalled.getByRole('textbox', { name: 'Decision', exact: true }).focus();
      await page.keyboard.type('Ring the client this week; close if no reply in 10 days.');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Client not answering the phone.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await status(page, `Decision saved for ${refs.stalled}.`).waitFor();

      // …and agrees an improvement, which becomes an action on the case.
      await stalled.getByRole('button', { name: `Agree an improvement for ${refs.stalled}` }).press('Enter');
      await page.keyboard.type('Write to the client offering an appointment'); // focus moved into the form
      await stalled.getByLabel('Due date', { exact: true }).fill('2026-12-03');
      await stalled.getByLabel('Due date', { exact: true }).press('Enter');
      await status(page, /Improvement agreed for .*: it is an action on the case now\./).waitFor();
      await page
        .getByTestId(`improvements-${refs.stalled}`)
        .getByText('Write to the client offering an appointment — by Pat Practitioner, due 3 Dec 2026')
        .waitFor();
      await expectNoAxeViolations(page, 'a review with a decision and an improvement');

      // The shared reflection is there for the supervisor once the page is loaded again.
      await page.goto(reviewUrl);
      const shared = page.getByRole('region', { name: 'Reflections shared' });
      await shared.getByText('Shaken, then calmer.').waitFor();

      await page
        .getByLabel('Summary')
        .fill('Two cases need contact this week; the red case is safe for now.');
      expect(await page.getByLabel('Date of the next review').inputValue()).toBe('2026-12-24');
      await page.getByRole('button', { name: 'Complete the review' }).press('Enter');
      await status(page, 'Review completed. The next review is due on 24 Dec 2026.').waitFor();
      await page
        .getByTestId('review-status')
        .getByText(/^Completed .* Next review 24 Dec 2026\.$/)
        .waitFor();
      expect(await page.getByRole('button', { name: 'Complete the review' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'a completed review');
      const shot = path.join(RESULTS, 'review.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      await page.getByRole('link', { name: 'All reviews' }).click();
      await h1(page, 'Caseload reviews').waitFor();
      await page
        .getByRole('row', { name: /Pat Practitioner/ })
        .getByText('Next review Thu 24 Dec.')
        .waitFor();
      await expectNoAxeViolations(page, 'reviews page after the review');
      await sam.context.close();
    });
  },
);
