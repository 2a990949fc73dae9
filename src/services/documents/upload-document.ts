import { createHash } from 'node:crypto';
import { canReadNoteContent } from '../../domain/cases/case-access.ts';
import {
  allowedDocumentType,
  allowedTypesInWords,
  contentMatchesType,
  sanitiseFilename,
} from '../../domain/documents/document-rules.ts';
import { AppError } from '../../domain/errors.ts';
import { getDocumentView, getNoteFacts, insertDocument } from '../../store/documents.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, recordSettings, requireActor, type ServiceContext } from '../context.ts';
import type { DocumentResult } from './document-view.ts';

export interface UploadDocumentInput {
  readonly caseId: string;
  /** Attach to this note of the case (its content must be readable by the uploader). */
  readonly noteId?: string | undefined;
  /** The name the client gave; it is sanitised before it is stored. */
  readonly filename: string;
  /** The file's own type as the client declared it. */
  readonly contentType: string;
  readonly content: Uint8Array;
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The upload limit as an error that states the limit. */
export function documentTooLarge(maxBytes: number): AppError {
  return new AppError(
    'DOCUMENT_TOO_LARGE',
    `The file is larger than the upload limit of ${megabytes(maxBytes)}; make it smaller (e.g. scan at a lower resolution) or split it.`,
  );
}

/** Checks what can be checked without the database; returns the allowed type. */
function checkFile(ctx: ServiceContext, input: UploadDocumentInput) {
  const { maxUploadBytes } = recordSettings(ctx);
  if (input.content.byteLength > maxUploadBytes) throw documentTooLarge(maxUploadBytes);
  if (input.content.byteLength === 0)
    throw AppError.field('body', 'The file is empty; choose the file again.');
  const type = allowedDocumentType(input.contentType);
  if (!type) {
    throw AppError.field(
      'contentType',
      `Files of type “${input.contentType.slice(0, 100)}” cannot be attached. Allowed: ${allowedTypesInWords()}.`,
      'DOCUMENT_TYPE_NOT_ALLOWED',
    );
  }
  if (!contentMatchesType(type, input.content)) {
    throw AppError.field(
      'contentType',
      `The file’s content is not a ${type.label}, although it was sent as ${type.contentType}; check you chose the right file.`,
      'DOCUMENT_TYPE_NOT_ALLOWED',
    );
  }
  return type;
}

/**
 * Attaches a file to a case, or to one of its notes: checks the size limit, the content-type
 * allow-list and the file's magic bytes, sanitises the filename, and stores the bytes with their
 * SHA-256. Audited without the filename (it may name the client).
 * @throws AppError DOCUMENT_TOO_LARGE, DOCUMENT_TYPE_NOT_ALLOWED (field contentType),
 *   VALIDATION_FAILED (field body: empty file), CASE_NOT_FOUND, FORBIDDEN, NOTE_NOT_FOUND (field noteId)
 */
export async function uploadDocument(
  ctx: ServiceContext,
  input: UploadDocumentInput,
): Promise<DocumentResult> {
  const actor = requireActor(ctx);
  const type = checkFile(ctx, input);
  const filename = sanitiseFilename(input.filename, type);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  return inTransaction(ctx, async (tx) => {
    const { row: caseRow, access } = await loadCase(ctx, input.caseId, 'contribute', tx);
    if (input.noteId) {
      const note = await getNoteFacts(tx, actor.orgId, input.noteId);
      const readable =
        note &&
        note.case_id === caseRow.id &&
        canReadNoteContent(
          actor,
          access,
          { authorId: note.author_id, status: note.status, sensitivity: note.sensitivity },
          ctx.clock.now(),
        );
      if (!readable) {
        throw AppError.field(
          'noteId',
          'There is no such note on this case that you can read; attach the file to the case, or to another note.',
          'NOTE_NOT_FOUND',
        );
      }
    }
    const stored = await insertDocument(tx, {
      org_id: actor.orgId,
      case_id: caseRow.id,
      note_id: input.noteId ?? null,
      filename,
      content_type: type.contentType,
      size_bytes: input.content.byteLength,
      sha256,
      content: Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength),
      uploaded_by: actor.id,
      uploaded_at: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'document.uploaded',
      entityType: 'document',
      entityId: stored.id,
      details: {
        caseId: caseRow.id,
        ...(stored.note_id ? { noteId: stored.note_id } : {}),
        contentType: stored.content_type,
        sizeBytes: stored.size_bytes,
        sha256,
      },
    });
    const view = await getDocumentView(tx, actor.orgId, stored.id);
    if (!view) throw new AppError('DOCUMENT_NOT_FOUND');
    return { document: view, withheld: false };
  });
}
