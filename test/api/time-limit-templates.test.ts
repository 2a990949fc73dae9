/** Time-limit templates: the seeded list, admins' changes with field-named problems, and computing a date. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type {
  ComputedKeyDateResponse,
  TimeLimitTemplateListResponse,
  TimeLimitTemplateResponse,
} from '../../src/contract/time-limit-templates.ts';
import { DEFAULT_TIME_LIMIT_TEMPLATES, MUST_CONFIRM } from '../../src/domain/time-limits/templates.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const adviser = await insertUser(t.db, { orgId: org.id });
  const otherOrgAdmin = await insertUser(t.db, { roles: ['admin'], totp: true });
  return {
    org,
    admin,
    admin$: await signInAs(app, admin),
    adviser$: await signInAs(app, adviser),
    otherAdmin$: await signInAs(app, otherOrgAdmin),
  };
}

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const POSSESSION = {
  key: 'possession-claim-defence',
  name: 'County Court: defence to a possession claim',
  source: 'Civil Procedure Rules, r. 55.7(3) and r. 15.4',
  eventLabel: 'service of the claim form',
  rule: { kind: 'calendar-days', days: 14 },
  caution:
    'the defence should be filed within 14 days of service, but it can still be filed before the hearing.',
};

describe('time-limit templates', () => {
  it('lists the seeded templates, with the must-confirm sentence, to anyone signed in', async () => {
    const w = await world();
    const res = await send(w.adviser$, 'GET', '/api/time-limit-templates');
    expect(res.statusCode).toBe(200);
    const list = res.json<TimeLimitTemplateListResponse>();
    expect(list.mustConfirm).toBe(MUST_CONFIRM);
    expect(list.templates.map((x) => x.key)).toEqual(DEFAULT_TIME_LIMIT_TEMPLATES.map((x) => x.key));
    const defence = list.templates.find((x) => x.key === 'county-court-defence');
    expect(defence).toMatchObject({
      source: 'Civil Procedure Rules, r. 15.4 (England and Wales)',
      rule: { kind: 'calendar-days', days: 14 },
      alternative: {
        condition: 'an acknowledgment of service was filed',
        rule: { kind: 'calendar-days', days: 28 },
      },
      active: true,
      updatedBy: null,
    });
    expect(list.templates.find((x) => x.key === 'employment-tribunal-claim')?.rule).toEqual({
      kind: 'calendar-months',
      months: 3,
      lessOneDay: true,
    });
  });

  it('lets an admin add a template, audited, and refuses a key in use', async () => {
    const w = await world();
    const res = await send(w.admin$, 'POST', '/api/time-limit-templates', POSSESSION);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TimeLimitTemplateResponse>()).toMatchObject({
      ...POSSESSION,
      alternative: null,
      active: true,
      sortOrder: DEFAULT_TIME_LIMIT_TEMPLATES.length + 1,
      updatedBy: w.admin.id,
    });
    const [event] = await auditRows(w.org.id, 'time_limit_template.created');
    expect(event?.details).toEqual({ key: POSSESSION.key, ruleKind: 'calendar-days' });

    const again = await send(w.admin$, 'POST', '/api/time-limit-templates', POSSESSION);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TIME_LIMIT_TEMPLATE_KEY_TAKEN', field: 'key' });
    // Another organisation has its own keys.
    expect((await send(w.otherAdmin$, 'POST', '/api/time-limit-templates', POSSESSION)).statusCode).toBe(201);
  });

  it('names every problem of a template as a field', async () => {
    const w = await world();
    const res = await send(w.admin$, 'POST', '/api/time-limit-templates', {
      ...POSSESSION,
      key: 'Possession Defence',
      name: '  ',
      rule: { kind: 'calendar-days', days: 0 },
      alternative: { condition: '', rule: { kind: 'calendar-months', months: 1.5 } },
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json<{ code: string; field: string; errors: { field: string; message: string }[] }>();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.field).toBe('key');
    expect(problem.errors.map((e) => e.field)).toEqual([
      'key',
      'name',
      'rule.days',
      'alternative.condition',
      'alternative.rule.months',
    ]);

    const shape = await send(w.admin$, 'POST', '/api/time-limit-templates', {
      ...POSSESSION,
      rule: { kind: 'fortnights', count: 2 },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().field).toMatch(/^rule/);
  });

  it('lets an admin edit a template (never its key), audited with the fields changed', async () => {
    const w = await world();
    const { key: _key, ...body } = POSSESSION;
    const url = '/api/time-limit-templates/county-court-defence';
    const before = (await send(w.admin$, 'GET', '/api/time-limit-templates'))
      .json<TimeLimitTemplateListResponse>()
      .templates.find((x) => x.key === 'county-court-defence');
    if (!before) throw new Error('seeded template missing');
    const edited = await send(w.admin$, 'PUT', url, {
      name: before.name,
      source: before.source,
      eventLabel: before.eventLabel,
      rule: before.rule,
      alternative: before.alternative,
      caution: `${before.caution} Ask the client for the envelope.`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ key: 'county-court-defence', updatedBy: w.admin.id });
    const [event] = await auditRows(w.org.id, 'time_limit_template.updated');
    expect(event?.details).toEqual({ key: 'county-court-defence', fields: ['caution'] });

    const withoutAlternative = await send(w.admin$, 'PUT', url, { ...body, alternative: null });
    expect(withoutAlternative.json()).toMatchObject({ alternative: null, name: POSSESSION.name });

    const rekey = await send(w.admin$, 'PUT', url, { ...body, key: 'other' });
    expect(rekey.statusCode).toBe(400);
    expect(rekey.json().field).toBe('key');
    const invalid = await send(w.admin$, 'PUT', url, { ...body, source: ' ' });
    expect(invalid.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'source' });
    const missing = await send(w.admin$, 'PUT', '/api/time-limit-templates/no-such-template', body);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('TIME_LIMIT_TEMPLATE_NOT_FOUND');
    // Another organisation's admin cannot reach this organisation's copy: theirs is untouched.
    await send(w.otherAdmin$, 'PUT', url, body);
    const ours = (await send(w.admin$, 'GET', '/api/time-limit-templates'))
      .json<TimeLimitTemplateListResponse>()
      .templates.find((x) => x.key === 'county-court-defence');
    expect(ours?.alternative).toBeNull();
    expect(ours?.updatedBy).toBe(w.admin.id);
  });

  it('deactivates and activates templates; inactive ones are listed for admins only and not computed', async () => {
    const w = await world();
    const url = '/api/time-limit-templates/homelessness-review-request';
    const off = await send(w.admin$, 'POST', `${url}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await send(w.admin$, 'POST', `${url}/deactivate`)).statusCode).toBe(409);
    const active = (
      await send(w.adviser$, 'GET', '/api/time-limit-templates')
    ).json<TimeLimitTemplateListResponse>();
    expect(active.templates.map((x) => x.key)).not.toContain('homelessness-review-request');
    const all = (
      await send(w.admin$, 'GET', '/api/time-limit-templates?all=true')
    ).json<TimeLimitTemplateListResponse>();
    expect(all.templates.find((x) => x.key === 'homelessness-review-request')?.active).toBe(false);
    expect((await send(w.adviser$, 'GET', '/api/time-limit-templates?all=true')).statusCode).toBe(403);
    const compute = await send(w.adviser$, 'POST', `${url}/compute`, { eventDate: '2026-11-02' });
    expect(compute.statusCode).toBe(404);
    expect(compute.json().code).toBe('TIME_LIMIT_TEMPLATE_NOT_FOUND');

    expect((await send(w.admin$, 'POST', `${url}/activate`)).json().active).toBe(true);
    expect((await auditRows(w.org.id, 'time_limit_template.deactivated')).map((e) => e.details)).toEqual([
      { key: 'homelessness-review-request' },
    ]);
    expect(await auditRows(w.org.id, 'time_limit_template.activated')).toHaveLength(1);
  });

  it('refuses changes by anyone but an admin', async () => {
    const w = await world();
    const { key: _key, ...body } = POSSESSION;
    expect((await send(w.adviser$, 'POST', '/api/time-limit-templates', POSSESSION)).statusCode).toBe(403);
    expect(
      (await send(w.adviser$, 'PUT', '/api/time-limit-templates/county-court-defence', body)).statusCode,
    ).toBe(403);
    expect(
      (await send(w.adviser$, 'POST', '/api/time-limit-templates/county-court-defence/deactivate'))
        .statusCode,
    ).toBe(403);
  });

  it('works a date out with an explanation, the must-confirm warning and the source', async () => {
    const w = await world();
    const res = await send(
      w.adviser$,
      'POST',
      '/api/time-limit-templates/benefits-mandatory-reconsideration/compute',
      {
        eventDate: '2027-01-31',
      },
    );
    expect(res.statusCode).toBe(200);
    const computed = res.json<ComputedKeyDateResponse>();
    expect(computed).toMatchObject({
      templateKey: 'benefits-mandatory-reconsideration',
      eventDate: '2027-01-31',
      useAlternative: false,
      date: '2027-02-28',
      confirmRequired: true,
      nation: 'england-and-wales',
    });
    expect(computed.explanation).toContain('February 2027 has no 31st');
    expect(computed.warning.startsWith('Check this date yourself: ')).toBe(true);
    expect(computed.warning.endsWith(MUST_CONFIRM)).toBe(true);
    expect(computed.source).toContain('reg. 5');

    const defence = '/api/time-limit-templates/county-court-defence/compute';
    expect((await send(w.adviser$, 'POST', defence, { eventDate: '2026-11-02' })).json().date).toBe(
      '2026-11-16',
    );
    const acknowledged = await send(w.adviser$, 'POST', defence, {
      eventDate: '2026-11-02',
      useAlternative: true,
    });
    expect(acknowledged.json()).toMatchObject({ date: '2026-11-30', useAlternative: true });
    expect(acknowledged.json().explanation).toContain('an acknowledgment of service was filed');

    const noAlternative = await send(
      w.adviser$,
      'POST',
      '/api/time-limit-templates/benefits-mandatory-reconsideration/compute',
      { eventDate: '2027-01-31', useAlternative: true },
    );
    expect(noAlternative.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'useAlternative' });
    const badDate = await send(w.adviser$, 'POST', defence, { eventDate: '2026-02-30' });
    expect(badDate.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'eventDate' });
  });

  it('counts working-day limits in the organisation’s nation', async () => {
    const w = await world();
    await t.db.updateTable('organisations').set({ nation: 'scotland' }).where('id', '=', w.org.id).execute();
    const created = await send(w.admin$, 'POST', '/api/time-limit-templates', {
      ...POSSESSION,
      key: 'internal-reply',
      name: 'Internal: reply to the client',
      rule: { kind: 'working-days', days: 2 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await send(w.adviser$, 'POST', '/api/time-limit-templates/internal-reply/compute', {
      eventDate: '2026-11-27',
    });
    // Fri 27 Nov + 2 working days in Scotland: Mon 30 Nov is St Andrew's Day, so Wed 2 Dec.
    expect(res.json()).toMatchObject({ date: '2026-12-02', nation: 'scotland' });
    expect(res.json().explanation).toContain('Scotland');
  });
});
