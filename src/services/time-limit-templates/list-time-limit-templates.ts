import { manageUsers } from '../../domain/access/policy.ts';
import {
  listTimeLimitTemplates as listRows,
  type StoredTimeLimitTemplate,
} from '../../store/time-limit-templates.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * The organisation's time-limit templates in display order: the active ones, or with `all`
 * (administrators only) the inactive ones too.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (all, for non-admins)
 */
export async function listTimeLimitTemplates(
  ctx: ServiceContext,
  options: { all?: boolean } = {},
): Promise<StoredTimeLimitTemplate[]> {
  const actor = requireActor(ctx);
  // Organisation settings are the admins' (the users.manage policy).
  if (options.all) await requireAccess(ctx, manageUsers, undefined);
  return listRows(ctx.db, actor.orgId, { activeOnly: !options.all });
}
