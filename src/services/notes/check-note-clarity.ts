import { type ClarityInput, clarityHints, type Hint } from '../../domain/notes/clarity-hints.ts';
import { listGlossaryTerms } from '../../store/glossary.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/**
 * Clarity hints for a note being written, against the organisation's glossary. Advisory only:
 * nothing is stored or refused.
 * @throws AppError UNAUTHENTICATED
 */
export async function checkNoteClarity(ctx: ServiceContext, input: ClarityInput): Promise<Hint[]> {
  const actor = requireActor(ctx);
  const glossary = await listGlossaryTerms(ctx.db, actor.orgId);
  return clarityHints(input, { glossary });
}
