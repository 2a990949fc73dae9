/**
 * Documents of cases (content kept in the row as bytea). Every query is scoped by org_id. Lists
 * and metadata never select the content; only the download does.
 */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { DocumentsTable } from './schema.ts';

export type NewDocument = Insertable<DocumentsTable>;
export type DocumentMeta = Omit<Selectable<DocumentsTable>, 'content'>;

/** What the access rules need about the note a document belongs to. */
export interface DocumentNoteFacts {
  readonly note_author_id: string | null;
  readonly note_status: 'draft' | 'filed' | null;
  readonly note_sensitivity: 'normal' | 'restricted' | null;
}

/** A document's metadata, who uploaded it, and the facts of its note (nulls when on the case). */
export interface DocumentView extends DocumentMeta, DocumentNoteFacts {
  readonly uploaded_by_name: string;
}

/** A note as documents need it: its case and the facts its access rules use. */
export interface NoteFacts {
  readonly id: string;
  readonly case_id: string;
  readonly author_id: string;
  readonly status: 'draft' | 'filed';
  readonly sensitivity: 'normal' | 'restricted';
}

const META_COLUMNS = [
  'documents.id',
  'documents.org_id',
  'documents.case_id',
  'documents.note_id',
  'documents.filename',
  'documents.content_type',
  'documents.size_bytes',
  'documents.sha256',
  'documents.uploaded_by',
  'documents.uploaded_at',
] as const;

function selectViews(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('documents')
    .innerJoin('users', (join) =>
      join.onRef('users.id', '=', 'documents.uploaded_by').onRef('users.org_id', '=', 'documents.org_id'),
    )
    .leftJoin('notes', (join) =>
      join.onRef('notes.id', '=', 'documents.note_id').onRef('notes.org_id', '=', 'documents.org_id'),
    )
    .select(META_COLUMNS)
    .select([
      'users.display_name as uploaded_by_name',
      'notes.author_id as note_author_id',
      'notes.status as note_status',
      'notes.sensitivity as note_sensitivity',
    ])
    .where('documents.org_id', '=', orgId);
}

/** Stores a document; returns its metadata (not the content). */
export async function insertDocument(db: DbOrTx, document: NewDocument): Promise<DocumentMeta> {
  return db
    .insertInto('documents')
    .values(document)
    .returning([
      'id',
      'org_id',
      'case_id',
      'note_id',
      'filename',
      'content_type',
      'size_bytes',
      'sha256',
      'uploaded_by',
      'uploaded_at',
    ])
    .executeTakeFirstOrThrow();
}

export async function getDocumentView(
  db: DbOrTx,
  orgId: string,
  documentId: string,
): Promise<DocumentView | undefined> {
  return selectViews(db, orgId).where('documents.id', '=', documentId).executeTakeFirst();
}

/** The documents of a case, newest first. */
export async function listDocumentViews(db: DbOrTx, orgId: string, caseId: string): Promise<DocumentView[]> {
  return selectViews(db, orgId)
    .where('documents.case_id', '=', caseId)
    .orderBy('documents.uploaded_at', 'desc')
    .orderBy('documents.id')
    .execute();
}

/** The stored bytes of one document. */
export async function getDocumentContent(
  db: DbOrTx,
  orgId: string,
  documentId: string,
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('content')
    .where('org_id', '=', orgId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  return row?.content;
}

/** The facts about one note of the organisation that attaching a document to it needs. */
export async function getNoteFacts(
  db: DbOrTx,
  orgId: string,
  noteId: string,
): Promise<NoteFacts | undefined> {
  return db
    .selectFrom('notes')
    .select(['id', 'case_id', 'author_id', 'status', 'sensitivity'])
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .executeTakeFirst();
}
