import { manageUsers } from '../../domain/access/policy.ts';
import { type GlossaryEntry, upsertGlossaryTerm } from '../../store/glossary.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * An administrator adds an abbreviation to the organisation's glossary, or changes its meaning.
 * Clarity hints stop flagging it in notes. Terms arrive validated (capitals and digits).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function setGlossaryTerm(ctx: ServiceContext, entry: GlossaryEntry): Promise<GlossaryEntry> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'glossary_term', entityId: entry.term });
  return inTransaction(ctx, async (tx) => {
    const saved = await upsertGlossaryTerm(tx, actor.orgId, {
      term: entry.term,
      meaning: entry.meaning.trim(),
    });
    await audit(ctx, tx, {
      action: 'glossary.term_set',
      entityType: 'glossary_term',
      entityId: saved.term,
      details: { created: saved.created },
    });
    return { term: saved.term, meaning: saved.meaning };
  });
}
