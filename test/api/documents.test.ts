import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const ENV = { CASELOAD_LOGIN_IP_LIMIT: '100000' };
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: ENV }));
let smallAppPromise: Promise<App> | undefined;
/** The same app with a 1 MB upload limit. */
const getSmallApp = () =>
  (smallAppPromise ??= buildTestApp(t, { env: { ...ENV, CASELOAD_MAX_UPLOAD_MB: '1' } }));

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n', 'latin1'),
  Buffer.alloc(300, 7),
]);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const headersOf = (session: SignedIn, extra: Record<string, string> = {}) => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  ...extra,
});

function upload(
  session: SignedIn,
  caseId: string,
  body: Buffer,
  query: Record<string, string>,
  opts: { app?: App; headers?: Record<string, string> } = {},
) {
  const qs = new URLSearchParams(query).toString();
  return (async () =>
    (opts.app ?? (await getApp())).inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents${qs ? `?${qs}` : ''}`,
      headers: headersOf(session, { 'content-type': 'application/octet-stream', ...opts.headers }),
      payload: body,
    }))();
}

async function get(session: SignedIn, url: string, app?: App) {
  return (app ?? (await getApp())).inject({ method: 'GET', url, headers: headersOf(session) });
}

/**
 * An organisation with a team; an adviser owning a case in it; a colleague the case is shared
 * with; an adviser of another team.
 */
async function world(app?: App) {
  const theApp = app ?? (await getApp());
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const colleague = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  await t.db
    .insertInto('case_shares')
    .values({
      org_id: org.id,
      case_id: theCase.id,
      user_id: colleague.id,
      kind: 'share',
      reason: 'Covering while the owner is on leave',
      granted_by: owner.id,
      granted_at: new Date(),
      expires_at: null,
      revoked_at: null,
    })
    .execute();
  return {
    org,
    team,
    owner,
    theCase,
    ownerSession: await signInAs(theApp, owner),
    colleagueSession: await signInAs(theApp, colleague),
    outsiderSession: await signInAs(theApp, outsider),
  };
}

/** A filed note written straight into the table (notes have their own API and tests). */
async function insertFiledNote(
  orgId: string,
  caseId: string,
  authorId: string,
  sensitivity: 'normal' | 'restricted',
) {
  const now = new Date();
  return t.db
    .insertInto('notes')
    .values({
      org_id: orgId,
      case_id: caseId,
      author_id: authorId,
      status: 'filed',
      type: 'safeguarding',
      contact_channel: null,
      occurred_at: now,
      recorded_at: now,
      facts: 'Client disclosed a risk at home',
      sensitivity,
      amends_note_id: null,
      amendment_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const documentsOf = (caseId: string) =>
  t.db.selectFrom('documents').select(['id', 'filename']).where('case_id', '=', caseId).execute();

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('uploading and downloading a document', () => {
  it('stores the file with its SHA-256 and size, lists it, and downloads the same bytes as an attachment', async () => {
    const w = await world();
    const res = await upload(w.ownerSession, w.theCase.id, PDF, {
      filename: 'Award letter – Zoë Smith.pdf',
      contentType: 'application/pdf',
    });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      caseId: w.theCase.id,
      noteId: null,
      filename: 'Award letter – Zoë Smith.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      withheld: false,
      uploadedBy: w.owner.id,
    });

    const list = await get(w.ownerSession, `/api/cases/${w.theCase.id}/documents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().documents).toEqual([doc]);

    const download = await get(w.ownerSession, `/api/documents/${doc.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(sha256(download.rawPayload)).toBe(doc.sha256);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Award letter _ Zoe Smith.pdf"; filename*=UTF-8''Award%20letter%20%E2%80%93%20Zo%C3%AB%20Smith.pdf`,
    );
    expect(download.headers['repr-digest']).toBe(
      `sha-256=:${Buffer.from(doc.sha256, 'hex').toString('base64')}:`,
    );

    const [uploaded] = await auditRows(w.org.id, 'document.uploaded');
    expect(uploaded?.details).toEqual({
      caseId: w.theCase.id,
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
    });
    const [downloaded] = await auditRows(w.org.id, 'document.downloaded');
    expect(downloaded).toMatchObject({ actor_id: w.owner.id, entity_type: 'document', entity_id: doc.id });
    expect(JSON.stringify([uploaded, downloaded])).not.toMatch(/Zo|Smith|Award/);
    expect(await auditRows(w.org.id, 'documents.listed')).toHaveLength(1);
  });

  it('takes the name and type from headers, percent-decoded, and sanitises the name', async () => {
    const w = await world();
    const res = await upload(
      w.ownerSession,
      w.theCase.id,
      Buffer.from('Notes from the call'),
      {},
      {
        headers: {
          'x-filename': encodeURIComponent('../../Zoë <call>.html'),
          'x-content-type': 'text/plain; charset=utf-8',
        },
      },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ filename: 'Zoë call.html.txt', contentType: 'text/plain' });
  });

  it('refuses a file over the upload limit with DOCUMENT_TOO_LARGE and stores nothing', async () => {
    const app = await getSmallApp();
    const w = await world(app);
    const tooBig = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1 - PDF.length)]);
    const res = await upload(
      w.ownerSession,
      w.theCase.id,
      tooBig,
      { filename: 'big.pdf', contentType: 'application/pdf' },
      { app },
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', status: 413 });
    expect(res.json().detail).toContain('1 MB');
    const justRight = await upload(
      w.ownerSession,
      w.theCase.id,
      tooBig.subarray(0, 1024 * 1024),
      { filename: 'fits.pdf', contentType: 'application/pdf' },
      { app },
    );
    expect(justRight.statusCode).toBe(201);
    expect((await documentsOf(w.theCase.id)).map((d) => d.filename)).toEqual(['fits.pdf']);
  });

  it('accepts files above the 1 MiB JSON body limit up to the configured upload limit (20 MB)', async () => {
    const w = await world();
    const big = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 1)]);
    const res = await upload(w.ownerSession, w.theCase.id, big, {
      filename: 'scan.pdf',
      contentType: 'application/pdf',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sizeBytes: big.length, sha256: sha256(big) });
  });

  it('refuses a type outside the allow-list and bytes that do not match the declared type, storing nothing', async () => {
    const w = await world();
    const cases: [Buffer, string, string][] = [
      [PNG, 'application/pdf', 'is not a PDF'],
      [PDF, 'image/png', 'is not a PNG'],
      [Buffer.from('<html><script>alert(1)</script>'), 'application/pdf', 'is not a PDF'],
      [Buffer.from('<html></html>'), 'text/html', 'cannot be attached'],
      [Buffer.from('MZ'), 'application/x-msdownload', 'cannot be attached'],
    ];
    for (const [body, contentType, message] of cases) {
      const res = await upload(w.ownerSession, w.theCase.id, body, { filename: 'file', contentType });
      expect(res.statusCode, contentType).toBe(415);
      expect(res.json()).toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', field: 'contentType' });
      expect(res.json().detail).toContain(message);
    }
    expect(await documentsOf(w.theCase.id)).toEqual([]);
    expect(await auditRows(w.org.id, 'document.uploaded')).toEqual([]);
  });

  it('names the missing or bad field, refuses a JSON body, and stores nothing', async () => {
    const w = await world();
    const noName = await upload(w.ownerSession, w.theCase.id, PDF, { contentType: 'application/pdf' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'filename' });
    const noType = await upload(w.ownerSession, w.theCase.id, PDF, { filename: 'a.pdf' });
    expect(noType.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'contentType' });
    const empty = await upload(w.ownerSession, w.theCase.id, Buffer.alloc(0), {
      filename: 'a.txt',
      contentType: 'text/plain',
    });
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    const badNote = await upload(w.ownerSession, w.theCase.id, PDF, {
      filename: 'a.pdf',
      contentType: 'application/pdf',
      noteId: 'nope',
    });
    expect(badNote.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.noteId' });
    const json = await (await getApp()).inject({
      method: 'POST',
      url: `/api/cases/${w.theCase.id}/documents?filename=a.pdf&contentType=application/pdf`,
      headers: headersOf(w.ownerSession),
      payload: { content: 'JVBERi0=' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await documentsOf(w.theCase.id)).toEqual([]);
  });
});

describe('access to documents', () => {
  it('answers 404 to another team for the list, the upload and the download, without the filename', async () => {
    const w = await world();
    const doc = (
      await upload(w.ownerSession, w.theCase.id, PDF, {
        filename: 'tenancy-Smith.pdf',
        contentType: 'application/pdf',
      })
    ).json();
    const list = await get(w.outsiderSession, `/api/cases/${w.theCase.id}/documents`);
    expect(list.statusCode).toBe(404);
    expect(list.json().code).toBe('CASE_NOT_FOUND');
    const download = await get(w.outsiderSession, `/api/documents/${doc.id}`);
    expect(download.statusCode).toBe(404);
    expect(download.json().code).toBe('DOCUMENT_NOT_FOUND');
    expect(list.body + download.body).not.toContain('Smith');
    expect(download.rawPayload.includes(PDF.subarray(0, 16))).toBe(false);
    const up = await upload(w.outsiderSession, w.theCase.id, PDF, {
      filename: 'x.pdf',
      contentType: 'application/pdf',
    });
    expect(up.statusCode).toBe(404);
    expect(await documentsOf(w.theCase.id)).toHaveLength(1);
    expect(await auditRows(w.org.id, 'document.downloaded')).toEqual([]);
  });

  it('withholds a restricted note’s document from a colleague who may not read the note', async () => {
    const w = await world();
    const restricted = await insertFiledNote(w.org.id, w.theCase.id, w.owner.id, 'restricted');
    const secret = (
      await upload(w.ownerSession, w.theCase.id, PDF, {
        filename: 'MARAC referral - Smith.pdf',
        contentType: 'application/pdf',
        noteId: restricted.id,
      })
    ).json();
    expect(secret).toMatchObject({
      noteId: restricted.id,
      withheld: false,
      filename: 'MARAC referral - Smith.pdf',
    });
    const open = (
      await upload(w.ownerSession, w.theCase.id, PNG, { filename: 'payslip.png', contentType: 'image/png' })
    ).json();

    const list = await get(w.colleagueSession, `/api/cases/${w.theCase.id}/documents`);
    expect(list.statusCode).toBe(200);
    const byId = new Map(list.json().documents.map((d: { id: string }) => [d.id, d]));
    expect(byId.get(secret.id)).toMatchObject({ withheld: true, filename: null, noteId: restricted.id });
    expect(byId.get(open.id)).toMatchObject({ withheld: false, filename: 'payslip.png' });
    expect(list.body).not.toContain('MARAC');

    const refused = await get(w.colleagueSession, `/api/documents/${secret.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect(refused.body).not.toContain('MARAC');
    expect(refused.rawPayload.includes(PDF.subarray(0, 16))).toBe(false);
    const [denial] = await auditRows(w.org.id, 'access.denied');
    expect(denial).toMatchObject({ entity_type: 'document', entity_id: secret.id });

    const colleagueGetsOpen = await get(w.colleagueSession, `/api/documents/${open.id}`);
    expect(colleagueGetsOpen.statusCode).toBe(200);
    expect(colleagueGetsOpen.rawPayload.equals(PNG)).toBe(true);
    const ownerGetsSecret = await get(w.ownerSession, `/api/documents/${secret.id}`);
    expect(ownerGetsSecret.statusCode).toBe(200);
    expect(ownerGetsSecret.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses to attach to a restricted note the uploader may not read, or a note of another case', async () => {
    const w = await world();
    const restricted = await insertFiledNote(w.org.id, w.theCase.id, w.owner.id, 'restricted');
    const otherCase = await insertCase(t.db, { orgId: w.org.id, ownerId: w.owner.id, teamId: w.team.id });
    const elsewhere = await insertFiledNote(w.org.id, otherCase.id, w.owner.id, 'normal');
    for (const [session, noteId] of [
      [w.colleagueSession, restricted.id],
      [w.ownerSession, elsewhere.id],
    ] as const) {
      const res = await upload(session, w.theCase.id, PDF, {
        filename: 'a.pdf',
        contentType: 'application/pdf',
        noteId,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOTE_NOT_FOUND', field: 'noteId' });
    }
    expect(await documentsOf(w.theCase.id)).toEqual([]);
  });
});
