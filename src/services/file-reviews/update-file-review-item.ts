import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type FileReviewItemRow,
  getFileReviewItem,
  updateFileReviewItem as updateRow,
} from '../../store/file-review-items.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface UpdateFileReviewItemInput {
  readonly label?: string | undefined;
  readonly guidance?: string | null | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

/**
 * An administrator rewords, reorders, retires or brings back a checklist item. Its key never
 * changes and it is never deleted: past answers keep the wording they were given under
 * (file_review_answers.item_label). Audited (`file-review-item.updated`, naming the fields).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function updateFileReviewItem(
  ctx: ServiceContext,
  id: string,
  input: UpdateFileReviewItemInput,
): Promise<FileReviewItemRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'file-review-item', entityId: id });
  return inTransaction(ctx, async (tx) => {
    const current = await getFileReviewItem(tx, actor.orgId, id, { lock: true });
    if (!current) throw new AppError('NOT_FOUND', 'There is no such item on your organisation’s checklist.');
    const next = {
      label: input.label?.trim() ?? current.label,
      guidance: input.guidance === undefined ? current.guidance : input.guidance,
      active: input.active ?? current.active,
      sortOrder: input.sortOrder ?? current.sort_order,
    };
    const fields = [
      next.label !== current.label ? 'label' : undefined,
      next.guidance !== current.guidance ? 'guidance' : undefined,
      next.active !== current.active ? 'active' : undefined,
      next.sortOrder !== current.sort_order ? 'sortOrder' : undefined,
    ].filter((f): f is string => f !== undefined);
    if (fields.length === 0) return current;
    const row = await updateRow(tx, actor.orgId, id, next);
    if (!row) throw new AppError('NOT_FOUND', 'There is no such item on your organisation’s checklist.');
    await audit(ctx, tx, {
      action: 'file-review-item.updated',
      entityType: 'file-review-item',
      entityId: row.id,
      details: { key: row.key, fields, ...(fields.includes('active') ? { active: row.active } : {}) },
    });
    return row;
  });
}
