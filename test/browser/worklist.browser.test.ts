/**
 * The worklist in Chromium: an adviser signs in, the case with a safeguarding concern is the first
 * row with its reason in plain words, the other reasons open by keyboard, the filters work by
 * keyboard and change the address, a supervisor switches to the team's worklist — axe on every
 * state, a screenshot kept, and no sleeps: each step waits for what the person would see.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { systemClock } from '../../src/services/context.ts';
import { reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import {
  chromiumAvailable,
  launchBrowser,
  listenForBrowser,
  newSignedInPage,
  signInOnPage,
} from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'worklist.png');

describe.skipIf(!chromiumAvailable)(
  'the worklist in Chromium (skipped: /usr/bin/chromium is not installed)',
  () => {
    let app: App;
    let base: string;
    let browser: Browser;
    let page: Page;
    let adviser: Awaited<ReturnType<typeof insertUser>>;
    let supervisor: Awaited<ReturnType<typeof insertUser>>;
    const refs: Record<'safeguarding' | 'amber' | 'green' | 'colleague', string> = {
      safeguarding: '',
      amber: '',
      green: '',
      colleague: '',
    };

    beforeAll(async () => {
      const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
      const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
      adviser = await insertUser(t.db, {
        orgId: org.id,
        email: 'ari@example.org',
        displayName: 'Ari Adviser',
        team: { id: team.id, role: 'member' },
      });
      const colleague = await insertUser(t.db, {
        orgId: org.id,
        displayName: 'Cam Colleague',
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
      const open = async (ownerId: string, legalName: string, typeKey = 'welfare-benefits') => {
        const client = await insertClient(t.db, { orgId: org.id, createdBy: ownerId, legalName });
        return insertCase(t.db, { orgId: org.id, ownerId, teamId: team.id, clientId: client.id, typeKey });
      };
      const green = await open(adviser.id, 'Gale Green', 'debt');
      const amber = await open(adviser.id, 'Alex Amber', 'housing');
      const safeguarding = await open(adviser.id, 'Sol Safe');
      const theirs = await open(colleague.id, 'Casey Colleague');
      await t.db
        .updateTable('cases')
        .set({ vulnerability: 2, impact: 'loss-of-home' })
        .where('id', '=', amber.id)
        .execute();
      await t.db
        .insertInto('case_flags')
        .values({
          org_id: org.id,
          case_id: safeguarding.id,
          kind: 'safeguarding',
          category: 'domestic abuse',
          raised_by: adviser.id,
          raised_at: new Date(),
        })
        .execute();
      // A hearing in two weeks (no points at that distance) and an action three days overdue.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      await t.db
        .insertInto('key_dates')
        .values({
          org_id: org.id,
          case_id: amber.id,
          kind: 'hearing',
          due_date: day(14),
          description: 'Possession hearing',
          created_by: adviser.id,
        })
        .execute();
      await t.db
        .insertInto('actions')
        .values({
          org_id: org.id,
          case_id: green.id,
          description: 'Send the debt advice letter',
          owner_kind: 'practitioner',
          owner_user_id: adviser.id,
          due_date: day(-3),
          created_by: adviser.id,
        })
        .execute();
      await reassessOpenCases({ db: t.db, clock: systemClock }, org.id, 'daily');
      Object.assign(refs, {
        safeguarding: safeguarding.reference,
        amber: amber.reference,
        green: green.reference,
        colleague: theirs.reference,
      });

      app = await buildTestApp(t);
      base = await listenForBrowser(app);
      browser = await launchBrowser();
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      context.setDefaultTimeout(10_000);
      page = await context.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    const rows = (p: Page = page) => p.getByTestId('worklist').getByTestId('worklist-row');
    const rowRefs = (p: Page = page) => rows(p).locator('a.case-ref').allTextContents();

    it('shows the case with a safeguarding concern first, with its reason in plain words', async () => {
      await signInOnPage(page, base, adviser);
      await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
      const first = rows().first();
      await first.getByRole('link', { name: refs.safeguarding }).waitFor();
      await first.getByText(/^Red: safeguarding concern raised \d{1,2} [A-Z][a-z]{2}/).waitFor();
      await first.getByText('Red', { exact: true }).waitFor();
      await first.getByText('Sol Safe').waitFor();
      await first.getByText('Safeguarding concern', { exact: true }).waitFor();
      // Red and nothing in place: the resources check says what is missing.
      await first.getByText('No next action with a due date').waitFor();
      await first.getByText('No time allocated').waitFor();
      expect(await rowRefs()).toEqual([refs.safeguarding, refs.amber, refs.green]);
      // The colleague's case is not on this worklist.
      expect(await page.getByText(refs.colleague).count()).toBe(0);
      const summary = page.getByTestId('worklist-summary');
      await expect.poll(() => summary.locator('li').first().textContent()).toBe('1 Red');
      await summary.getByText('Red cases lacking resources').waitFor();
      await expectNoAxeViolations(page, 'the worklist');
    });

    it('opens the other reasons and the position’s explanation by keyboard', async () => {
      const first = rows().first();
      const more = first.locator('summary');
      await more.focus();
      await page.keyboard.press('Enter');
      await first.getByText(/^Top of the worklist: red/).waitFor();
      expect(await first.locator('details').getAttribute('open')).not.toBeNull();
      await expectNoAxeViolations(page, 'the worklist with reasons open');
    });

    it('filters by band, type and flag from the keyboard, in the address', async () => {
      await page.getByLabel('Amber', { exact: true }).focus();
      await page.keyboard.press('Space');
      await expect.poll(() => new URL(page.url()).search).toBe('?band=amber');
      await expect.poll(() => rowRefs()).toEqual([refs.amber]);
      await page.getByRole('status').filter({ hasText: 'Showing 1 of 3 cases.' }).waitFor();
      // The summary counts the whole worklist, whatever the filters.
      await expect
        .poll(() => page.getByTestId('worklist-summary').locator('li').first().textContent())
        .toBe('1 Red');
      await expectNoAxeViolations(page, 'the worklist filtered by band');

      await page.keyboard.press('Tab'); // Green
      await page.keyboard.press('Space');
      await expect.poll(() => new URL(page.url()).search).toBe('?band=amber&band=green');
      await expect.poll(() => rowRefs()).toEqual([refs.amber, refs.green]);

      const type = page.getByLabel('Case type');
      await type.focus();
      await type.press('ArrowDown'); // the first type after "Any type"
      await expect.poll(() => type.inputValue()).not.toBe('');
      const chosen = await type.inputValue();
      await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe(chosen);

      await page.getByRole('button', { name: 'Clear filters' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).search).toBe('');
      await expect.poll(() => rowRefs()).toEqual([refs.safeguarding, refs.amber, refs.green]);
      // Focus stays in the filters rather than falling to the page.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('wl-band-red');

      const only = page.getByLabel('Show only');
      await only.focus();
      await only.press('ArrowDown'); // With a safeguarding concern
      await expect.poll(() => new URL(page.url()).search).toBe('?flag=safeguarding');
      await expect.poll(() => rowRefs()).toEqual([refs.safeguarding]);

      // Back undoes a change of filter.
      await page.goBack();
      await expect.poll(() => rowRefs()).toEqual([refs.safeguarding, refs.amber, refs.green]);

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000);
    });

    it('shows a supervisor who holds no cases the way to the whole team’s worklist, with owners', async () => {
      const { context, page: other } = await newSignedInPage(browser, base, supervisor, {
        viewport: { width: 1440, height: 900 },
      });
      await other.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
      await other.getByText('You have no open cases.').waitFor();
      // Holding no cases, the supervisor is offered the team's worklist, one key press away.
      const toTeam = other.getByRole('link', { name: 'See the cases of your team Housing and benefits' });
      await expectNoAxeViolations(other, 'the supervisor’s empty own worklist');
      await toTeam.focus();
      await other.keyboard.press('Enter');
      await expect.poll(() => new URL(other.url()).searchParams.get('scope')).toBe('team');
      await expect.poll(() => other.getByLabel('Whose worklist').inputValue()).toMatch(/^team:/);
      await expect
        .poll(() => rowRefs(other))
        .toEqual([refs.safeguarding, refs.amber, refs.green, refs.colleague]);
      await other.getByTestId('worklist').getByRole('columnheader', { name: 'Owner' }).waitFor();
      await rows(other).first().getByText('Ari Adviser').waitFor();
      await expectNoAxeViolations(other, 'the supervisor’s team worklist');

      await other.getByLabel('Whose worklist').selectOption({ label: 'Cam Colleague' });
      await expect.poll(() => rowRefs(other)).toEqual([refs.colleague]);
      expect(new URL(other.url()).searchParams.get('scope')).toBe('user');
      await context.close();
    });
  },
);
