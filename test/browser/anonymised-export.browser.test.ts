/**
 * The anonymised export in Chromium: an adviser opens their case, chooses the purpose, produces the
 * export and reads it on the page — the client's name, date of birth and phone number are gone, the
 * pseudonym is there, the restricted note is left out — and saves it as JSON. Axe on each state; the
 * screenshot is test-results/anonymised-export.png. No sleeps: it waits for what a person sees.
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
const SCREENSHOT = path.join(projectRoot, 'test-results', 'anonymised-export.png');

describe.skipIf(!chromiumAvailable)('anonymised export in Chromium (skipped: no /usr/bin/chromium)', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let page: Page;
  let adviser: Awaited<ReturnType<typeof insertUser>>;
  let caseId = '';

  beforeAll(async () => {
    const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
    const team = await insertTeam(t.db, { orgId: org.id, name: 'Benefits' });
    adviser = await insertUser(t.db, {
      orgId: org.id,
      email: 'nia@example.org',
      displayName: 'Nia Okonjo',
      team: { id: team.id, role: 'member' },
    });
    const client = await insertClient(t.db, {
      orgId: org.id,
      createdBy: adviser.id,
      legalName: 'Perpetua Gallowglass',
      dateOfBirth: '1958-06-30',
    });
    caseId = (
      await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id, clientId: client.id })
    ).id;
    const note = (facts: string, sensitivity: 'normal' | 'restricted') => ({
      org_id: org.id,
      case_id: caseId,
      author_id: adviser.id,
      status: 'filed' as const,
      type: 'contact' as const,
      contact_channel: 'phone' as const,
      occurred_at: new Date(Date.now() - 3_600_000),
      recorded_at: new Date(),
      facts,
      sensitivity,
      amends_note_id: null,
      amendment_reason: null,
    });
    await t.db
      .insertInto('notes')
      .values([
        note('Perpetua Gallowglass (DOB 30/06/1958) rang from 07700 900777 about her PIP award.', 'normal'),
        note('Mrs Gallowglass disclosed something private.', 'restricted'),
      ])
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

  it('produces the export of the case, shows it for review, and saves it', async () => {
    await signInOnPage(page, base, adviser);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(`${base}/cases/${caseId}`);
    const section = page.getByRole('region', { name: 'Anonymised export' });
    await section.waitFor();
    await expectNoAxeViolations(page, 'case page with the anonymised export section');

    await section.getByRole('radio', { name: /Evidence portfolio/ }).check();
    await section.getByRole('button', { name: 'Produce anonymised export' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Anonymised export ready to review below: 1 note; 1 restricted note left out.' })
      .waitFor();
    const preview = section.locator('.anonymised-preview');
    await preview
      .getByText(
        'Facts: Client A (DOB [date of birth removed; aged 60–69]) rang from [phone removed] about her PIP award.',
        { exact: false },
      )
      .waitFor();
    const text = (await preview.textContent()) ?? '';
    for (const identifier of ['Perpetua', 'Gallowglass', '1958', '07700', 'Nia Okonjo', 'private']) {
      expect(text).not.toContain(identifier);
    }
    expect(text).toContain('aged 60–69');
    await expectNoAxeViolations(page, 'anonymised export ready for review');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Save as JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^anonymised-export-\d{4}-\d{2}-\d{2}\.json$/);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await section.getByRole('heading', { name: 'Anonymised export' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });
});
