import { describe, expect, it } from 'vitest';
import { buildTestApp, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

async function world() {
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, {
    orgId: org.id,
    team: { id: team.id, role: 'member' },
    displayName: 'Olive Owner',
  });
  const colleague = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const kase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  const at = (iso: string) => new Date(iso);
  const note = (over: Record<string, unknown>) =>
    t.db
      .insertInto('notes')
      .values({
        org_id: org.id,
        case_id: kase.id,
        author_id: owner.id,
        status: 'filed',
        type: 'contact',
        contact_channel: 'phone',
        occurred_at: at('2026-11-10T10:00:00Z'),
        recorded_at: at('2026-11-10T10:30:00Z'),
        facts: 'Client phoned about the sanction letter.',
        amends_note_id: null,
        amendment_reason: null,
        ...over,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const original = await note({});
  await note({
    occurred_at: at('2026-11-10T10:00:00Z'),
    recorded_at: at('2026-11-11T09:00:00Z'),
    facts: 'Client phoned about the sanction letter dated 3 November.',
    amends_note_id: original.id,
    amendment_reason: 'Added the date of the letter.',
  });
  await note({
    occurred_at: at('2026-11-12T10:00:00Z'),
    recorded_at: at('2026-11-14T12:00:00Z'),
    type: 'file-note',
    contact_channel: null,
    facts: 'Late file note.',
  });
  await note({
    author_id: owner.id,
    sensitivity: 'restricted',
    occurred_at: at('2026-11-13T10:00:00Z'),
    recorded_at: at('2026-11-13T10:05:00Z'),
    facts: 'SECRET disclosure of abuse.',
  });
  await t.db
    .insertInto('actions')
    .values({
      org_id: org.id,
      case_id: kase.id,
      description: 'Request mandatory reconsideration',
      owner_kind: 'practitioner',
      owner_user_id: owner.id,
      owner_name: null,
      due_date: '2026-11-20',
      completed_at: null,
      result: null,
      goal_id: null,
      created_by: owner.id,
      created_at: at('2026-11-10T10:40:00Z'),
    })
    .execute();
  await t.db
    .insertInto('field_changes')
    .values({
      org_id: org.id,
      entity_type: 'case',
      entity_id: kase.id,
      field: 'status',
      old_value: JSON.stringify('open'),
      new_value: JSON.stringify('on_hold'),
      reason: 'Waiting for DWP',
      changed_by: owner.id,
      changed_at: at('2026-11-15T09:00:00Z'),
    })
    .execute();
  await t.db
    .insertInto('case_shares')
    .values({
      org_id: org.id,
      case_id: kase.id,
      user_id: colleague.id,
      reason: 'Cover during leave',
      expires_at: null,
      granted_by: owner.id,
      granted_at: at('2026-11-16T09:00:00Z'),
      revoked_at: null,
    })
    .execute();
  return { org, team, owner, colleague, supervisor, kase, original };
}

describe('GET /api/cases/:caseId/chronology', () => {
  it('merges notes, amendments, actions, changes and shares in time order, marking late entries', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const s = await signInAs(app, w.owner);
    const res = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reference).toBe(w.kase.reference);
    const titles = body.entries.map((e: { title: string }) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        `Case opened (${w.kase.reference})`,
        'Action agreed',
        'Status changed from open to on hold',
      ]),
    );
    const at = body.entries.map((e: { at: string }) => e.at);
    expect([...at].sort()).toEqual(at);
    const original = body.entries.find(
      (e: { note?: { noteId: string } }) => e.note?.noteId === w.original.id,
    );
    expect(original.note.amendedBy).toHaveLength(1);
    const amendment = body.entries.find((e: { note?: { amends?: unknown } }) => e.note?.amends);
    expect(amendment.note.amends).toEqual({ noteId: w.original.id, reason: 'Added the date of the letter.' });
    const late = body.entries.find((e: { title: string }) => e.title.startsWith('file note'));
    expect(late.note.lateEntry).toBe(true);
    expect(original.note.lateEntry).toBe(false);
    expect(body.entries.find((e: { id: string }) => e.id.startsWith('share:')).title).toMatch(
      /^Shared with /,
    );
  });

  it('shows a restricted note to a colleague with a share only as restricted, without its content', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const s = await signInAs(app, w.colleague);
    const res = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('SECRET');
    const restricted = res
      .json()
      .entries.filter((e: { note?: { restricted: boolean } }) => e.note?.restricted);
    expect(restricted).toHaveLength(1);
    expect(restricted[0].note.sections).toBeUndefined();
    const sup = await signInAs(app, w.supervisor);
    const asSupervisor = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology`,
      headers: { cookie: sup.cookie },
    });
    expect(asSupervisor.body).toContain('SECRET');
  });

  it('filters by kind and refuses unknown kinds naming the field', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const s = await signInAs(app, w.owner);
    const res = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology?kinds=action,change`,
      headers: { cookie: s.cookie },
    });
    expect(new Set(res.json().entries.map((e: { kind: string }) => e.kind))).toEqual(
      new Set(['action', 'change']),
    );
    const bad = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology?kinds=gossip`,
      headers: { cookie: s.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('query.kinds');
  });

  it('answers 404 with no case data to a user who may not see the case', async () => {
    const w = await world();
    const outsider = await insertUser(t.db, { orgId: w.org.id });
    const app = await buildTestApp(t);
    const s = await signInAs(app, outsider);
    const res = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(w.kase.reference);
    const pdf = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology.pdf`,
      headers: { cookie: s.cookie },
    });
    expect(pdf.statusCode).toBe(404);
  });

  it('exports a PDF with the reference, page numbers, and restricted content left out', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const s = await signInAs(app, w.colleague);
    const res = await app.inject({
      url: `/api/cases/${w.kase.id}/chronology.pdf`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${w.kase.reference}-chronology.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { execFileSync } = await import('node:child_process');
    const { existsSync, writeFileSync } = await import('node:fs');
    if (existsSync('/usr/bin/pdftotext')) {
      const file = `/tmp/chronology-${process.pid}.pdf`;
      writeFileSync(file, res.rawPayload);
      const text = execFileSync('/usr/bin/pdftotext', [file, '-']).toString();
      expect(text).toContain(w.kase.reference);
      expect(text).toMatch(/Page 1 of \d+/);
      expect(text).toContain('Restricted note: content withheld.');
      expect(text).not.toContain('SECRET');
    }
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', w.kase.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('case.chronology_viewed');
  });
});
