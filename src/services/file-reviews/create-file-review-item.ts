import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import {
  type FileReviewItemRow,
  getFileReviewItemByKey,
  insertFileReviewItem,
} from '../../store/file-review-items.ts';
import { nextSortOrder } from '../../store/ordered-lists.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface CreateFileReviewItemInput {
  readonly key: string;
  readonly label: string;
  readonly guidance?: string | null | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

const keyTaken = () =>
  AppError.field(
    'key',
    'Your checklist already has an item with this key (perhaps inactive: GET /api/file-review-items?all=true); choose another key or reactivate that item',
    'CONFLICT',
  );

/**
 * An administrator adds an item to the file-review checklist; reviews still due ask it from now on.
 * Audited (`file-review-item.created`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CONFLICT (field key)
 */
export async function createFileReviewItem(
  ctx: ServiceContext,
  input: CreateFileReviewItemInput,
): Promise<FileReviewItemRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined);
  const key = input.key.trim();
  if (await getFileReviewItemByKey(ctx.db, actor.orgId, key)) throw keyTaken();
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await insertFileReviewItem(tx, {
        orgId: actor.orgId,
        key,
        label: input.label.trim(),
        guidance: input.guidance ?? null,
        active: input.active ?? true,
        sortOrder: input.sortOrder ?? (await nextSortOrder(tx, 'file_review_items', actor.orgId)),
      });
      await audit(ctx, tx, {
        action: 'file-review-item.created',
        entityType: 'file-review-item',
        entityId: row.id,
        details: { key: row.key, active: row.active, sortOrder: row.sort_order },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'file_review_items_org_id_key_key')) throw keyTaken();
    throw error;
  }
}
