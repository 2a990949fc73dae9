import { AppError } from '../../domain/errors.ts';
import { getDocumentContent, getDocumentView } from '../../store/documents.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import { recordDenial, requireActor, type ServiceContext } from '../context.ts';
import { type DocumentResult, visibilityOf } from './document-view.ts';

export interface DownloadedDocument extends DocumentResult {
  readonly content: Buffer;
}

/**
 * A document's bytes, through the access check: its case must be visible to the actor, and when it
 * belongs to a note, the actor must be able to read that note's content. Audited as
 * `document.downloaded`; a refused download of a withheld document is audited as a denial.
 * @throws AppError UNAUTHENTICATED, DOCUMENT_NOT_FOUND, FORBIDDEN (restricted note)
 */
export async function downloadDocument(ctx: ServiceContext, documentId: string): Promise<DownloadedDocument> {
  const actor = requireActor(ctx);
  const document = await getDocumentView(ctx.db, actor.orgId, documentId);
  if (!document) throw new AppError('DOCUMENT_NOT_FOUND');
  let loaded: Awaited<ReturnType<typeof loadCase>>;
  try {
    loaded = await loadCase(ctx, document.case_id, 'view');
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND')
      throw new AppError('DOCUMENT_NOT_FOUND');
    throw error;
  }
  const visibility = visibilityOf(actor, loaded.access, document, ctx.clock.now());
  if (visibility === 'hidden') throw new AppError('DOCUMENT_NOT_FOUND');
  if (visibility === 'withheld') {
    await recordDenial(ctx, 'note.read-content', { entityType: 'document', entityId: document.id });
    throw new AppError(
      'FORBIDDEN',
      'This document belongs to a restricted note: only its author, the case owner and the team’s supervisors may open it.',
    );
  }
  const content = await getDocumentContent(ctx.db, actor.orgId, document.id);
  if (!content) throw new AppError('DOCUMENT_NOT_FOUND');
  await auditRead(ctx, {
    action: 'document.downloaded',
    entityType: 'document',
    entityId: document.id,
    details: { caseId: document.case_id, ...(document.note_id ? { noteId: document.note_id } : {}) },
  });
  return { document, withheld: false, content };
}
