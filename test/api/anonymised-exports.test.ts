/**
 * The anonymised export through the API, on the shared data-protection seeder (one client in every
 * table, identifiers inside free text) plus a note of our own with every other kind of identifier:
 * none of them may be in the export, the same person keeps one pseudonym across notes and cases,
 * restricted notes are left out, others are refused, and each case's export is audited with counts.
 */
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { App } from '../../src/api/app.ts';
import type { AnonymisedExport } from '../../src/contract/anonymised-exports.ts';
import { calendarDateIn, calendarDaysBetween } from '../../src/domain/time/calendar.ts';
import { buildTestApp, type SignedIn, signInAs, TestClock } from '../app.ts';
import {
  CLIENT_MARKERS,
  type SeededClient,
  seedClientEverywhere,
} from '../data-protection/client-everywhere.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertTeam, insertUser, TEST_PASSWORD } from '../factories.ts';

const t = setupTestDatabase();
const clock = new TestClock(new Date());
let sharedApp: Promise<App> | undefined;
const getApp = () => (sharedApp ??= buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

type Login = { id: string; email: string; password: string; totpSecret?: string | null };
const sessions = new Map<string, Promise<SignedIn>>();
async function send(user: Login, url: string, payload: object) {
  const app = await getApp();
  const s = sessions.get(user.id) ?? signInAs(app, user, { clock });
  sessions.set(user.id, s);
  const session = await s;
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload,
  });
}

/** Every kind of identifier the seeder does not already write, in one filed note of the closed case. */
const EXTRA = {
  nhs: '943 476 5919',
  sortCode: '20-00-00',
  account: '55678901',
  dwpRef: 'UC/2026/00471234',
  url: 'https://www.facebook.com/zebedee.quillfeather',
  landline: '0114 496 0000',
  street: '7 Wharncliffe Road',
  nephew: 'Barnaby',
} as const;

let world:
  | Promise<{
      seeded: SeededClient;
      owner: Login & { displayName: string };
      extraNoteFacts: string;
    }>
  | undefined;
const getWorld = () => (world ??= makeWorld());

async function makeWorld() {
  const seeded = await seedClientEverywhere(t.db);
  const ownerRow = await t.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('id', '=', seeded.ownerId)
    .executeTakeFirstOrThrow();
  const M = CLIENT_MARKERS;
  const extraNoteFacts =
    `ZEBEDEE rang again: Zebedee's nephew ${EXTRA.nephew} and Mr Quillfeather's GP (NHS ${EXTRA.nhs}). ` +
    `Bank sort code ${EXTRA.sortCode}, account ${EXTRA.account}; DWP ref ${EXTRA.dwpRef}; ` +
    `NI ${M.niNumber.replace(/\s/g, '')}; mobile +44 ${M.phone.slice(1)}; landline ${EXTRA.landline}; ` +
    `profile ${EXTRA.url}; old address ${EXTRA.street}, Exeter ${M.postcode.toLowerCase()}. ` +
    `Hearing on 14 March 2026 at the Employment Tribunal about Universal Credit. ${ownerRow.display_name} attended.`;
  await t.db
    .insertInto('notes')
    .values({
      org_id: seeded.orgId,
      case_id: seeded.closedCaseId,
      author_id: seeded.ownerId,
      status: 'filed',
      type: 'contact',
      contact_channel: 'phone',
      occurred_at: new Date(Date.now() - 22 * 86_400_000),
      recorded_at: new Date(Date.now() - 22 * 86_400_000),
      facts: extraNoteFacts,
      advice: `Told ${M.preferredName} the appeal may take months.`,
      actions_agreed: '',
      judgement: '',
      goal_ids: [],
      action_ids: [],
    })
    .execute();
  return {
    seeded,
    owner: {
      id: ownerRow.id,
      email: ownerRow.email,
      password: TEST_PASSWORD,
      displayName: ownerRow.display_name,
    },
    extraNoteFacts,
  };
}

const squash = (s: string) => s.toLowerCase().replace(/[\s-]/g, '');

describe('POST /api/anonymised-exports', () => {
  it('contains none of the identifiers of the test corpus', async () => {
    const { seeded, owner } = await getWorld();
    const res = await send(owner, '/api/anonymised-exports', {
      caseIds: [...seeded.caseIds],
      purpose: 'evidence-portfolio',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.body.toLowerCase();
    const M = CLIENT_MARKERS;
    const identifiers = [
      M.legalName,
      M.surname,
      'Zebedee',
      M.preferredName,
      'Quill',
      M.dateOfBirth,
      M.dateOfBirthText,
      '1961',
      M.niNumber,
      M.phone,
      M.email,
      M.address,
      'Larkspur',
      M.postcode,
      M.familyMember,
      'Marigold',
      M.thirdParty,
      'Ottoline',
      'Brackenbury',
      M.safePhone,
      seeded.references.open,
      seeded.references.closed,
      owner.displayName,
      owner.email,
      ...Object.values(EXTRA),
      'Wharncliffe',
      '14 March 2026',
    ];
    for (const identifier of identifiers) {
      expect(body, identifier).not.toContain(identifier.toLowerCase());
      if (/\d/.test(identifier)) expect(squash(res.body), identifier).not.toContain(squash(identifier));
    }
    // …while the text stays readable.
    for (const kept of [
      'Employment Tribunal',
      'Universal Credit',
      'mandatory reconsideration',
      'may take months',
    ]) {
      expect(res.body).toContain(kept);
    }
  });

  it('gives the same person the same pseudonym across notes and cases, and leaves restricted notes out', async () => {
    const { seeded, owner } = await getWorld();
    const res = await send(owner, '/api/anonymised-exports', {
      caseIds: [...seeded.caseIds],
      purpose: 'training',
    });
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json<AnonymisedExport>();
    expect(x.purpose).toBe('training');
    expect(x.cases.map((c) => c.label).sort()).toEqual(['Case 1', 'Case 2']);
    const [first, second] = x.cases;
    const client = first?.client.pseudonym ?? '';
    expect(client).toMatch(/^Client [A-Z]$/);
    expect(second?.client.pseudonym).toBe(client);
    expect(second?.adviser).toBe(first?.adviser);
    expect(first?.adviser).toMatch(/^Staff member \d+$/);

    const open = x.cases.find((c) => c.notes.length === 2);
    const closed = x.cases.find((c) => c.notes.length === 1);
    // The filed note and its amendment (two notes), and the closed case's note and presenting issue.
    expect(open?.notes[0]?.facts).toContain(
      `${client} (born [date of birth removed; aged 60–69]) rang from [phone removed]`,
    );
    expect(open?.notes.find((n) => n.isAmendment)?.facts).toBe(
      `${client} rang from [phone removed]; lives at [address removed].`,
    );
    expect(open?.notes.find((n) => n.isAmendment)?.amendmentReason).toBe(`Address of ${client} was missing.`);
    expect(closed?.presentingIssue).toBe(`Council tax arrears for ${client}; call [phone removed].`);
    expect(closed?.notes[0]?.facts).toContain(`${client} rang again: ${client}'s nephew [name removed]`);
    expect(closed?.outcomeDetails).toBe(`${client}'s arrears were written off.`);
    const closedRow = await t.db
      .selectFrom('cases')
      .select(['opened_at', 'closed_at'])
      .where('id', '=', seeded.closedCaseId)
      .executeTakeFirstOrThrow();
    const day = (d: Date) => calendarDateIn(d, 'Europe/London');
    expect(closed?.closedDay).toBe(
      calendarDaysBetween(day(closedRow.opened_at), day(closedRow.closed_at ?? new Date(0))),
    );
    expect(first?.client.ageBandAtOpening).toBe('60–69');

    // The restricted note is left out, only counted; the draft is not a filed note.
    expect(open?.restrictedNotesLeftOut).toBe(1);
    expect(res.body).not.toContain('disclosed abuse');
    expect(res.body).not.toContain('Risk high');
    expect(res.body).not.toContain('hearing bundle');
    expect(x.replacements.name).toBeGreaterThan(5);
  });

  it('audits each case with the export id, purpose and counts — never content', async () => {
    const { seeded, owner } = await getWorld();
    const before = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('org_id', '=', seeded.orgId)
      .where('action', '=', 'cases.anonymised_export')
      .execute();
    const res = await send(owner, '/api/anonymised-exports', {
      caseIds: [seeded.openCaseId],
      purpose: 'quality-audit',
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'entity_type', 'entity_id', 'details'])
      .where('org_id', '=', seeded.orgId)
      .where('action', '=', 'cases.anonymised_export')
      .orderBy('seq')
      .execute();
    const row = rows[before.length];
    expect(rows).toHaveLength(before.length + 1);
    expect(row).toMatchObject({ actor_id: owner.id, entity_type: 'case', entity_id: seeded.openCaseId });
    expect(row?.details).toEqual({
      exportId: res.json<AnonymisedExport>().exportId,
      purpose: 'quality-audit',
      caseCount: 1,
      notes: 2,
      restrictedNotesLeftOut: 1,
      actions: expect.any(Number),
      goals: expect.any(Number),
      keyDates: expect.any(Number),
    });
  });

  it('refuses cases the requester may not view, auditors, and bad requests — and exports nothing', async () => {
    const { seeded, owner } = await getWorld();
    const otherTeam = await insertTeam(t.db, { orgId: seeded.orgId });
    const stranger = await insertUser(t.db, {
      orgId: seeded.orgId,
      team: { id: otherTeam.id, role: 'member' },
    });
    const ownClient = await insertClient(t.db, { orgId: seeded.orgId, createdBy: stranger.id });
    const own = await insertCase(t.db, {
      orgId: seeded.orgId,
      ownerId: stranger.id,
      teamId: otherTeam.id,
      clientId: ownClient.id,
    });
    const auditor = await insertUser(t.db, { orgId: seeded.orgId, roles: ['auditor'], totp: true });
    const count = async () =>
      (
        await t.db
          .selectFrom('audit_events')
          .select('seq')
          .where('org_id', '=', seeded.orgId)
          .where('action', '=', 'cases.anonymised_export')
          .execute()
      ).length;
    const audited = await count();

    // One unseen case refuses the whole export (404, as if it did not exist).
    const mixed = await send(stranger, '/api/anonymised-exports', {
      caseIds: [own.id, seeded.openCaseId],
      purpose: 'evidence-portfolio',
    });
    expect(mixed.statusCode).toBe(404);
    expect(mixed.json()).toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(mixed.body).not.toContain('Client');

    const byAuditor = await send(auditor, '/api/anonymised-exports', {
      caseIds: [seeded.openCaseId],
      purpose: 'quality-audit',
    });
    expect(byAuditor.statusCode).toBe(403);
    expect(byAuditor.json()).toMatchObject({ code: 'FORBIDDEN' });

    const noCases = await send(owner, '/api/anonymised-exports', { caseIds: [], purpose: 'training' });
    expect(noCases.statusCode).toBe(400);
    expect(noCases.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'caseIds' });
    const badPurpose = await send(owner, '/api/anonymised-exports', {
      caseIds: [seeded.openCaseId],
      purpose: 'marketing',
    });
    expect(badPurpose.statusCode).toBe(400);
    expect(badPurpose.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'purpose' });

    expect(await count()).toBe(audited);

    // The stranger's own case is theirs to export.
    const mine = await send(stranger, '/api/anonymised-exports', {
      caseIds: [own.id],
      purpose: 'evidence-portfolio',
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(await count()).toBe(audited + 1);
  });

  it('gives a ZIP with export.json and a readable export.pdf', async () => {
    const { seeded, owner } = await getWorld();
    const res = await send(owner, '/api/anonymised-exports.zip', {
      caseIds: [...seeded.caseIds],
      purpose: 'training',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(['export.json', 'export.pdf']);
    const json = files.get('export.json')?.toString('utf8') ?? '';
    expect(JSON.parse(json).cases).toHaveLength(2);
    expect(json.toLowerCase()).not.toContain('quillfeather');
    expect(files.get('export.pdf')?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
