import type { CorrectiveActionState } from '../../domain/file-reviews/corrective-actions.ts';
import { listVisibleCorrectiveActions } from '../../store/corrective-actions.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { actionView, type CorrectiveActionView, reviewCalendar } from './file-review-views.ts';

/**
 * The corrective actions the actor may see — assigned to them, and those of cases in the teams
 * they supervise — earliest due first, each with its state on the organisation's today
 * (optionally only one state). The read is audited (`corrective-action.list_viewed`).
 * @throws AppError UNAUTHENTICATED
 */
export async function listCorrectiveActions(
  ctx: ServiceContext,
  input: { readonly state?: CorrectiveActionState | undefined },
): Promise<{ today: string; actions: CorrectiveActionView[] }> {
  const actor = requireActor(ctx);
  const cal = await reviewCalendar(ctx, actor.orgId);
  const rows = await listVisibleCorrectiveActions(ctx.db, { actor, now: ctx.clock.now() });
  const actions = rows
    .map((r) => actionView(r, cal))
    .filter((a) => !input.state || a.status.state === input.state);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'corrective-action.list_viewed',
      entityType: 'corrective-action',
      entityId: null,
      details: { state: input.state ?? null, caseIds: [...new Set(actions.map((a) => a.case_id))] },
    }),
  );
  return { today: cal.today, actions };
}
