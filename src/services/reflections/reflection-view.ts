/** Shared steps of the reflective-log use cases: loading one's own entry, and what is shown with it. */
import { AppError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../store/db.ts';
import { getOwnReflection, type ReflectionRow } from '../../store/reflections.ts';
import { reviewsOfReflections } from '../../store/reviews.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface ReflectionResult {
  readonly reflection: ReflectionRow;
  readonly sharedInto: readonly { reviewId: string; status: string; sharedAt: Date }[];
  /** Shared into a completed review: part of that record. */
  readonly locked: boolean;
}

/** Entries with the reviews they were shared into. */
export async function withSharing(
  db: DbOrTx,
  orgId: string,
  rows: readonly ReflectionRow[],
): Promise<ReflectionResult[]> {
  const shared = await reviewsOfReflections(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((reflection) => {
    const sharedInto = shared.get(reflection.id) ?? [];
    return { reflection, sharedInto, locked: sharedInto.some((s) => s.status === 'completed') };
  });
}

/**
 * The actor's own entry; anyone else's — a supervisor's included — is not found.
 * @throws AppError UNAUTHENTICATED, REFLECTION_NOT_FOUND
 */
export async function loadOwnReflection(
  ctx: ServiceContext,
  db: DbOrTx,
  reflectionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReflectionRow> {
  const actor = requireActor(ctx);
  const row = await getOwnReflection(db, actor.orgId, actor.id, reflectionId, options);
  if (!row) throw new AppError('REFLECTION_NOT_FOUND');
  return row;
}

/**
 * The day an entry is about cannot be after today.
 * @throws AppError VALIDATION_FAILED (occurredOn)
 */
export function requireNotInFuture(occurredOn: string, today: string): void {
  if (occurredOn > today) {
    throw AppError.field('occurredOn', 'Give the day it happened: today or earlier.');
  }
}
