import { type GlossaryEntry, listGlossary as listGlossaryRows } from '../../store/glossary.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/**
 * The organisation's glossary of accepted abbreviations, for everyone who writes or reads notes.
 * @throws AppError UNAUTHENTICATED
 */
export async function listGlossary(ctx: ServiceContext): Promise<GlossaryEntry[]> {
  const actor = requireActor(ctx);
  return listGlossaryRows(ctx.db, actor.orgId);
}
