/**
 * Subject access and rectification through the API. One client seeded into every table
 * (test/data-protection/client-everywhere.ts); the export is checked table by table against the
 * seeder's ids, third-party names are flagged, restricted notes wait for a recorded decision, due
 * dates follow the ICO rule, and the audit log holds ids and counts — never content.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { App } from '../../src/api/app.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { appendAuditEvents } from '../../src/store/audit.ts';
import { buildTestApp, type SignedIn, signInAs, TestClock } from '../app.ts';
import {
  CLIENT_MARKERS,
  type SeededClient,
  seedClientEverywhere,
} from '../data-protection/client-everywhere.ts';
import { setupTestDatabase } from '../db.ts';
import { insertClient, insertOrganisation, insertUser, TEST_PASSWORD } from '../factories.ts';
import { eventually } from '../smtp.ts';

const t = setupTestDatabase();
const clock = new TestClock(new Date('2026-11-30T10:00:00Z'));

type User = Awaited<ReturnType<typeof insertUser>>;
let app: App;
let seeded: SeededClient;
let users: { auditor: User; admin: User; owner: User; supervisor: User; otherOrgAuditor: User };
const sessions = new Map<string, SignedIn>();
let restrictedAmendment = '';

async function as(user: User, method: 'GET' | 'POST', url: string, payload?: object) {
  let s = sessions.get(user.id);
  if (!s) {
    s = await signInAs(app, user, { clock });
    sessions.set(user.id, s);
  }
  return app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    ...(payload ? { payload } : {}),
  });
}

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

const sorted = (xs: readonly (string | number)[]) => [...xs].map(String).sort();
type Row = Record<string, unknown>;
const idsOf = (rows: Row[] | undefined, key = 'id') => sorted((rows ?? []).map((r) => r[key] as string));

const auditOf = (action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', seeded.orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const register = (user: User, body: object) => as(user, 'POST', '/api/subject-access-requests', body);
const sarBody = (receivedOn: string) => ({
  clientId: seeded.clientId,
  receivedOn,
  requester: { kind: 'client' },
  identityVerified: true,
  identityEvidence: 'Passport seen at the office',
});

beforeAll(async () => {
  seeded = await seedClientEverywhere(t.db);
  app = await buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } });
  const other = await insertOrganisation(t.db);
  const owner = await t.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', seeded.ownerId)
    .executeTakeFirstOrThrow();
  users = {
    auditor: await insertUser(t.db, {
      orgId: seeded.orgId,
      roles: ['auditor'],
      displayName: 'Dana Protection',
    }),
    admin: await insertUser(t.db, { orgId: seeded.orgId, roles: ['admin'], totp: true }),
    // The seeder's adviser signs in with the factory's password.
    owner: { ...owner, password: TEST_PASSWORD, totpSecret: null },
    supervisor: await insertUser(t.db, {
      orgId: seeded.orgId,
      roles: ['supervisor', 'adviser'],
      totp: true,
      team: { id: seeded.teamId, role: 'supervisor' },
    }),
    otherOrgAuditor: await insertUser(t.db, { orgId: other.id, roles: ['auditor'] }),
  };
  // Another client of the organisation, named in a note of our client: a third party known to the system.
  await insertClient(t.db, {
    orgId: seeded.orgId,
    createdBy: seeded.ownerId,
    legalName: 'Peregrine Oddfellow',
  });
  await t.db
    .insertInto('notes')
    .values({
      org_id: seeded.orgId,
      case_id: seeded.openCaseId,
      author_id: seeded.ownerId,
      status: 'filed',
      type: 'file-note',
      contact_channel: null,
      occurred_at: new Date('2026-11-20T09:00:00Z'),
      recorded_at: new Date('2026-11-20T09:05:00Z'),
      facts: `Discussed with ${owner.display_name}; Peregrine Oddfellow was in the waiting room.`,
      amends_note_id: null,
      amendment_reason: null,
    })
    .execute();
  // An amendment of the restricted note, itself marked normal: it copies the restricted content.
  restrictedAmendment = (
    await t.db
      .insertInto('notes')
      .values({
        org_id: seeded.orgId,
        case_id: seeded.openCaseId,
        author_id: seeded.ownerId,
        status: 'filed',
        type: 'safeguarding',
        contact_channel: null,
        occurred_at: new Date('2026-11-21T09:00:00Z'),
        recorded_at: new Date('2026-11-21T09:05:00Z'),
        facts: 'Copied from the restricted note, with the date corrected.',
        amends_note_id: seeded.ids.notes.restricted,
        amendment_reason: 'Wrong date',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

describe('subject access register', () => {
  it('computes the due date by the ICO rule and says it in words', async () => {
    const leap = await register(users.auditor, sarBody('2025-01-31'));
    expect(leap.statusCode, leap.body).toBe(201);
    expect(leap.json()).toMatchObject({
      status: 'received',
      dueOn: '2025-02-28',
      client: { id: seeded.clientId, name: CLIENT_MARKERS.legalName },
      due: { state: 'overdue' },
    });
    expect(leap.json().due.words).toMatch(/^Overdue by \d+ days \(due 28 Feb 2025\)$/);
    // 28 Feb 2026 is a Saturday: the next working day.
    const weekend = await register(users.admin, sarBody('2026-01-31'));
    expect(weekend.json().dueOn).toBe('2026-03-02');
    const recent = await register(users.auditor, sarBody('2026-11-27'));
    expect(recent.json().due).toEqual({ state: 'due', words: 'Due in 29 days (29 Dec 2026)', daysLeft: 29 });
    // 27 Dec 2026 is a Sunday, 28 Dec the Boxing Day substitute holiday.
    expect(recent.json().dueOn).toBe('2026-12-29');
  });

  it('extends once, within the first month, and closes with a reason when refused', async () => {
    const id = (await register(users.auditor, sarBody('2025-01-31'))).json().id as string;
    const late = await as(users.auditor, 'POST', `/api/subject-access-requests/${id}/extend`, {
      reason: 'Records held in three services',
      noticeSentOn: '2025-03-03',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'noticeSentOn' });
    const ok = await as(users.auditor, 'POST', `/api/subject-access-requests/${id}/extend`, {
      reason: 'Records held in three services',
      noticeSentOn: '2025-02-20',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'extended',
      originalDueOn: '2025-02-28',
      dueOn: '2025-04-30',
      extension: {
        reason: 'Records held in three services',
        noticeSentOn: '2025-02-20',
        dueOn: '2025-04-30',
      },
    });
    const again = await as(users.auditor, 'POST', `/api/subject-access-requests/${id}/extend`, {
      reason: 'More',
      noticeSentOn: '2025-02-21',
    });
    expect(again.statusCode).toBe(409);
    const noReason = await as(users.auditor, 'POST', `/api/subject-access-requests/${id}/complete`, {
      outcome: 'refused',
      on: '2025-03-01',
    });
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const refused = await as(users.auditor, 'POST', `/api/subject-access-requests/${id}/complete`, {
      outcome: 'refused',
      on: '2025-03-01',
      reason: 'Manifestly excessive: repeats a request answered last month',
    });
    expect(refused.json()).toMatchObject({
      status: 'refused',
      closedOn: '2025-03-01',
      due: { state: 'closed' },
    });
  });

  it('asks a representative for their name and authority, and refuses a future date', async () => {
    const rep = await register(users.auditor, {
      ...sarBody('2026-11-20'),
      requester: { kind: 'representative' },
    });
    expect(rep.statusCode).toBe(400);
    expect(rep.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['requester.name', 'requester.authority']),
    );
    const future = await register(users.auditor, sarBody('2026-12-01'));
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'receivedOn' });
    const noEvidence = await register(users.auditor, {
      ...sarBody('2026-11-20'),
      identityEvidence: undefined,
    });
    expect(noEvidence.json()).toMatchObject({ field: 'identityEvidence' });
  });

  it('is only for auditors and admins; another organisation sees nothing', async () => {
    const id = (await register(users.auditor, sarBody('2026-11-20'))).json().id as string;
    for (const user of [users.owner, users.supervisor]) {
      expect((await as(user, 'GET', '/api/subject-access-requests')).statusCode).toBe(403);
      expect((await as(user, 'GET', `/api/subject-access-requests/${id}/export`)).statusCode).toBe(403);
      expect((await register(user, sarBody('2026-11-20'))).statusCode).toBe(403);
    }
    const other = await as(users.otherOrgAuditor, 'GET', `/api/subject-access-requests/${id}`);
    expect(other.statusCode).toBe(404);
    expect(
      (await as(users.otherOrgAuditor, 'GET', `/api/subject-access-requests/${id}/export`)).statusCode,
    ).toBe(404);
    expect((await register(users.otherOrgAuditor, sarBody('2026-11-20'))).json()).toMatchObject({
      code: 'CLIENT_NOT_FOUND',
      field: 'clientId',
    });
    const list = await as(users.otherOrgAuditor, 'GET', '/api/subject-access-requests');
    expect(list.json().requests).toEqual([]);
    const denied = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', seeded.orgId)
      .where('actor_id', '=', users.owner.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });
});

describe('finding the client', () => {
  it('searches every client of the organisation for the DPO, auditing the count only', async () => {
    const res = await as(users.auditor, 'GET', '/api/subject-access-requests/client-lookup?q=quillfeather');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().clients).toEqual([
      {
        id: seeded.clientId,
        legalName: CLIENT_MARKERS.legalName,
        preferredName: CLIENT_MARKERS.preferredName,
        dateOfBirth: CLIENT_MARKERS.dateOfBirth,
        caseReferences: [seeded.references.closed, seeded.references.open].sort(),
      },
    ]);
    const byDob = await as(
      users.admin,
      'GET',
      `/api/subject-access-requests/client-lookup?q=${CLIENT_MARKERS.dateOfBirth}`,
    );
    expect(byDob.json().clients.map((c: Row) => c.id)).toEqual([seeded.clientId]);
    expect((await auditOf('subject_access.client_lookup')).at(0)?.details).toEqual({ count: 1 });
    expect(
      (
        await as(users.otherOrgAuditor, 'GET', '/api/subject-access-requests/client-lookup?q=quillfeather')
      ).json(),
    ).toEqual({ clients: [] });
  });
});

describe('subject access export', () => {
  let sarId: string;
  let files: Map<string, Buffer>;
  let data: {
    client: Row;
    sections: Record<string, Row[]>;
    withheld: { restrictedNotes: Row[] };
    staff: Row[];
  };

  /** A retention extension of the closed case (the seeder writes none). */
  let retentionExtension = '';

  beforeAll(async () => {
    const closed = await t.db
      .updateTable('cases')
      .set({ destruction_due_on: '2032-11-01' })
      .where('id', '=', seeded.closedCaseId)
      .returning('destruction_due_on')
      .executeTakeFirstOrThrow();
    retentionExtension = (
      await t.db
        .insertInto('retention_extensions')
        .values({
          org_id: seeded.orgId,
          case_id: seeded.closedCaseId,
          previous_on: '2031-11-01',
          until: closed.destruction_due_on ?? '2032-11-01',
          reason: 'Legal claim pending',
          extended_by: users.auditor.id,
          extended_at: new Date('2026-11-22T10:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    sarId = (await register(users.auditor, sarBody('2026-11-25'))).json().id;
    const res = await as(users.auditor, 'GET', `/api/subject-access-requests/${sarId}/export`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    files = await unzip(res.rawPayload);
    data = JSON.parse(String(files.get('data.json')));
  });

  it('holds data.json, report.pdf, redaction-review.json and the documents', () => {
    expect([...files.keys()].filter((f) => !f.startsWith('documents/')).sort()).toEqual([
      'data.json',
      'redaction-review.json',
      'report.pdf',
    ]);
    expect(String(files.get('report.pdf')?.subarray(0, 5))).toBe('%PDF-');
  });

  it('contains every item about the client, table by table', () => {
    const s = data.sections;
    const ids = seeded.ids;
    expect(data.client.id).toBe(seeded.clientId);
    expect(data.client.legalName).toBe(CLIENT_MARKERS.legalName);
    expect(idsOf(s.consents)).toEqual(sorted(Object.values(ids.consents)));
    expect(idsOf(s.cases)).toEqual(sorted(ids.cases));
    expect(idsOf(s.clientFieldHistory)).toEqual(sorted(ids.fieldChanges.client));
    expect(idsOf(s.caseFieldHistory)).toEqual(sorted(ids.fieldChanges.case));
    expect(idsOf(s.caseFlags)).toEqual(sorted(ids.caseFlags));
    expect(idsOf(s.caseShares)).toEqual(sorted(ids.caseShares));
    expect(idsOf(s.goals)).toEqual(sorted(ids.goals));
    expect(idsOf(s.goalProgress)).toEqual(sorted(ids.goalProgress));
    expect(idsOf(s.actions)).toEqual(sorted(ids.actions));
    expect(idsOf(s.obstacles)).toEqual(sorted(ids.obstacles));
    expect(idsOf(s.keyDates)).toEqual(sorted(ids.keyDates));
    expect(idsOf(s.documents)).toEqual(sorted(ids.documents));
    // The real re-assessment may notify too: every seeded notification must be there.
    expect(idsOf(s.notifications)).toEqual(expect.arrayContaining(sorted(ids.notifications)));
    expect(idsOf(s.assessments)).toEqual(expect.arrayContaining(sorted(ids.assessments)));
    expect(idsOf(s.caseSpecialists)).toEqual(sorted(ids.caseSpecialists));
    expect(idsOf(s.caseComplexityFactors, 'factorId')).toEqual(sorted(ids.caseComplexityFactors));
    expect(idsOf(s.caseloadReviews)).toEqual(sorted(ids.caseloadReviews));
    expect(idsOf(s.reviewCases)).toEqual(sorted(ids.reviewCases));
    expect(idsOf(s.fileReviews)).toEqual(sorted(ids.fileReviews));
    expect(idsOf(s.fileReviewAnswers, 'itemId')).toEqual(sorted(ids.fileReviewAnswers));
    expect(idsOf(s.correctiveActions)).toEqual(sorted(ids.correctiveActions));
    expect(idsOf(s.caseHandovers)).toEqual(sorted(ids.caseHandovers));
    expect(idsOf(s.referrals)).toEqual(sorted(ids.referrals));
    expect(idsOf(s.sharingRecords)).toEqual(sorted(ids.sharingRecords));
    expect(idsOf(s.financialOutcomes)).toEqual(sorted(ids.financialOutcomes));
    expect(idsOf(s.alertsSent, 'subjectKey')).toEqual(expect.arrayContaining(sorted(ids.alertsSent)));
    expect(idsOf(s.auditEvents, 'seq')).toEqual(expect.arrayContaining(sorted(ids.auditEvents)));
    // Notes with their amendments (and the draft); the restricted note waits for a decision.
    const notes = idsOf(s.notes);
    expect(notes).toEqual(expect.arrayContaining([ids.notes.filed, ids.notes.amendment, ids.notes.draft]));
    expect(notes).not.toContain(ids.notes.restricted);
    expect(s.notes?.find((n) => n.id === ids.notes.amendment)?.amendsNoteId).toBe(ids.notes.filed);
  });

  it('contains the client’s rows of the data-protection tables too (0600–0630)', () => {
    const s = data.sections;
    const ids = seeded.ids;
    // Consent renewals keep their link to the consent they renew.
    expect(s.consents?.find((c) => c.id === ids.consents.renewal)?.renewsConsentId).toBe(
      ids.consents.recording,
    );
    // Equality monitoring answers are the client's own data: their one row, every answer.
    expect(idsOf(s.equalityMonitoring, 'clientId')).toEqual(sorted(ids.equalityMonitoring));
    expect(s.equalityMonitoring?.[0]).toMatchObject({ ageBand: '65-74', ethnicity: 'white-british' });
    expect(s.equalityMonitoring?.[0]).not.toHaveProperty('orgId');
    // Every subject access request about the client: the seeder's earlier one, this one (and the register tests').
    expect(idsOf(s.subjectAccessRequests)).toEqual(
      expect.arrayContaining(sorted([...ids.subjectAccessRequests, sarId])),
    );
    expect(idsOf(s.rectificationRequests)).toEqual(expect.arrayContaining(sorted(ids.rectificationRequests)));
    expect(idsOf(s.rectificationNoteLinks, 'noteId')).toEqual(sorted(ids.rectificationNoteLinks));
    // The field change made to rectify carries its request.
    const linked = s.clientFieldHistory?.filter((c) => c.rectificationRequestId !== null) ?? [];
    expect(linked.map((c) => c.rectificationRequestId)).toEqual(ids.rectificationRequests);
    expect(idsOf(s.erasureRequests)).toEqual(sorted(ids.erasureRequests));
    expect(idsOf(s.retentionExtensions)).toEqual([retentionExtension]);
    expect(s.cases?.find((c) => c.id === seeded.closedCaseId)?.destructionDueOn).toBe('2032-11-01');
    // Their audit events are there too (e.g. the equality answers recorded, the erasure refused).
    const actions = new Set((s.auditEvents ?? []).map((e) => e.action));
    for (const action of [
      'equality_monitoring.recorded',
      'erasure_request.refused',
      'rectification.rectified',
    ]) {
      expect(actions, action).toContain(action);
    }
    // Nothing of anyone else in these sections.
    for (const section of [
      'equalityMonitoring',
      'subjectAccessRequests',
      'rectificationRequests',
      'erasureRequests',
    ]) {
      for (const row of s[section] ?? []) expect(row.clientId, section).toBe(seeded.clientId);
    }
  });

  it('puts each document’s bytes in the ZIP', async () => {
    for (const id of seeded.ids.documents) {
      const name = [...files.keys()].find((f) => f.startsWith(`documents/${id}-`));
      expect(name, id).toBeDefined();
      const stored = await t.db
        .selectFrom('documents')
        .select('sha256')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(
        createHash('sha256')
          .update(files.get(name ?? '') ?? Buffer.alloc(0))
          .digest('hex'),
      ).toBe(stored.sha256);
    }
  });

  it('lists the restricted note as withheld until a decision is recorded, and includes it after', async () => {
    expect(sorted(data.withheld.restrictedNotes.map((n) => n.id as string))).toEqual(
      sorted([seeded.ids.notes.restricted, restrictedAmendment]),
    );
    const noReason = await as(
      users.auditor,
      'POST',
      `/api/subject-access-requests/${sarId}/restricted-notes-decision`,
      {
        include: true,
      },
    );
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const decided = await as(
      users.auditor,
      'POST',
      `/api/subject-access-requests/${sarId}/restricted-notes-decision`,
      {
        include: true,
        reason: 'Reviewed: disclosure would not put anyone at risk',
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().restrictedNotesDecision).toMatchObject({
      include: true,
      decidedBy: { id: users.auditor.id, displayName: 'Dana Protection' },
    });
    const res = await as(users.auditor, 'GET', `/api/subject-access-requests/${sarId}/export`);
    const after = JSON.parse(String((await unzip(res.rawPayload)).get('data.json')));
    expect(after.sections.notes.map((n: Row) => n.id)).toEqual(
      expect.arrayContaining([seeded.ids.notes.restricted, restrictedAmendment]),
    );
    expect(after.withheld.restrictedNotes).toEqual([]);
  });

  it('flags the names of other people for redaction review, never the client', () => {
    const review = JSON.parse(String(files.get('redaction-review.json')));
    expect(review.notice).toMatch(/organisation’s decision/);
    const names = new Set(review.hits.map((h: { name: string }) => h.name));
    expect(names).toContain(CLIENT_MARKERS.familyMember);
    expect([...names].some((n) => String(n).includes('Ottoline Brackenbury'))).toBe(true);
    expect(names).toContain(users.owner.display_name);
    expect(names).toContain('Peregrine Oddfellow');
    expect(names).not.toContain(CLIENT_MARKERS.legalName);
    expect(names).not.toContain(CLIENT_MARKERS.preferredName);
    const marigold = review.hits.find(
      (h: { section: string; field: string; name: string }) =>
        h.section === 'client' && h.name === CLIENT_MARKERS.familyMember,
    );
    expect(marigold).toMatchObject({ recordId: seeded.clientId, field: 'safeContact.notes' });
    // The text document's own words are read too.
    expect(
      review.hits.some(
        (h: { section: string; field: string; name: string }) =>
          h.section === 'documents' && h.field === 'content' && h.name.includes('Ottoline Brackenbury'),
      ),
    ).toBe(true);
    expect(review.unscannedDocuments).toBe(0);
  });

  it('moves the request to in progress and audits the export with ids and counts only', async () => {
    const got = await as(users.auditor, 'GET', `/api/subject-access-requests/${sarId}`);
    expect(got.json()).toMatchObject({ status: 'in-progress' });
    expect(got.json().lastExportedAt).not.toBeNull();
    const rows = (await auditOf('subject_access.exported')).filter((r) => r.entity_id === sarId);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.details).toMatchObject({
      clientId: seeded.clientId,
      withheldRestrictedNotes: 2,
      restrictedIncluded: false,
      counts: { cases: 2, consents: 3, equalityMonitoring: 1, retentionExtensions: 1 },
    });
    const all = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', seeded.orgId)
      .where((eb) =>
        eb.or([eb('action', 'like', 'subject_access.%'), eb('action', 'like', 'rectification.%')]),
      )
      .execute();
    const text = JSON.stringify(all).toLowerCase();
    for (const marker of [
      CLIENT_MARKERS.surname,
      CLIENT_MARKERS.familyMember,
      'Brackenbury',
      CLIENT_MARKERS.phone,
      CLIENT_MARKERS.email,
      'Passport',
      'disclosure would not',
    ]) {
      expect(text).not.toContain(marker.toLowerCase());
    }
  });
});

describe('subject access export beside other writers', () => {
  it('exports while another request holds the audit chain and appends to it, and the chain stays whole', async () => {
    const sarId = (await register(users.auditor, sarBody('2026-11-26'))).json().id;
    // Another transaction appends an audit event (taking the organisation's audit lock) and commits
    // only once the export is waiting for that lock: the export must chain after it.
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let holding = () => {};
    const held = new Promise<void>((r) => {
      holding = r;
    });
    const other = t.db.transaction().execute(async (tx) => {
      await appendAuditEvents(tx, seeded.orgId, [{ actorId: null, action: 'test.concurrent_append' }]);
      holding();
      await released;
    });
    await held;
    const exporting = as(users.auditor, 'GET', `/api/subject-access-requests/${sarId}/export`);
    await eventually(async () => {
      const { rows } = await sql<{ n: string }>`
        SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
          AND query LIKE '%audit_chain_head%'`.execute(t.db);
      return Number(rows[0]?.n) > 0 ? true : undefined;
    }, 'the export to wait for the audit lock');
    release();
    await other;
    const res = await exporting;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('org_id', '=', seeded.orgId)
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(events).toEqual([
      { action: 'subject_access.exported', entity_id: sarId },
      { action: 'test.concurrent_append', entity_id: null },
    ]);
    const chain = await verifyAuditChain(t.db);
    expect(chain.chains.find((c) => c.orgId === seeded.orgId)?.broken).toBeUndefined();
  });
});

describe('rectification', () => {
  it('records a request, rectifies the client’s details with the change linked, and links an amendment note', async () => {
    const created = await as(users.auditor, 'POST', '/api/rectification-requests', {
      clientId: seeded.clientId,
      receivedOn: '2026-11-26',
      what: 'The phone number is an old one',
      requestedChange: 'Use 07700 900999',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'received', dueOn: '2026-12-29', fieldChanges: [] });
    const id = created.json().id as string;
    const resolved = await as(users.auditor, 'POST', `/api/rectification-requests/${id}/resolve`, {
      outcome: 'rectified',
      reason: 'Number confirmed with the client by letter',
      changes: { phone: '07700 900999' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'rectified',
      resolvedBy: { id: users.auditor.id },
      fieldChanges: [{ field: 'phone', changedBy: { id: users.auditor.id } }],
    });
    const change = await t.db
      .selectFrom('field_changes')
      .selectAll()
      .where('rectification_request_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ entity_id: seeded.clientId, field: 'phone', new_value: '07700 900999' });
    const history = await as(users.owner, 'GET', `/api/clients/${seeded.clientId}/history`);
    expect(history.json().changes.at(-1)).toMatchObject({
      id: Number(change.id),
      field: 'phone',
      newValue: '07700 900999',
      rectificationRequestId: id,
    });
    const client = await t.db
      .selectFrom('clients')
      .select('phone')
      .where('id', '=', seeded.clientId)
      .executeTakeFirstOrThrow();
    expect(client.phone).toBe('07700 900999');
    const again = await as(users.auditor, 'POST', `/api/rectification-requests/${id}/resolve`, {
      outcome: 'refused',
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);

    const original = await as(users.auditor, 'POST', `/api/rectification-requests/${id}/notes`, {
      noteId: seeded.ids.notes.filed,
    });
    expect(original.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'noteId' });
    const linked = await as(users.auditor, 'POST', `/api/rectification-requests/${id}/notes`, {
      noteId: seeded.ids.notes.amendment,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().amendmentNoteIds).toEqual([seeded.ids.notes.amendment]);

    const list = await as(users.admin, 'GET', `/api/rectification-requests?clientId=${seeded.clientId}`);
    expect(list.json().requests.map((r: Row) => r.id)).toContain(id);
    const audited = await auditOf('rectification.rectified');
    expect(audited.at(-1)?.details).toEqual({
      clientId: seeded.clientId,
      fields: ['phone'],
      linkedFieldChanges: 0,
    });
    const updated = (await auditOf('client.updated')).at(-1);
    expect(updated?.details).toEqual({ fields: ['phone'], rectificationRequestId: id });
  });

  it('links changes a practitioner made already, and refuses with a reason', async () => {
    const id = (
      await as(users.auditor, 'POST', '/api/rectification-requests', {
        clientId: seeded.clientId,
        receivedOn: '2026-11-26',
        what: 'Pronouns',
        requestedChange: 'they/them',
      })
    ).json().id as string;
    const foreign = await as(users.auditor, 'POST', `/api/rectification-requests/${id}/resolve`, {
      outcome: 'rectified',
      reason: 'Changed by the adviser',
      fieldChangeIds: [...seeded.ids.fieldChanges.case],
    });
    expect(foreign.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fieldChangeIds' });
    // A change linked to another request already cannot be linked again.
    const unlinked = (
      await t.db
        .selectFrom('field_changes')
        .select('id')
        .where('entity_type', '=', 'client')
        .where('entity_id', '=', seeded.clientId)
        .where('rectification_request_id', 'is', null)
        .execute()
    ).map((r) => Number(r.id));
    const taken = seeded.ids.fieldChanges.client.filter((c) => !unlinked.includes(c));
    expect(taken).toHaveLength(1);
    const twice = await as(users.auditor, 'POST', `/api/rectification-requests/${id}/resolve`, {
      outcome: 'rectified',
      reason: 'Changed by the adviser',
      fieldChangeIds: [...unlinked, ...taken],
    });
    expect(twice.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fieldChangeIds' });
    const ok = await as(users.auditor, 'POST', `/api/rectification-requests/${id}/resolve`, {
      outcome: 'rectified',
      reason: 'Changed by the adviser',
      fieldChangeIds: unlinked,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok
        .json()
        .fieldChanges.map((c: Row) => String(c.id))
        .sort(),
    ).toEqual(sorted(unlinked));

    const other = (
      await as(users.auditor, 'POST', '/api/rectification-requests', {
        clientId: seeded.clientId,
        receivedOn: '2026-11-26',
        what: 'Opinion in a note',
        requestedChange: 'Remove it',
      })
    ).json().id as string;
    const refused = await as(users.admin, 'POST', `/api/rectification-requests/${other}/resolve`, {
      outcome: 'refused',
      reason: 'It is the adviser’s recorded professional opinion, labelled as such',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', fieldChanges: [] });
    expect((await as(users.owner, 'GET', '/api/rectification-requests')).statusCode).toBe(403);
  });
});
