import { manageUsers } from '../../domain/access/policy.ts';
import { type FileReviewItemRow, listFileReviewItems as listItems } from '../../store/file-review-items.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * The organisation's file-review checklist in order: the active items, or with `all`
 * (administrators only) the retired ones too.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (all, for non-admins)
 */
export async function listFileReviewItems(
  ctx: ServiceContext,
  options: { all?: boolean } = {},
): Promise<FileReviewItemRow[]> {
  const actor = requireActor(ctx);
  if (options.all) await requireAccess(ctx, manageUsers, undefined);
  return listItems(ctx.db, actor.orgId, { activeOnly: !options.all });
}
