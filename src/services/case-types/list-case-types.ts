import { manageUsers } from '../../domain/access/policy.ts';
import { listCaseTypesOf } from '../../store/case-types.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

export type CaseTypeRow = Awaited<ReturnType<typeof listCaseTypesOf>>[number];

/**
 * The organisation's case types in display order: the active ones, or with `all` (administrators
 * only) the inactive ones too.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (all, for non-admins)
 */
export async function listCaseTypes(
  ctx: ServiceContext,
  options: { all?: boolean } = {},
): Promise<CaseTypeRow[]> {
  const actor = requireActor(ctx);
  // Organisation settings are the admins' (the users.manage policy).
  if (options.all) await requireAccess(ctx, manageUsers, undefined);
  return listCaseTypesOf(ctx.db, actor.orgId, { activeOnly: !options.all });
}
