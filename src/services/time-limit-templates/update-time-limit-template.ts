import { isDeepStrictEqual } from 'node:util';
import { manageUsers } from '../../domain/access/policy.ts';
import type { TimeLimitTemplate } from '../../domain/time-limits/templates.ts';
import {
  getTimeLimitTemplate,
  type StoredTimeLimitTemplate,
  updateTimeLimitTemplate as updateRow,
} from '../../store/time-limit-templates.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { type TimeLimitTemplateInput, templateNotFound, validTemplateOf } from './template-input.ts';

const FIELDS = ['name', 'source', 'eventLabel', 'rule', 'alternative', 'caution'] as const;

/**
 * An administrator replaces a template's content (name, source, event, rule, alternative, caution)
 * and optionally its position; its key never changes. Inactive templates can be edited too. Audited
 * (`time_limit_template.updated`, with the names of the fields that changed); no change, no event.
 * Key dates already worked out from it keep how they were computed.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED, TIME_LIMIT_TEMPLATE_NOT_FOUND
 */
export async function updateTimeLimitTemplate(
  ctx: ServiceContext,
  key: string,
  input: TimeLimitTemplateInput,
): Promise<StoredTimeLimitTemplate> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'time_limit_template', entityId: key });
  const template = validTemplateOf(key, input);
  return inTransaction(ctx, async (tx) => {
    const current = await getTimeLimitTemplate(tx, actor.orgId, key, { forUpdate: true });
    if (!current) throw templateNotFound();
    const fields: string[] = FIELDS.filter(
      (f) => !isDeepStrictEqual(plain(current.template)[f] ?? null, plain(template)[f] ?? null),
    );
    if (input.sortOrder !== undefined && input.sortOrder !== current.sortOrder) fields.push('sortOrder');
    if (fields.length === 0) return current;
    const row = await updateRow(tx, actor.orgId, key, {
      template,
      ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }),
      updatedBy: actor.id,
      updatedAt: ctx.clock.now(),
    });
    if (!row) throw templateNotFound();
    await audit(ctx, tx, {
      action: 'time_limit_template.updated',
      entityType: 'time_limit_template',
      entityId: row.id,
      details: { key, fields },
    });
    return row;
  });
}

/** The template as it round-trips through jsonb, so undefined flags and key order do not count as changes. */
const plain = (t: TimeLimitTemplate): Record<string, unknown> => JSON.parse(JSON.stringify(t));
