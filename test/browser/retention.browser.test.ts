/**
 * Retention and erasure in Chromium: an administrator opens the retention review from the
 * navigation, extends one due case (a problem shown beside its field first) and approves the
 * destruction of another, then approves an erasure request another admin recorded. Axe on every
 * state; the screenshot is test-results/retention.png. The case's owner then sees the extended
 * destruction date and its reason on the case page (test-results/retention-case.png). No sleeps: it
 * waits for what a person sees.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { formatDate } from '../../src/web/lib/format.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, newSignedInPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'retention.png');
const CASE_SCREENSHOT = path.join(projectRoot, 'test-results', 'retention-case.png');

describe.skipIf(!chromiumAvailable)(
  'retention and erasure in Chromium (skipped: no /usr/bin/chromium)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let admin: Awaited<ReturnType<typeof insertUser>>;
    let adviser: Awaited<ReturnType<typeof insertUser>>;
    const refs: string[] = [];
    const caseIds: string[] = [];

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
      adviser = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
      admin = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Ada Admin',
        roles: ['admin'],
        totp: true,
      });
      const other = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Olu Other',
        roles: ['admin'],
        totp: true,
      });
      for (const name of ['Mia Rowe', 'Sam Hale']) {
        const client = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id, legalName: name });
        const c = await insertCase(t.db, {
          orgId: org.id,
          ownerId: adviser.id,
          teamId: team.id,
          clientId: client.id,
        });
        await t.db
          .updateTable('cases')
          .set({
            status: 'closed',
            outcome_key: 'resolved',
            closure_reason: 'Done',
            closed_at: new Date('2019-06-01T10:00:00Z'),
            destruction_due_on: '2025-06-01',
          })
          .where('id', '=', c.id)
          .execute();
        refs.push(c.reference);
        caseIds.push(c.id);
      }
      // A client with a closed case (not yet due) asked for erasure; another admin recorded it.
      const asker = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id, legalName: 'Kit Lowe' });
      const kc = await insertCase(t.db, {
        orgId: org.id,
        ownerId: adviser.id,
        teamId: team.id,
        clientId: asker.id,
      });
      await t.db
        .updateTable('cases')
        .set({
          status: 'closed',
          outcome_key: 'resolved',
          closure_reason: 'Done',
          closed_at: new Date(),
          destruction_due_on: '2032-01-01',
        })
        .where('id', '=', kc.id)
        .execute();
      await t.db
        .insertInto('erasure_requests')
        .values({
          org_id: org.id,
          client_id: asker.id,
          received_on: '2026-11-02',
          reason: 'Letter asking us to delete everything',
          recorded_by: other.id,
          recorded_at: new Date(),
          decided_by: null,
          decided_at: null,
          decision_reason: null,
          case_count: null,
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

    it('extends one due case, erases another, and approves an erasure request', async () => {
      const { page } = await newSignedInPage(browser, base, admin);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Retention and erasure' })
        .click();
      await h1(page, 'Retention and erasure').waitFor();
      const due = page.getByTestId('due-case');
      await expect.poll(() => due.count()).toBe(2);
      await expectNoAxeViolations(page, 'retention review with two due cases');

      const first = due.filter({ hasText: refs[0] ?? '' });
      await first.getByRole('button', { name: `Keep ${refs[0]} longer` }).click();
      await first.getByRole('button', { name: 'Extend' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      await expectNoAxeViolations(page, 'extend form with a problem');
      await first.getByLabel('Keep until').fill('2099-01-31');
      await first.getByLabel('Why it is kept longer').fill('Complaint to the ombudsman still open');
      await first.getByRole('button', { name: 'Extend' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${refs[0]} is kept longer.` })
        .waitFor();
      await expect.poll(() => due.count()).toBe(1);

      const second = due.filter({ hasText: refs[1] ?? '' });
      await second.getByRole('button', { name: `Approve destruction of ${refs[1]}` }).click();
      await expectNoAxeViolations(page, 'approve destruction form');
      await second.getByRole('button', { name: 'Erase the case now' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${refs[1]} has been erased` })
        .waitFor();
      await expect.poll(() => due.count()).toBe(0);

      const request = page.getByTestId('erasure-request').filter({ hasText: 'Kit Lowe' });
      await request.getByRole('button', { name: 'Approve the request of Kit Lowe' }).click();
      await request.getByRole('button', { name: 'Erase all the client’s data' }).click();
      await page.getByRole('status').filter({ hasText: 'The client’s data has been erased.' }).waitFor();
      await page
        .getByTestId('erasure-request')
        .filter({ hasText: 'Erased client' })
        .getByText('Approved: erased')
        .waitFor();
      await expectNoAxeViolations(page, 'after the erasure');
      expect(
        await t.db.selectFrom('clients').select('id').where('legal_name', '=', 'Kit Lowe').execute(),
      ).toEqual([]);

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
      await page.context().close();

      // The case's owner sees the new destruction date, and why, on the case page.
      const owner = await newSignedInPage(browser, base, adviser);
      await owner.page.goto(`${base}/cases/${caseIds[0]}`);
      await h1(owner.page, 'Mia Rowe').waitFor();
      const row = owner.page.locator('.detail-row').filter({ hasText: 'To be destroyed on' });
      await row
        .getByText(
          '31 Jan 2099 unless extended again (extended from 1 Jun 2025 by Ada Admin on ' +
            `${formatDate(new Date().toISOString())}: Complaint to the ombudsman still open)`,
        )
        .waitFor();
      await expectNoAxeViolations(owner.page, 'a closed case with its destruction date');
      await owner.page.screenshot({ path: CASE_SCREENSHOT, fullPage: true });
      await owner.page.context().close();
    });
  },
);
