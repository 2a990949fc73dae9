import { listDocumentViews } from '../../store/documents.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { type DocumentResult, visibilityOf } from './document-view.ts';

/**
 * The documents of a case (metadata only), newest first. Documents of another author's draft are
 * left out; those of a restricted note the actor may not read are listed as withheld, without
 * their filename. The read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listDocuments(ctx: ServiceContext, caseId: string): Promise<DocumentResult[]> {
  const actor = requireActor(ctx);
  const { row, access } = await loadCase(ctx, caseId, 'view');
  const now = ctx.clock.now();
  const results: DocumentResult[] = [];
  for (const document of await listDocumentViews(ctx.db, row.org_id, row.id)) {
    const visibility = visibilityOf(actor, access, document, now);
    if (visibility !== 'hidden') results.push({ document, withheld: visibility === 'withheld' });
  }
  await auditRead(ctx, { action: 'documents.listed', entityType: 'case', entityId: row.id });
  return results;
}
