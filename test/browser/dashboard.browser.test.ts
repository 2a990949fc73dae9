/**
 * The caseload dashboard in Chromium: an adviser opens it from the navigation, the figures show,
 * the four trend charts draw (SVG bars and a line) with the organisation's office closure shaded
 * and listed, a figure opens the list of its cases by keyboard (and gives focus back), a chart's
 * "Show as a table" opens by keyboard; a supervisor records an external factor for the team; an
 * admin's caseload settings show a problem beside its field. Axe on every state, a screenshot kept.
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
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'dashboard.png');
// Thursday 26 November 2026, 09:00 in London.
const clock = new TestClock(new Date('2026-11-26T09:00:00Z'));

describe.skipIf(!chromiumAvailable)(
  'the caseload dashboard in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let page: Page;
    let adviser: Awaited<ReturnType<typeof insertUser>>;
    let supervisor: Awaited<ReturnType<typeof insertUser>>;
    let admin: Awaited<ReturnType<typeof insertUser>>;
    let overdueRef = '';

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
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
      // Twelve cases opened over the last months, five of them closed (three resolved).
      const types = ['welfare-benefits', 'debt', 'housing'];
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const client = await insertClient(t.db, {
          orgId: org.id,
          createdBy: adviser.id,
          legalName: `Client ${i}`,
        });
        const c = await insertCase(t.db, {
          orgId: org.id,
          ownerId: adviser.id,
          teamId: team.id,
          clientId: client.id,
          typeKey: types[i % 3],
        });
        const opened = new Date(Date.UTC(2026, 5, 3 + i * 14, 10));
        await sql`UPDATE cases SET opened_at = ${opened}, last_attention_at = ${opened},
          vulnerability = ${i % 4}, impact = ${i % 3 === 0 ? 'loss-of-home' : 'none'} WHERE id = ${c.id}`.execute(
          t.db,
        );
        if (i < 5) {
          await t.db
            .updateTable('cases')
            .set({
              status: 'closed',
              closed_at: new Date(opened.getTime() + 40 * 86_400_000),
              outcome: 'Done',
              outcome_key: i < 3 ? 'resolved' : 'client-withdrew',
              closure_reason: 'Finished',
            })
            .where('id', '=', c.id)
            .execute();
        }
        ids.push(c.id);
        if (i === 9) overdueRef = c.reference;
      }
      await t.db
        .insertInto('actions')
        .values({
          org_id: org.id,
          case_id: ids[9] ?? '',
          description: 'Send the reconsideration request',
          owner_kind: 'practitioner',
          owner_user_id: adviser.id,
          due_date: '2026-11-20',
          created_by: adviser.id,
        })
        .execute();
      await t.db
        .insertInto('external_factors')
        .values({
          org_id: org.id,
          kind: 'office-closure',
          title: 'Office closed for refurbishment',
          description: null,
          starts_on: '2026-10-12',
          ends_on: '2026-10-23',
          team_id: null,
          user_id: null,
          created_by: admin.id,
        })
        .execute();
      await reassessOpenCases({ db: t.db, clock }, org.id, 'daily');

      app = await buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } });
      base = await listenForBrowser(app);
      browser = await launchBrowser();
      ({ page } = await newSignedInPage(browser, base, adviser, {
        clock,
        viewport: { width: 1366, height: 900 },
      }));
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the figures and draws the four charts, with the office closure on them', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await expect
        .poll(() => page.getByTestId('figure-open-total').locator('.dash-count').textContent())
        .toBe('7');
      await expect
        .poll(() => page.getByTestId('figure-overdue-actions').locator('.dash-count').textContent())
        .toBe('1');
      for (const id of ['chart-intake', 'chart-closures', 'chart-outcomes', 'chart-load']) {
        await page.getByTestId(id).locator('.recharts-wrapper > svg.recharts-surface').waitFor();
      }
      await expect
        .poll(() => page.getByTestId('chart-intake').locator('.recharts-bar-rectangle').count())
        .toBeGreaterThan(5);
      await expect
        .poll(() => page.getByTestId('chart-outcomes').locator('.recharts-bar-rectangle').count())
        .toBeGreaterThan(2);
      await page.getByTestId('chart-load').locator('path.recharts-line-curve').waitFor();
      // The closure (12–23 Oct) is shaded on the charts, numbered 1, and listed beneath them.
      await page.getByTestId('chart-intake').locator('.recharts-reference-area-rect').first().waitFor();
      await page.getByTestId('chart-load').locator('.recharts-reference-area-rect').first().waitFor();
      await page.getByTestId('external-factors').getByText('Office closed for refurbishment').waitFor();
      await expectNoAxeViolations(page, 'the dashboard');
    });

    it('opens the cases behind a figure by keyboard, and gives focus back when closed', async () => {
      const button = page.getByTestId('figure-overdue-actions');
      await button.focus();
      await page.keyboard.press('Enter');
      const title = page.getByTestId('case-list-title');
      await title.waitFor();
      await expect.poll(() => title.textContent()).toBe('Cases with an overdue action: 1 case');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'case-list-title',
      );
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const link = page.locator('.dash-case-list').getByRole('link', { name: overdueRef });
      await link.waitFor();
      expect(await link.getAttribute('href')).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
      await expectNoAxeViolations(page, 'the dashboard with a case list open');
      await page.keyboard.press('Tab'); // the case link
      await page.keyboard.press('Tab'); // Close the list
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('case-list-title').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('figure-overdue-actions');
    });

    it('shows a chart as a table by keyboard, with the closure named in its weeks', async () => {
      const chart = page.getByTestId('chart-intake');
      await chart.locator('summary').focus();
      await page.keyboard.press('Enter');
      const table = chart.locator('table');
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(26);
      await table
        .getByRole('row', { name: /12 Oct 2026 to 18 Oct 2026/ })
        .getByText(/1\. Office closed/)
        .waitFor();
      await expectNoAxeViolations(page, 'the dashboard with a chart as a table');
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000);
    });

    it('lets a supervisor see the team’s dashboard and record a factor for the team', async () => {
      const { context, page: sup } = await newSignedInPage(browser, base, supervisor, { clock });
      await sup.goto(`${base}/dashboard`);
      // Holding no cases, the supervisor is offered the team's figures; the select leads there too.
      const toTeam = sup.getByRole('link', { name: 'See the figures of your team Housing and benefits' });
      await toTeam.waitFor();
      await expectNoAxeViolations(sup, 'the supervisor’s empty own dashboard');
      await toTeam.focus();
      await sup.keyboard.press('Enter');
      await sup.getByRole('heading', { level: 1, name: 'Dashboard: Housing and benefits' }).waitFor();
      expect(await toTeam.count()).toBe(0);
      await sup.goBack();
      await sup.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await sup.getByLabel('Whose dashboard').selectOption({ label: 'Whole team: Housing and benefits' });
      await sup.getByRole('heading', { level: 1, name: 'Dashboard: Housing and benefits' }).waitFor();
      await expect
        .poll(() => sup.getByTestId('figure-open-total').locator('.dash-count').textContent())
        .toBe('7');
      await sup.getByRole('link', { name: 'Record or change external factors' }).click();
      await sup.getByRole('heading', { level: 1, name: 'External factors' }).waitFor();
      await sup.getByRole('button', { name: 'Record an external factor' }).click();
      await sup.getByLabel('Kind').selectOption({ label: 'Seasonal peak' });
      await sup.getByLabel('Title').fill('Cost of living rush');
      await sup.getByLabel('First day').fill('2026-11-16');
      await sup.getByLabel('Last day (optional)').fill('2026-11-02');
      await sup.getByRole('button', { name: 'Save the factor' }).click();
      // The last day before the first: the problem is shown beside its field.
      await sup.getByText('The last day must be on or after the first day (2026-11-16)').first().waitFor();
      await expectNoAxeViolations(sup, 'the external factors form with a problem');
      await sup.getByLabel('Last day (optional)').fill('2026-11-27');
      await sup.getByRole('button', { name: 'Save the factor' }).click();
      await sup.getByTestId('factor-list').getByText('Cost of living rush', { exact: true }).waitFor();
      await sup.getByRole('status').filter({ hasText: 'External factor saved.' }).waitFor();
      await expectNoAxeViolations(sup, 'the external factors page');
      await context.close();
    });

    it('shows an admin’s caseload settings, with a problem beside its field', async () => {
      const { context, page: adm } = await newSignedInPage(browser, base, admin, { clock });
      await adm
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Caseload settings' })
        .click();
      const field = adm.getByLabel('Stalled after (working days)');
      await field.waitFor();
      expect(await field.inputValue()).toBe('10');
      await field.fill('400');
      await adm.getByRole('button', { name: 'Save caseload settings' }).click();
      await adm.getByText('from 1 to 250').first().waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(adm, 'the caseload settings with a problem');
      await field.fill('15');
      await adm.getByRole('button', { name: 'Save caseload settings' }).click();
      await adm.getByRole('status').filter({ hasText: 'Caseload settings saved.' }).waitFor();
      await context.close();
    });
  },
);
