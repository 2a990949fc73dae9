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

const NOTE_COLUMNS = [
  'notes.id',
  'notes.org_id',
  'notes.case_id',
  'notes.author_id',
  'notes.status',
  'notes.type',
  'notes.contact_channel',
  'notes.occurred_at',
  'notes.recorded_at',
  'notes.facts',
  'notes.advice',
  'notes.actions_agreed',
  'notes.judgement',
  'notes.sensitivity',
  'notes.amends_note_id',
  'notes.amendment_reason',
  'notes.goal_ids',
  'notes.action_ids',
  'notes.created_at',
  'notes.updated_at',
] as const;

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

/** Locks a note's row for the rest of the transaction (drafts change one writer at a time). */
export async function lockNote(db: DbOrTx, orgId: string, noteId: string) {
  return db
    .selectFrom('notes')
    .select(['id', 'case_id', 'author_id', 'status'])
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertNote(db: DbOrTx, values: NewNote): Promise<string> {
  const row = await db.insertInto('notes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
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

/** Files a draft at `recordedAt`; returns false when there is no such draft. */
export async function fileDraft(
  db: DbOrTx,
  orgId: string,
  noteId: string,
  recordedAt: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('notes')
    .set({ status: 'filed', recorded_at: recordedAt, updated_at: recordedAt })
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
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

/** The filed amendments of the given notes, oldest first. */
export async function listAmendments(
  db: DbOrTx,
  orgId: string,
  noteIds: readonly string[],
): Promise<AmendmentRef[]> {
  if (noteIds.length === 0) return [];
  const rows = await db
    .selectFrom('notes')
    .select(['id', 'amends_note_id', 'recorded_at', 'amendment_reason', 'author_id', 'sensitivity'])
    .where('org_id', '=', orgId)
    .where('amends_note_id', 'in', [...noteIds])
    .where('status', '=', 'filed')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) =>
    r.amends_note_id && r.recorded_at && r.amendment_reason !== null
      ? [
          {
            ...r,
            amends_note_id: r.amends_note_id,
            recorded_at: r.recorded_at,
            amendment_reason: r.amendment_reason,
          },
        ]
      : [],
  );
}

/** Which of `ids` are goals (or actions) of the case: the links a note may make. */
export async function findCaseItemIds(
  db: DbOrTx,
  table: 'goals' | 'actions',
  kase: { orgId: string; caseId: string },
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('org_id', '=', kase.orgId)
    .where('case_id', '=', kase.caseId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
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
