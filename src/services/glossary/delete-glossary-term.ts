import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { deleteGlossaryTerm as deleteGlossaryRow } from '../../store/glossary.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * An administrator removes an abbreviation from the organisation's glossary; clarity hints flag it
 * again. Filed notes are not touched.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, GLOSSARY_TERM_NOT_FOUND
 */
export async function deleteGlossaryTerm(ctx: ServiceContext, term: string): Promise<void> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'glossary_term', entityId: term });
  await inTransaction(ctx, async (tx) => {
    if (!(await deleteGlossaryRow(tx, actor.orgId, term))) throw new AppError('GLOSSARY_TERM_NOT_FOUND');
    await audit(ctx, tx, { action: 'glossary.term_deleted', entityType: 'glossary_term', entityId: term });
  });
}
