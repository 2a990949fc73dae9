import { manageUsers } from '../../domain/access/policy.ts';
import { type SamplingRuleRow, setSamplingRule as setRule } from '../../store/file-review-items.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import {
  loadSamplingRule,
  reviewCalendar,
  type SamplingRuleView,
  samplingRuleView,
} from './file-review-views.ts';

/**
 * An administrator sets the sampling rule: cases per practitioner (0–50), the period (month,
 * quarter, half-year or year) and the share chosen by risk (0–1). Samples already drawn stay as
 * they are. Audited (`file-review.rule_set`, with the previous and new rule); no change, no event.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function setSamplingRule(
  ctx: ServiceContext,
  input: SamplingRuleRow,
): Promise<SamplingRuleView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'organisation', entityId: actor.orgId });
  const next: SamplingRuleRow = {
    casesPerPractitioner: input.casesPerPractitioner,
    period: input.period,
    riskShare: Math.round(input.riskShare * 100) / 100,
  };
  return inTransaction(ctx, async (tx) => {
    const previous = await loadSamplingRule(tx, actor.orgId, { lock: true });
    const changed =
      previous.casesPerPractitioner !== next.casesPerPractitioner ||
      previous.period !== next.period ||
      previous.riskShare !== next.riskShare;
    if (changed) {
      await setRule(tx, actor.orgId, next);
      await audit(ctx, tx, {
        action: 'file-review.rule_set',
        entityType: 'organisation',
        entityId: actor.orgId,
        details: { ...next, previous: { ...previous } },
      });
    }
    const cal = await reviewCalendar(ctx, actor.orgId, tx);
    return samplingRuleView(next, cal.today);
  });
}
