import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { getRecordingConsentMonths, setRecordingConsentMonths } from '../../store/consent-settings.ts';
import type { DbOrTx } from '../../store/db.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface ConsentSettings {
  readonly recordingConsentMonths: number;
}

/**
 * How many months consent to recording lasts in the actor's organisation (when a consent record
 * has no expiry date of its own). Anyone signed in may read it.
 * @throws AppError UNAUTHENTICATED, NOT_FOUND
 */
export async function recordingConsentMonths(ctx: ServiceContext, db: DbOrTx = ctx.db): Promise<number> {
  const actor = requireActor(ctx);
  const months = await getRecordingConsentMonths(db, actor.orgId);
  if (months === undefined) throw new AppError('NOT_FOUND');
  return months;
}

/** @throws AppError UNAUTHENTICATED, NOT_FOUND */
export async function getConsentSettings(ctx: ServiceContext): Promise<ConsentSettings> {
  return { recordingConsentMonths: await recordingConsentMonths(ctx) };
}

/**
 * An administrator sets how long consent to recording lasts. Audited
 * (`organisation.consent_settings_set`: the old and new number of months); no change, no event.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (recordingConsentMonths), NOT_FOUND
 */
export async function setConsentSettings(
  ctx: ServiceContext,
  input: ConsentSettings,
): Promise<ConsentSettings> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'organisation', entityId: actor.orgId });
  const months = input.recordingConsentMonths;
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    throw AppError.field('recordingConsentMonths', 'Give a whole number of months from 1 to 120');
  }
  return inTransaction(ctx, async (tx) => {
    const before = await getRecordingConsentMonths(tx, actor.orgId, { forUpdate: true });
    if (before === undefined) throw new AppError('NOT_FOUND');
    if (before !== months) {
      await setRecordingConsentMonths(tx, actor.orgId, months);
      await audit(ctx, tx, {
        action: 'organisation.consent_settings_set',
        entityType: 'organisation',
        entityId: actor.orgId,
        details: { changed: { recordingConsentMonths: { from: before, to: months } } },
      });
    }
    return { recordingConsentMonths: months };
  });
}
