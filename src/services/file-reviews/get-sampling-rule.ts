import { requireActor, type ServiceContext } from '../context.ts';
import {
  loadSamplingRule,
  reviewCalendar,
  type SamplingRuleView,
  samplingRuleView,
} from './file-review-views.ts';

/**
 * The organisation's file-review sampling rule, with the period today falls in.
 * @throws AppError UNAUTHENTICATED
 */
export async function getSamplingRuleView(ctx: ServiceContext): Promise<SamplingRuleView> {
  const actor = requireActor(ctx);
  const [rule, cal] = await Promise.all([
    loadSamplingRule(ctx.db, actor.orgId),
    reviewCalendar(ctx, actor.orgId),
  ]);
  return samplingRuleView(rule, cal.today);
}
