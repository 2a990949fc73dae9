import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import {
  getTimeLimitTemplate,
  type StoredTimeLimitTemplate,
  updateTimeLimitTemplate,
} from '../../store/time-limit-templates.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { templateNotFound } from './template-input.ts';

/**
 * An administrator deactivates a template (it is no longer offered for new key dates; key dates
 * worked out from it keep how they were computed) or activates it again. Templates are never
 * deleted. Audited (`time_limit_template.deactivated` / `.activated`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, TIME_LIMIT_TEMPLATE_NOT_FOUND, CONFLICT (already so)
 */
export async function setTimeLimitTemplateActive(
  ctx: ServiceContext,
  key: string,
  active: boolean,
): Promise<StoredTimeLimitTemplate> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'time_limit_template', entityId: key });
  return inTransaction(ctx, async (tx) => {
    const current = await getTimeLimitTemplate(tx, actor.orgId, key, { forUpdate: true });
    if (!current) throw templateNotFound();
    if (current.active === active) {
      throw new AppError(
        'CONFLICT',
        `This time-limit template is already ${active ? 'active' : 'inactive'}.`,
      );
    }
    const row = await updateTimeLimitTemplate(tx, actor.orgId, key, {
      active,
      updatedBy: actor.id,
      updatedAt: ctx.clock.now(),
    });
    if (!row) throw templateNotFound();
    await audit(ctx, tx, {
      action: active ? 'time_limit_template.activated' : 'time_limit_template.deactivated',
      entityType: 'time_limit_template',
      entityId: row.id,
      details: { key },
    });
    return row;
  });
}
