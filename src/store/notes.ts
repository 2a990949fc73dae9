/**
 * Case notes: drafts, filing, amendments, and the links a note may name. Every query is scoped by
 * org_id. Writes touch drafts only (`status = 'draft'` in every WHERE); a trigger refuses any
 * UPDATE or DELETE of a filed row as the second line of defence.
 */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { NoteRow, NotesTable } from './schema.ts';

/** A note with its author's name, its case's reference and, for an amendment, when the original was filed. */
export type NoteRecord = Omit<NoteRow, 'search'> & {
  readonly author_name: string;
  readonly case_reference: string;
  readonly amends_recorded_at: Date | null;
};

/** An amendment as the note it corrects lists it. */
export interface AmendmentRef {
  readonly id: string;
  readonly amends_note_id: string;
  readonly recorded_at: Date;
  readonly amendment_reason: string;
  readonly author_id: string;
  readonly sensitivity: 'normal' | 'restricted';
}

export type NewNote = Omit<Insertable<NotesTable>, 'search'>;
export type DraftChanges = Omit<
  Updateable<NotesTable>,
  'id' | 'org_id' | 'case_id' | 'author_id' | 'status' | 'recorded_at' | 'search' | 'created_at'
>;

const NOTE_FIELDS = [
  'id',
  'org_id',
  'case_id',
  'author_id',
  'status',
  'type',
  'contact_channel',
  'occurred_at',
  'recorded_at',
  'facts',
  'advice',
  'actions_agreed',
  'judgement',
  'sensitivity',
  'amends_note_id',
  'amendment_reason',
  'goal_ids',
  'action_ids',
  'created_at',
  'updated_at',
] as const;
const NOTE_COLUMNS = NOTE_FIELDS.map((f) => `notes.${f}` as const);

/** The organisation's glossary terms when the note (`alias`) is a draft, for its clarity hints. */
const glossaryOfDraft = (alias: string) =>
  sql<string[]>`CASE WHEN ${sql.ref(`${alias}.status`)} = 'draft' THEN
      (SELECT coalesce(array_agg(g.term), '{}') FROM glossary_terms g WHERE g.org_id = ${sql.ref(`${alias}.org_id`)})
    ELSE '{}' END`;

function selectNotes(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('notes')
    .innerJoin('users', (j) =>
      j.onRef('users.id', '=', 'notes.author_id').onRef('users.org_id', '=', 'notes.org_id'),
    )
    .innerJoin('cases', (j) =>
      j.onRef('cases.id', '=', 'notes.case_id').onRef('cases.org_id', '=', 'notes.org_id'),
    )
    .leftJoin('notes as original', (j) =>
      j.onRef('original.id', '=', 'notes.amends_note_id').onRef('original.org_id', '=', 'notes.org_id'),
    )
    .select([
      ...NOTE_COLUMNS,
      'users.display_name as author_name',
      'cases.reference as case_reference',
      'original.recorded_at as amends_recorded_at',
    ])
    .where('notes.org_id', '=', orgId);
}

export async function getNote(db: DbOrTx, orgId: string, noteId: string): Promise<NoteRecord | undefined> {
  return selectNotes(db, orgId).where('notes.id', '=', noteId).executeTakeFirst();
}

/**
 * One note, its row locked for the rest of the transaction (drafts change one writer at a time).
 * A concurrent change is waited for, and the note is then read as that change left it.
 */
export async function getNoteForUpdate(
  db: DbOrTx,
  orgId: string,
  noteId: string,
): Promise<NoteRecord | undefined> {
  return selectNotes(db, orgId).where('notes.id', '=', noteId).forUpdate('notes').executeTakeFirst();
}

/** An amendment as json_agg returns it (the time as ISO text). */
type AmendmentJson = Omit<AmendmentRef, 'recorded_at'> & { readonly recorded_at: string };

/** A note with what its view needs: its filed amendments and, for a draft, the organisation's glossary. */
export interface NoteWithContext {
  readonly note: NoteRecord;
  /** The filed amendments of the note, oldest first. */
  readonly amendments: AmendmentRef[];
  /** The organisation's glossary terms for a draft's clarity hints (empty for a filed note). */
  readonly glossary: string[];
}

/** One note with its filed amendments and (a draft) the glossary, in one query. */
export async function getNoteWithContext(
  db: DbOrTx,
  orgId: string,
  noteId: string,
): Promise<NoteWithContext | undefined> {
  const found = await selectNotes(db, orgId)
    .select([
      sql<AmendmentJson[]>`(SELECT coalesce(json_agg(json_build_object(
          'id', a.id, 'amends_note_id', a.amends_note_id, 'recorded_at', a.recorded_at,
          'amendment_reason', a.amendment_reason, 'author_id', a.author_id, 'sensitivity', a.sensitivity)
          ORDER BY a.recorded_at, a.id), '[]')
        FROM notes a
        WHERE a.org_id = notes.org_id AND a.amends_note_id = notes.id AND a.status = 'filed'
          AND a.recorded_at IS NOT NULL AND a.amendment_reason IS NOT NULL)`.as('context_amendments'),
      glossaryOfDraft('notes').as('context_glossary'),
    ])
    .where('notes.id', '=', noteId)
    .executeTakeFirst();
  if (!found) return undefined;
  const { context_amendments, context_glossary, ...note } = found;
  return {
    note,
    amendments: context_amendments.map((a) => ({ ...a, recorded_at: new Date(a.recorded_at) })),
    glossary: context_glossary,
  };
}

export async function insertNote(db: DbOrTx, values: NewNote): Promise<string> {
  const row = await db.insertInto('notes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Inserts a note and reads it back as `getNoteWithContext` would, in one statement. A new note has
 * no amendments yet (an amendment names a note that exists).
 */
export async function insertNoteWithContext(db: DbOrTx, values: NewNote): Promise<NoteWithContext> {
  const { context_glossary, ...note } = await db
    .with('new_note', (q) => q.insertInto('notes').values(values).returning(NOTE_FIELDS))
    .selectFrom('new_note as n')
    .innerJoin('users', (j) => j.onRef('users.id', '=', 'n.author_id').onRef('users.org_id', '=', 'n.org_id'))
    .innerJoin('cases', (j) => j.onRef('cases.id', '=', 'n.case_id').onRef('cases.org_id', '=', 'n.org_id'))
    .leftJoin('notes as original', (j) =>
      j.onRef('original.id', '=', 'n.amends_note_id').onRef('original.org_id', '=', 'n.org_id'),
    )
    .selectAll('n')
    .select([
      'users.display_name as author_name',
      'cases.reference as case_reference',
      'original.recorded_at as amends_recorded_at',
      glossaryOfDraft('n').as('context_glossary'),
    ])
    .executeTakeFirstOrThrow();
  return { note, amendments: [], glossary: context_glossary };
}

/** Changes a draft; returns false when there is no such draft (a filed note is never changed). */
export async function updateDraft(
  db: DbOrTx,
  orgId: string,
  noteId: string,
  changes: DraftChanges,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('notes')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a draft; returns false when there is no such draft. */
export async function deleteDraft(db: DbOrTx, orgId: string, noteId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('notes')
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Files a draft at `recordedAt`; returns what changed, as stored, or undefined when there is no
 * such draft.
 */
export async function fileDraft(
  db: DbOrTx,
  orgId: string,
  noteId: string,
  recordedAt: Date,
): Promise<Pick<NoteRow, 'status' | 'recorded_at' | 'updated_at'> | undefined> {
  return db
    .updateTable('notes')
    .set({ status: 'filed', recorded_at: recordedAt, updated_at: recordedAt })
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .returning(['status', 'recorded_at', 'updated_at'])
    .executeTakeFirst();
}

/** A case's filed notes and `authorId`'s drafts on it, in the order they occurred. */
export async function listCaseNotes(
  db: DbOrTx,
  orgId: string,
  caseId: string,
  authorId: string,
): Promise<NoteRecord[]> {
  return selectNotes(db, orgId)
    .where('notes.case_id', '=', caseId)
    .where((eb) =>
      eb.or([
        eb('notes.status', '=', 'filed'),
        eb.and([eb('notes.status', '=', 'draft'), eb('notes.author_id', '=', authorId)]),
      ]),
    )
    .orderBy('notes.occurred_at')
    .orderBy(sql`notes.recorded_at NULLS LAST`)
    .orderBy('notes.id')
    .execute();
}

/** `authorId`'s drafts on every case, the most recently saved first. */
export async function listDrafts(db: DbOrTx, orgId: string, authorId: string): Promise<NoteRecord[]> {
  return selectNotes(db, orgId)
    .where('notes.author_id', '=', authorId)
    .where('notes.status', '=', 'draft')
    .orderBy('notes.updated_at', 'desc')
    .orderBy('notes.id')
    .execute();
}

/**
 * Which of `goalIds` are goals of the case and which of `actionIds` its actions: the links a note
 * may make, both in one query (none when there is nothing to look up).
 */
export async function findCaseLinks(
  db: DbOrTx,
  kase: { orgId: string; caseId: string },
  ids: { readonly goalIds: readonly string[]; readonly actionIds: readonly string[] },
): Promise<{ goalIds: string[]; actionIds: string[] }> {
  if (ids.goalIds.length === 0 && ids.actionIds.length === 0) return { goalIds: [], actionIds: [] };
  const { rows } = await sql<{ kind: 'goal' | 'action'; id: string }>`
    SELECT 'goal' AS kind, g.id FROM goals g
    WHERE g.org_id = ${kase.orgId} AND g.case_id = ${kase.caseId} AND g.id = ANY(${[...ids.goalIds]}::uuid[])
    UNION ALL
    SELECT 'action' AS kind, a.id FROM actions a
    WHERE a.org_id = ${kase.orgId} AND a.case_id = ${kase.caseId} AND a.id = ANY(${[...ids.actionIds]}::uuid[])
  `.execute(db);
  return {
    goalIds: rows.filter((r) => r.kind === 'goal').map((r) => r.id),
    actionIds: rows.filter((r) => r.kind === 'action').map((r) => r.id),
  };
}

/** Moves the case's last attention forward to `at` (never back: a late entry of old work keeps the newer time). */
export async function touchCaseAttention(db: DbOrTx, orgId: string, caseId: string, at: Date): Promise<void> {
  await db
    .updateTable('cases')
    .set({ last_attention_at: sql<Date>`greatest(last_attention_at, ${at})` })
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .execute();
}
