import { manageUsers } from '../../domain/access/policy.ts';
import { listOutcomeTypes as listRows, type OutcomeTypeRow } from '../../store/outcome-types.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * The organisation's outcome list in its order: the active outcomes, or with `all`
 * (administrators only) the inactive ones too.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (all, for non-admins)
 */
export async function listOutcomeTypes(
  ctx: ServiceContext,
  options: { all?: boolean } = {},
): Promise<OutcomeTypeRow[]> {
  const actor = requireActor(ctx);
  // Organisation settings are the admins' (the users.manage policy).
  if (options.all) await requireAccess(ctx, manageUsers, undefined);
  return listRows(ctx.db, actor.orgId, { activeOnly: !options.all });
}
