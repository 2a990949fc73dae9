import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type CaseloadSettings,
  getCaseloadSettings,
  setCaseloadSettings as writeSettings,
} from '../../store/caseload-settings.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

const SETTINGS = ['stalledAfterDays', 'reviewCadenceWeeks', 'recordsFinancialOutcomes'] as const;

const RANGES = {
  stalledAfterDays: { min: 1, max: 250, what: 'working days' },
  reviewCadenceWeeks: { min: 1, max: 52, what: 'weeks' },
} as const;

/**
 * An administrator sets the organisation's caseload settings. Audited
 * (`organisation.caseload_settings_set`: the names of the settings changed, with their old and
 * new values — numbers and a yes/no, no personal data); no change, no event.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (stalledAfterDays, reviewCadenceWeeks)
 */
export async function setCaseloadSettings(
  ctx: ServiceContext,
  input: CaseloadSettings,
): Promise<CaseloadSettings> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'organisation', entityId: actor.orgId });
  const problems = (Object.keys(RANGES) as (keyof typeof RANGES)[]).flatMap((field) => {
    const { min, max, what } = RANGES[field];
    const v = input[field];
    return Number.isInteger(v) && v >= min && v <= max
      ? []
      : [{ field, message: `Give a whole number of ${what} from ${min} to ${max}` }];
  });
  const first = problems[0];
  if (first)
    throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, { fields: problems });
  return inTransaction(ctx, async (tx) => {
    const before = await getCaseloadSettings(tx, actor.orgId, { forUpdate: true });
    if (!before) throw new AppError('NOT_FOUND');
    const changed = SETTINGS.filter((k) => input[k] !== before[k]);
    if (changed.length > 0) {
      await writeSettings(tx, actor.orgId, input);
      await audit(ctx, tx, {
        action: 'organisation.caseload_settings_set',
        entityType: 'organisation',
        entityId: actor.orgId,
        details: {
          changed: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: input[k] }])),
        },
      });
    }
    return {
      stalledAfterDays: input.stalledAfterDays,
      reviewCadenceWeeks: input.reviewCadenceWeeks,
      recordsFinancialOutcomes: input.recordsFinancialOutcomes,
    };
  });
}
