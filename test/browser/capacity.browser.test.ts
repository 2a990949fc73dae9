/**
 * Capacity in Chromium: a supervisor opens Capacity, reads that a team member is over capacity (in
 * words, not colour alone), expands the cases that make up the load (a case in a team they do not
 * supervise counted, never named), runs the "what if I move a case?" by keyboard, then follows a
 * case to its page and ticks a complexity factor. axe on every state; test-results/capacity.png.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
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
const RESULTS = path.join(projectRoot, 'test-results');

type User = Awaited<ReturnType<typeof insertUser>>;

describe.skipIf(!chromiumAvailable)(
  'capacity in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let supervisor: User;
    let admin: User;
    const refs = { interpreter: '', safeguarding: '', hidden: '', ben: '' };

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
      const debtTeam = await insertTeam(t.db, { orgId: org.id, name: 'Debt team' });
      const ana = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Ana Adviser',
        team: { id: team.id, role: 'member' },
      });
      await t.db
        .insertInto('team_members')
        .values({ org_id: org.id, team_id: debtTeam.id, user_id: ana.id, role: 'member' })
        .execute();
      const ben = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Ben Baker',
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
        displayName: 'Ada Admin',
        roles: ['admin'],
        totp: true,
      });
      await sql`UPDATE users SET capacity_points = 10, fte = 0.5 WHERE id = ${ana.id}`.execute(t.db);
      await sql`UPDATE users SET capacity_points = 4 WHERE id = ${ben.id}`.execute(t.db);
      await sql`UPDATE case_types SET base_weight = 2 WHERE org_id = ${org.id} AND key = 'debt'`.execute(
        t.db,
      );
      await sql`UPDATE case_types SET base_weight = 1.5 WHERE org_id = ${org.id} AND key = 'welfare-benefits'`.execute(
        t.db,
      );
      const caseOf = async (owner: User, teamId: string, typeKey: string, name: string) => {
        const client = await insertClient(t.db, { orgId: org.id, createdBy: owner.id, legalName: name });
        return insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId, clientId: client.id, typeKey });
      };
      // 2 × interpreter 1.25 = 2.5
      const interpreter = await caseOf(ana, team.id, 'debt', 'Hana Interpreter');
      await t.db
        .updateTable('clients')
        .set({ access_needs: JSON.stringify({ interpreter: true, language: 'Amharic' }) })
        .where('id', '=', interpreter.client_id)
        .execute();
      // 1.5 × open safeguarding concern 1.5 = 2.25
      const safeguarding = await caseOf(ana, team.id, 'welfare-benefits', 'Sol Safe');
      await t.db
        .insertInto('case_flags')
        .values({
          org_id: org.id,
          case_id: safeguarding.id,
          kind: 'safeguarding',
          category: 'domestic abuse',
          description: null,
          raised_by: ana.id,
          raised_at: new Date(),
          resolved_by: null,
          resolved_at: null,
          resolution: null,
        })
        .execute();
      // In the debt team, which Sam does not supervise: 1 point, counted but never named to him.
      const hidden = await caseOf(ana, debtTeam.id, 'housing', 'Hidden Person');
      const benCase = await caseOf(ben, team.id, 'welfare-benefits', 'Bea Client');
      Object.assign(refs, {
        interpreter: interpreter.reference,
        safeguarding: safeguarding.reference,
        hidden: hidden.reference,
        ben: benCase.reference,
      });
      app = await buildTestApp(t);
      base = await listenForBrowser(app);
      browser = await launchBrowser();
      mkdirSync(RESULTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    const person = (page: Page, name: string) =>
      page.getByTestId('capacity-person').filter({ has: page.getByRole('heading', { level: 2, name }) });

    it('shows a supervisor who is over capacity, the cases behind it, and a what-if, by keyboard', async () => {
      const { context, page } = await newSignedInPage(browser, base, supervisor);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Capacity', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Capacity' }).waitFor();
      await page
        .getByTestId('capacity-overview')
        .getByText('3 people: 1 over capacity, 2 under-used.')
        .waitFor();

      // Ana: 2.5 + 2.25 + 1 = 5.75 of 10 × 0.5 = 5 points, said in words beside the colour.
      const ana = person(page, 'Ana Adviser');
      await ana.getByText('Over capacity', { exact: true }).waitFor();
      await ana.getByText('Over capacity: 5.75 of 5 points (115%).').waitFor();
      const bar = ana.getByRole('meter', { name: 'Ana Adviser' });
      expect(await bar.getAttribute('aria-valuetext')).toBe('Over capacity: 5.75 of 5 points (115%).');
      await person(page, 'Ben Baker').getByText('Under-used: 1.5 of 4 points (38%).').waitFor();
      await expectNoAxeViolations(page, 'capacity');

      // The cases behind Ana's load, opened by keyboard; the debt-team case is counted, not named.
      const summary = ana.getByText('The 2 cases you may see in this load');
      await summary.focus();
      await page.keyboard.press('Enter');
      const table = ana.getByRole('table', { name: 'Cases of Ana Adviser, heaviest first' });
      const rows = table.getByRole('row');
      await expect.poll(() => rows.count()).toBe(3);
      await expect(rows.nth(1).textContent()).resolves.toContain(refs.interpreter);
      await table
        .getByRole('row', { name: new RegExp(refs.interpreter) })
        .getByText('Base 2 × Interpreter needed 1.25 = 2.5')
        .waitFor();
      await table
        .getByRole('row', { name: new RegExp(refs.safeguarding) })
        .getByText('Base 1.5 × Open safeguarding concern 1.5 = 2.25')
        .waitFor();
      await ana
        .getByText('1 more case (1 point) in this load is in teams you do not supervise, so not shown.')
        .waitFor();
      expect(await page.content()).not.toContain(refs.hidden);
      await expectNoAxeViolations(page, 'capacity with the cases expanded');

      // What if the interpreter case moved to Ben? Chosen and sent with the keyboard only.
      const whatIf = page.getByRole('region', { name: 'What if I move a case?' });
      await whatIf.getByLabel('Case to move').focus();
      await page.keyboard.press('ArrowDown');
      await expect(whatIf.getByLabel('Case to move').inputValue()).resolves.not.toBe('');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('whatif-to');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const result = page.getByTestId('whatif-result');
      await result.getByRole('heading', { name: `Before and after moving ${refs.interpreter}` }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('whatif-result-title');
      await result
        .getByText(
          `Moving ${refs.interpreter} (weight 2.5) to Ben Baker: Ana Adviser goes from 5.75 to 3.25 of 5 points ` +
            '(over capacity to under-used); Ben Baker goes from 1.5 to 4 of 4 points (under-used to near capacity).',
        )
        .waitFor();
      const anaRow = result.getByRole('row', { name: /Ana Adviser/ });
      await anaRow.getByText('Over capacity: 5.75 of 5 points (115%).').waitFor();
      await anaRow.getByText('Under-used: 3.25 of 5 points (65%).').waitFor();
      const benRow = result.getByRole('row', { name: /Ben Baker/ });
      await benRow.getByText('Near capacity: 4 of 4 points (100%).').waitFor();
      await result
        .getByRole('note', { name: 'Warning' })
        .getByText('The move brings the new owner near capacity: Near capacity: 4 of 4 points (100%).')
        .waitFor();
      await expectNoAxeViolations(page, 'capacity with a what-if');

      const shot = path.join(RESULTS, 'capacity.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      // Nothing moved; the case's page shows its weight, and a factor ticked there re-weighs it.
      await table.getByRole('link', { name: refs.interpreter }).click();
      const weight = page.getByRole('region', { name: 'Weight and complexity' });
      await weight.getByTestId('case-weight').getByText('2.5', { exact: true }).waitFor();
      await weight.getByText('Base 2 × Interpreter needed 1.25 = 2.5').waitFor();
      await weight.getByLabel('Litigation or tribunal (×1.5)').focus();
      await page.keyboard.press('Space');
      await weight.getByRole('button', { name: 'Save complexity factors' }).press('Enter');
      await page
        .getByRole('status')
        .getByText('Complexity factors saved. The case now weighs 3.75.')
        .waitFor();
      await weight
        .getByText('Base 2 × Interpreter needed 1.25 × Litigation or tribunal 1.5 = 3.75')
        .waitFor();
      await expectNoAxeViolations(page, 'case page with its weight');
      await context.close();
    });

    it('lets an admin change a complexity factor and a person’s capacity, naming a bad value at its field', async () => {
      const { context, page } = await newSignedInPage(browser, base, admin);
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Capacity', exact: true }).count()).toBe(0);
      await nav.getByRole('link', { name: 'Complexity factors' }).click();
      await page.getByRole('heading', { level: 1, name: 'Complexity factors' }).waitFor();
      const interpreter = page
        .getByTestId('complexity-factor')
        .filter({ hasText: 'Interpreter needed ×1.25' });
      await interpreter
        .getByText(/Applies when the client’s access needs say an interpreter is needed/)
        .waitFor();
      await expectNoAxeViolations(page, 'complexity factors');
      await interpreter.getByRole('button', { name: 'Change Interpreter needed' }).press('Enter');
      const multiplier = interpreter.getByLabel('Multiplier');
      await multiplier.fill('7');
      await interpreter.getByRole('button', { name: 'Save factor' }).press('Enter');
      await interpreter
        .getByRole('alert')
        .getByRole('link', { name: /Use a multiplier from 0.1 to 5/ })
        .waitFor();
      await expectNoAxeViolations(page, 'complexity factor with a field error');
      await multiplier.fill('1.4');
      await interpreter.getByRole('button', { name: 'Save factor' }).press('Enter');
      await page
        .getByRole('status')
        .getByText('Saved Interpreter needed. Every case’s weight uses it now.')
        .waitFor();
      await page.getByTestId('complexity-factor').filter({ hasText: 'Interpreter needed ×1.4' }).waitFor();

      await nav.getByRole('link', { name: 'People’s capacity' }).click();
      await page.getByRole('heading', { level: 1, name: 'People’s capacity' }).waitFor();
      const fte = page.getByLabel('Ben Baker: full-time equivalent');
      await fte.fill('2');
      await page.getByRole('button', { name: 'Save Ben Baker' }).click();
      await page
        .getByRole('alert')
        .getByRole('link', { name: /Give the full-time equivalent as a number from 0.05 to 1/ })
        .waitFor();
      await expectNoAxeViolations(page, 'people’s capacity with a field error');
      await fte.fill('0.5');
      await fte.press('Enter');
      await page
        .getByRole('status')
        .getByText('Saved Ben Baker: capacity 2 points, 30 hours a week.')
        .waitFor();
      const ben = await t.db
        .selectFrom('users')
        .select('fte')
        .where('display_name', '=', 'Ben Baker')
        .executeTakeFirstOrThrow();
      expect(Number(ben.fte)).toBe(0.5);
      await expectNoAxeViolations(page, 'people’s capacity');
      await context.close();
    });
  },
);
