/**
 * Assessing a case in Chromium: an adviser opens a case, assesses it with a live preview of the
 * policy's band, overrides the band (refused first without the override's own rationale, the error
 * beside the field), sees "overridden" in the priority panel and the summary, the resources warning
 * of a red case, sets allocated hours, adds a specialist — axe on every state, no sleeps.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { projectRoot } from '../../src/config.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { expectNoAxeViolations } from './axe.ts';
import { chromiumAvailable, launchBrowser, listenForBrowser, signInOnPage } from './browser.ts';

const t = setupTestDatabase();
const SCREENSHOT = path.join(projectRoot, 'test-results', 'priority-panel.png');
const OVERRIDE_REASON = 'Bailiffs booked for Monday; the letter is not on file yet.';

describe.skipIf(!chromiumAvailable)('assessing a case in Chromium (skipped: no /usr/bin/chromium)', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let page: Page;
  let adviser: Awaited<ReturnType<typeof insertUser>>;
  let caseId = '';

  beforeAll(async () => {
    const org = await insertOrganisation(t.db, { name: 'Riverside Advice' });
    const team = await insertTeam(t.db, { orgId: org.id, name: 'Housing and benefits' });
    adviser = await insertUser(t.db, {
      orgId: org.id,
      email: 'ari@example.org',
      displayName: 'Ari Adviser',
      team: { id: team.id, role: 'member' },
    });
    await insertUser(t.db, {
      orgId: org.id,
      email: 'dana@example.org',
      displayName: 'Dana Debt',
      team: { id: team.id, role: 'member' },
    });
    caseId = (await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: team.id })).id;
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
  const priority = () => page.getByRole('region', { name: 'Priority' });
  const resources = () => page.getByRole('region', { name: 'Resources' });
  /** The texts a field's aria-describedby points to (its description and its error). */
  const describedBy = (id: string) =>
    page.evaluate((fieldId) => {
      const field = document.getElementById(fieldId);
      const ids = (field?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return ids.map((i) => document.getElementById(i)?.textContent ?? '').join(' | ');
    }, id);

  it('opens the case: not assessed yet', async () => {
    await signInOnPage(page, base, adviser);
    await h1('My caseload').waitFor();
    await page.goto(`${base}/cases/${caseId}`);
    await priority().getByText('Not assessed yet.').waitFor();
    await expectNoAxeViolations(page, 'case page, not assessed');
  });

  it('previews the band live as the judgements change', async () => {
    await priority().getByRole('button', { name: 'Assess priority' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('prio-vulnerability');
    const preview = priority().getByRole('status').filter({ hasText: 'What the policy gives' });
    await preview.getByText('Green: nothing raises its priority').waitFor();
    await page.getByLabel('Client vulnerability').selectOption({ label: '2 – significant' });
    await page.getByLabel('Impact if not actioned').selectOption({ label: 'Loss of home' });
    // 20 (vulnerability 2) + 35 (loss of home) = 55: amber.
    await preview.getByText('55 points').waitFor();
    await preview.getByText('Amber', { exact: true }).waitFor();
    await priority()
      .getByLabel('Override the policy’s band (optional)')
      .getByRole('option', { name: 'No: keep amber' })
      .waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'assessment form with a preview');
  });

  it('refuses an override without its own rationale, saying so beside the field', async () => {
    await page.getByLabel('Your rationale').fill('Possession hearing listed; client has two children.');
    await page.getByLabel('Override the policy’s band (optional)').selectOption('red');
    await page.getByLabel('Why override the policy?').waitFor();
    await page.getByRole('button', { name: 'Save assessment' }).click();
    const message = 'Say why you are overriding the band: a rationale is required.';
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: message }).waitFor();
    await expect.poll(() => describedBy('prio-override-rationale')).toContain(message);
    expect(await page.locator('#prio-override-rationale').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'assessment form with an override error');
    // The error's link takes the person to the field.
    await summary.getByRole('link', { name: message }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('prio-override-rationale');
  });

  it('saves the override: shown as an override in the panel and the summary (screenshot)', async () => {
    await page.getByLabel('Why override the policy?').fill(OVERRIDE_REASON);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await status('Assessment saved.').waitFor();
    const current = priority().getByTestId('priority-current');
    await current.getByText('Red', { exact: true }).waitFor();
    await current.getByText('overridden from amber', { exact: true }).waitFor();
    await current.getByText(`Red, overridden from amber: ${OVERRIDE_REASON}`).waitFor();
    await current.getByText('Possession hearing listed; client has two children.').waitFor();
    await current.getByText(/by Ari Adviser/).waitFor();
    await current.getByText('55 points (default policy, version 0)').waitFor();
    const summary = page.getByRole('region', { name: 'Summary' });
    await summary.getByText('overridden from amber', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'case page with an overridden band');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('#priority').screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });

  it('warns about a red case without allocated time, then sets the allocated hours', async () => {
    const warning = resources().getByTestId('resources-warning');
    await warning.getByText('Warning: this red case lacks resources').waitFor();
    await warning.getByText('No next action with a due date', { exact: true }).waitFor();
    await warning.getByText('No time allocated', { exact: true }).waitFor();
    await resources().getByRole('button', { name: 'Change hours' }).click();
    await page.getByLabel('Allocated time (hours)').fill('6.3');
    await page.getByRole('button', { name: 'Save hours' }).click();
    const problem = 'Give the allocated time in quarter hours (for example 1.25 or 2.5)';
    await expect.poll(() => describedBy('res-allocated')).toContain(problem);
    await page.getByLabel('Allocated time (hours)').fill('6.5');
    await page.getByLabel('Estimated effort (hours)').fill('4');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await status('Hours saved.').waitFor();
    await resources().getByText('6.5 hours', { exact: true }).waitFor();
    await resources().getByText('4 hours of work still needed').waitFor();
    await warning.getByText('No time allocated', { exact: true }).waitFor({ state: 'detached' });
    await warning.getByText('No next action with a due date', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'case page with allocated hours');
  });

  it('adds a specialist from the colleagues of the organisation', async () => {
    await resources().getByRole('button', { name: 'Add a specialist' }).click();
    const colleague = resources().getByLabel('Colleague', { exact: true });
    await colleague.getByRole('option', { name: /Dana Debt/ }).waitFor({ state: 'attached' });
    await colleague.selectOption({ label: 'Dana Debt (Housing and benefits)' });
    await page.getByLabel('Role on this case').fill('Debt specialist');
    await page.getByRole('button', { name: 'Add specialist' }).click();
    await status('Specialist added; the case is shared with them.').waitFor();
    await resources().getByText('Dana Debt — Debt specialist').waitFor();
    await expectNoAxeViolations(page, 'case page with a specialist');
  });

  it('keeps the earlier assessments in the priority history', async () => {
    await priority().getByRole('button', { name: 'Assess priority' }).click();
    await page.getByLabel('Your rationale').fill('Hearing adjourned; reviewed with the client.');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await status('Assessment saved.').waitFor();
    await priority().getByTestId('priority-current').getByText('Amber', { exact: true }).waitFor();
    await priority().getByText('Priority history (1 earlier)').click();
    const history = priority().getByRole('listitem').filter({ hasText: OVERRIDE_REASON });
    await history.getByText('overridden from amber', { exact: true }).waitFor();
    await history.getByText(/by Ari Adviser/).waitFor();
    await expectNoAxeViolations(page, 'case page with the priority history open');
  });
});
