import { breachLog } from '../../domain/compliance/compliance-policies.ts';
import { AppError } from '../../domain/errors.ts';
import { insertBreach } from '../../store/breaches.ts';
import type { BreachRiskLevel } from '../../store/schema.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { BreachView } from './breach-view.ts';
import { loadBreachView } from './list-breaches.ts';

export interface RecordBreachInput {
  readonly discoveredAt: string;
  readonly whatHappened: string;
  readonly dataCategories?: readonly string[] | undefined;
  readonly peopleAffected?: number | null | undefined;
  readonly peopleCategories?: readonly string[] | undefined;
  readonly containment?: string | null | undefined;
  readonly riskLevel?: BreachRiskLevel | undefined;
  readonly riskAssessment?: string | null | undefined;
}

/** A small allowance for clocks that disagree: discovery cannot be later than now. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records a suspected personal data breach in the log (admins and auditors); the 72-hour ICO
 * deadline runs from `discoveredAt`. Audited (`breach.recorded`: the id, the counts and the field
 * names given — no free text).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (discoveredAt)
 */
export async function recordBreach(ctx: ServiceContext, input: RecordBreachInput): Promise<BreachView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, breachLog, undefined);
  const discoveredAt = new Date(input.discoveredAt);
  if (discoveredAt.getTime() > ctx.clock.now().getTime() + CLOCK_SKEW_MS) {
    throw AppError.field(
      'discoveredAt',
      'A breach cannot be discovered in the future: enter when it was found',
    );
  }
  return inTransaction(ctx, async (tx) => {
    const id = await insertBreach(tx, {
      org_id: actor.orgId,
      discovered_at: discoveredAt,
      what_happened: input.whatHappened,
      data_categories: [...(input.dataCategories ?? [])],
      people_affected: input.peopleAffected ?? null,
      people_categories: [...(input.peopleCategories ?? [])],
      containment: input.containment ?? null,
      risk_level: input.riskLevel ?? 'not-assessed',
      risk_assessment: input.riskAssessment ?? null,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      reported_at: null,
      ico_reference: null,
      individuals_informed_at: null,
      recorded_by: actor.id,
      recorded_at: ctx.clock.now(),
      updated_at: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'breach.recorded',
      entityType: 'breach',
      entityId: id,
      details: {
        peopleAffected: input.peopleAffected ?? null,
        riskLevel: input.riskLevel ?? 'not-assessed',
        fields: Object.keys(input).filter((k) => input[k as keyof RecordBreachInput] != null),
      },
    });
    return loadBreachView(ctx, id, tx);
  });
}
