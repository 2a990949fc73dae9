/**
 * The priority policy and the caseload's health in Chromium, on a fixed clock (Thursday 26
 * November 2026): an adviser reads the caseload health page (neglect, attention by band, the
 * forecast) and tries a what-if; their supervisor chooses them from the team; an administrator
 * edits a point of the policy, sees the problem next to the field for a bad value, and saves a
 * valid version. axe on every page state; both pages captured as screenshots in test-results/.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { buildTestApp, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();
const RESULTS = path.join(projectRoot, 'test-results');
const clock = new TestClock(new Date('2026-11-26T09:00:00Z'));

type User = Awaited<ReturnType<typeof insertUser>>;

describe.skipIf(!chromiumAvailable)(
  'the priority policy and caseload health in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let adviser: User;
    let supervisor: User;
    let admin: User;
    const references: Record<'stale' | 'urgent' | 'waiting', string> = { stale: '', urgent: '', waiting: '' };

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
      admin = await insertUser(t.db, {
        orgId: org.id,
        email: 'ada@example.org',
        displayName: 'Ada Admin',
        roles: ['admin'],
        totp: true,
      });
      await sql`UPDATE users SET weekly_capacity_hours = 6 WHERE id = ${adviser.id}`.execute(t.db);
      const caseOf = async (
        name: string,
        values: { attention: string; band: 'red' | 'amber' | null; effort: number | null },
      ) => {
        const client = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id, legalName: name });
        const c = await insertCase(t.db, {
          orgId: org.id,
          ownerId: adviser.id,
          teamId: team.id,
          clientId: client.id,
        });
        await sql`
          UPDATE cases SET opened_at = '2026-09-01T09:00:00Z', last_attention_at = ${values.attention}::timestamptz,
            priority_band = ${values.band}, estimated_effort_hours = ${values.effort}
          WHERE id = ${c.id}
        `.execute(t.db);
        await t.db
          .insertInto('notes')
          .values({
            org_id: org.id,
            case_id: c.id,
            author_id: adviser.id,
            status: 'filed',
            type: 'contact',
            contact_channel: 'phone',
            occurred_at: new Date(values.attention),
            recorded_at: new Date(values.attention),
            facts: 'Rang the client about the letter.',
            amends_note_id: null,
            amendment_reason: null,
          })
          .execute();
        if (values.band) {
          // The assessment that gave the case its band, a week before the attention counted here.
          await t.db
            .insertInto('assessments')
            .values({
              org_id: org.id,
              case_id: c.id,
              policy_version: 0,
              trigger: 'daily',
              inputs: '{}',
              score: values.band === 'red' ? 75 : 40,
              score_band: values.band,
              computed_band: values.band,
              band: values.band,
              quadrant: 'neither-urgent-nor-important',
              forced_by: null,
              contributions: '[]',
              rules_fired: '[]',
              reasons: '[]',
              rationale: null,
              override_band: null,
              override_rationale: null,
              assessed_by: null,
              assessed_at: new Date('2026-11-02T09:00:00Z'),
            })
            .execute();
        }
        return c.reference;
      };
      // 20 working days without attention: the whole of a green case's review timescale.
      references.stale = await caseOf('Morgan Stale', {
        attention: '2026-10-29T10:00:00Z',
        band: null,
        effort: 1,
      });
      references.urgent = await caseOf('Riley Urgent', {
        attention: '2026-11-25T10:00:00Z',
        band: 'red',
        effort: 3,
      });
      references.waiting = await caseOf('Jamie Waiting', {
        attention: '2026-11-18T10:00:00Z',
        band: 'amber',
        effort: 2,
      });
      app = await buildTestApp(t, { clock });
      base = await listenForBrowser(app);
      browser = await launchBrowser();
      mkdirSync(RESULTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    const signIn = (user: User) => newSignedInPage(browser, base, user, { clock });

    const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    const nav = (page: Page, name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

    it('shows an adviser the health of their caseload, and a what-if', async () => {
      const { context, page } = await signIn(adviser);
      await nav(page, 'Caseload health').click();
      await h1(page, 'Caseload health').waitFor();
      await page.getByText('3 open cases; weekly capacity 6 hours.').waitFor();

      const neglect = page.getByRole('region', { name: 'Cases at risk of neglect' });
      const stale = neglect.getByRole('row', { name: new RegExp(references.stale) });
      await stale.getByRole('link', { name: references.stale }).waitFor();
      await stale.getByText('Review due today: no attention for 20 working days').waitFor();

      const attention = page.getByRole('region', { name: 'Attention by band, last 4 weeks' });
      const red = attention.getByRole('row', { name: /^Red/ });
      // The urgent case was red when it was attended yesterday: 1 of the 2 attention events.
      await red.getByRole('cell', { name: '1 (50%)' }).waitFor();
      // The chart repeats the table for sighted readers and is hidden from screen readers.
      expect(await page.getByTestId('attention-chart').getAttribute('aria-hidden')).toBe('true');

      const forecast = page.getByRole('region', { name: 'Forecast, next 4 weeks' });
      await forecast.getByText(/is forecast to breach its timescale in the next 4 weeks/).waitFor();
      await forecast.getByTestId('forecast-breaches').getByRole('link', { name: references.stale }).waitFor();
      await expectNoAxeViolations(page, 'caseload health');

      const whatIf = page.getByRole('region', { name: 'What if…' });
      await whatIf.getByLabel('Add a hypothetical case').check();
      await whatIf.getByLabel('Its band').selectOption('red');
      await whatIf.getByLabel('Effort (hours)').fill('');
      await whatIf.getByRole('button', { name: 'Show the effect' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: 'Give the effort as a number of hours' }).waitFor();
      await expectNoAxeViolations(page, 'what-if with a field error');

      await whatIf.getByLabel('Effort (hours)').fill('6');
      await whatIf.getByRole('button', { name: 'Show the effect' }).click();
      const outcome = page.getByTestId('what-if-result');
      await outcome.getByRole('heading', { name: 'The effect' }).waitFor();
      await outcome.getByText(/breaches in the caseload go from 1 to 3/).waitFor();
      const slipped = outcome.getByRole('row', { name: new RegExp(references.waiting) });
      await slipped.getByRole('cell', { name: 'Newly breaching', exact: true }).waitFor();
      await expectNoAxeViolations(page, 'what-if result');

      const shot = path.join(RESULTS, 'caseload-health.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      await context.close();
    });

    it('lets the supervisor choose the adviser from the team', async () => {
      const { context, page } = await signIn(supervisor);
      await nav(page, 'Caseload health').click();
      await h1(page, 'Caseload health').waitFor();
      await page.getByText('0 open cases; weekly capacity 30 hours.').waitFor();
      await page.getByLabel('Whose caseload').selectOption({ label: 'Ari Adviser' });
      await h1(page, 'Caseload health: Ari Adviser').waitFor();
      await page.getByText('3 open cases; weekly capacity 6 hours.').waitFor();
      expect(new URL(page.url()).search).toBe(`?user=${adviser.id}`);
      await expectNoAxeViolations(page, 'caseload health of a team member');
      await context.close();
    });

    it('lets an admin change a point of the policy: a bad value is named at its field, a good one saved', async () => {
      const { context, page } = await signIn(admin);
      await expect(nav(page, 'Caseload health').count()).resolves.toBe(0);
      await nav(page, 'Priority policy').click();
      await h1(page, 'Priority policy').waitFor();
      const inForce = page.getByRole('region', { name: 'The policy in force: version 0' });
      await inForce.getByText('An open safeguarding concern: 50 points.').waitFor();
      await page.getByText(/re-assesses every open case under it/).waitFor();
      await expectNoAxeViolations(page, 'priority policy');

      // Rules are added and removed by keyboard; after a removal focus returns to "Add a rule".
      await page.getByRole('button', { name: 'Add a rule' }).press('Enter');
      const added = page.getByRole('group', { name: 'Rule 4' });
      await added.getByLabel('Key').waitFor();
      expect(await added.getByLabel('Key').inputValue()).toBe('rule-4');
      await added.getByRole('button', { name: 'Remove rule 4' }).press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add a rule');
      expect(await page.getByRole('group', { name: 'Rule 4' }).count()).toBe(0);

      const safeguarding = page.getByRole('group', { name: 'An open safeguarding concern' });
      const points = safeguarding.getByLabel('Points');
      await points.fill('-5');
      await page.getByRole('button', { name: 'Save as version 1' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      const message = 'Points cannot be negative (-5); use 0 for no points.';
      await summary.getByRole('link', { name: message }).waitFor();
      // The same problem beside the field, which is marked invalid and described by it.
      await safeguarding.getByText(message).waitFor();
      await expect(points.getAttribute('aria-invalid')).resolves.toBe('true');
      await summary.getByRole('link', { name: message }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pp-criteria-0-points');
      await expectNoAxeViolations(page, 'priority policy with a field error');

      await points.fill('60');
      await page.getByLabel('Change note').fill('Safeguarding weighs more');
      await page.getByRole('button', { name: 'Save as version 1' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Saved as version 1. Every open case has been re-assessed under it.' })
        .waitFor();
      const saved = page.getByRole('region', { name: 'The policy in force: version 1' });
      await saved.getByText('An open safeguarding concern: 60 points.').waitFor();
      const history = page.getByRole('region', { name: 'Versions' });
      const row = history.getByRole('row', { name: /^1 \(in force\)/ });
      await row.getByText('Ada Admin').waitFor();
      await row.getByText('Safeguarding weighs more').waitFor();

      await history.getByRole('button', { name: 'Read version 0' }).click();
      const older = page.getByRole('region', { name: 'Version 0 in plain words' });
      await older.getByText('An open safeguarding concern: 50 points.').waitFor();
      await expectNoAxeViolations(page, 'priority policy, version 1 saved and version 0 shown');

      const shot = path.join(RESULTS, 'priority-policy.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      await context.close();
    });
  },
);
