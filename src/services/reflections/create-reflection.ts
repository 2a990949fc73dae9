import { insertReflection } from '../../store/reflections.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { type ReflectionResult, requireNotInFuture } from './reflection-view.ts';

export interface ReflectionInput {
  readonly title: string;
  readonly occurredOn: string;
  readonly description?: string | undefined;
  readonly feelings?: string | undefined;
  readonly evaluation?: string | undefined;
  readonly analysis?: string | undefined;
  readonly conclusion?: string | undefined;
  readonly actionPlan?: string | undefined;
}

/**
 * Writes a new entry in the actor's reflective log, on Gibbs' six headings (any may be left empty
 * for now). Private to its author until they share it into a review. Audited (`reflection.created`,
 * which headings were written — never the text).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (occurredOn in the future)
 */
export async function createReflection(
  ctx: ServiceContext,
  input: ReflectionInput,
): Promise<ReflectionResult> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    requireNotInFuture(input.occurredOn, (await organisationCalendar(tx, actor.orgId, now)).today);
    const row = await insertReflection(tx, {
      org_id: actor.orgId,
      author_id: actor.id,
      title: input.title.trim(),
      occurred_on: input.occurredOn,
      description: input.description?.trim() ?? '',
      feelings: input.feelings?.trim() ?? '',
      evaluation: input.evaluation?.trim() ?? '',
      analysis: input.analysis?.trim() ?? '',
      conclusion: input.conclusion?.trim() ?? '',
      action_plan: input.actionPlan?.trim() ?? '',
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'reflection.created',
      entityType: 'reflection',
      entityId: row.id,
      details: { fields: writtenFields(input) },
    });
    return { reflection: row, sharedInto: [], locked: false };
  });
}

/** The names of the headings with text, for the audit. */
export const writtenFields = (input: Partial<ReflectionInput>): string[] =>
  Object.entries(input)
    .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
    .map(([k]) => k)
    .sort();
