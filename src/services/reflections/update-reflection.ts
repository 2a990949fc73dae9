import { AppError } from '../../domain/errors.ts';
import { type ReflectionPatch, updateReflection } from '../../store/reflections.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import type { ReflectionInput } from './create-reflection.ts';
import {
  loadOwnReflection,
  type ReflectionResult,
  requireNotInFuture,
  withSharing,
} from './reflection-view.ts';

/**
 * Changes one of the actor's own entries (anyone else's is not found). An entry shared into a
 * completed review is part of that review's record and no longer changes (CONFLICT): write a new
 * one. Audited (`reflection.updated`, the headings changed — never the text).
 * @throws AppError UNAUTHENTICATED, REFLECTION_NOT_FOUND, CONFLICT, VALIDATION_FAILED (occurredOn)
 */
export async function updateOwnReflection(
  ctx: ServiceContext,
  reflectionId: string,
  input: Partial<ReflectionInput>,
): Promise<ReflectionResult> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await loadOwnReflection(ctx, tx, reflectionId, { forUpdate: true });
    const [current] = await withSharing(tx, actor.orgId, [row]);
    if (current?.locked) {
      throw new AppError(
        'CONFLICT',
        'This entry was shared into a completed caseload review and is part of its record; write a new entry instead.',
      );
    }
    const now = ctx.clock.now();
    if (input.occurredOn !== undefined) {
      requireNotInFuture(input.occurredOn, (await organisationCalendar(tx, actor.orgId, now)).today);
    }
    const patch: ReflectionPatch = {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.occurredOn !== undefined ? { occurred_on: input.occurredOn } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(input.feelings !== undefined ? { feelings: input.feelings.trim() } : {}),
      ...(input.evaluation !== undefined ? { evaluation: input.evaluation.trim() } : {}),
      ...(input.analysis !== undefined ? { analysis: input.analysis.trim() } : {}),
      ...(input.conclusion !== undefined ? { conclusion: input.conclusion.trim() } : {}),
      ...(input.actionPlan !== undefined ? { action_plan: input.actionPlan.trim() } : {}),
    };
    const updated = await updateReflection(tx, actor.orgId, row.id, patch, now);
    await audit(ctx, tx, {
      action: 'reflection.updated',
      entityType: 'reflection',
      entityId: row.id,
      details: {
        fields: Object.keys(input)
          .filter((k) => input[k as keyof ReflectionInput] !== undefined)
          .sort(),
      },
    });
    return { reflection: updated, sharedInto: current?.sharedInto ?? [], locked: false };
  });
}
