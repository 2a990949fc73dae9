import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { nextSortOrder } from '../../store/ordered-lists.ts';
import {
  getTimeLimitTemplate,
  insertTimeLimitTemplate,
  type StoredTimeLimitTemplate,
} from '../../store/time-limit-templates.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { type TimeLimitTemplateInput, validTemplateOf } from './template-input.ts';

const keyTaken = () =>
  AppError.field(
    'key',
    'Your organisation already has a time-limit template with this key (perhaps inactive: ' +
      'GET /api/time-limit-templates?all=true); choose another key or edit that template',
    'TIME_LIMIT_TEMPLATE_KEY_TAKEN',
  );

/**
 * An administrator adds a time-limit template, validated by the domain (every problem named as a
 * field). Its key is fixed once created. Audited (`time_limit_template.created`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED, TIME_LIMIT_TEMPLATE_KEY_TAKEN (field key)
 */
export async function createTimeLimitTemplate(
  ctx: ServiceContext,
  input: TimeLimitTemplateInput & { readonly key: string },
): Promise<StoredTimeLimitTemplate> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, {
    entityType: 'time_limit_template',
    entityId: input.key,
  });
  const template = validTemplateOf(input.key, input);
  if (await getTimeLimitTemplate(ctx.db, actor.orgId, template.key)) throw keyTaken();
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await insertTimeLimitTemplate(tx, actor.orgId, {
        template,
        sortOrder: input.sortOrder ?? (await nextSortOrder(tx, 'time_limit_templates', actor.orgId)),
        updatedBy: actor.id,
        updatedAt: ctx.clock.now(),
      });
      await audit(ctx, tx, {
        action: 'time_limit_template.created',
        entityType: 'time_limit_template',
        entityId: row.id,
        details: { key: template.key, ruleKind: template.rule.kind },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'time_limit_templates_org_id_key_key')) throw keyTaken();
    throw error;
  }
}
