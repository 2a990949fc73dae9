import { AppError } from '../../domain/errors.ts';
import { getConsentForUpdate, insertConsent } from '../../store/clients.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import type { ConsentView } from './client-view.ts';
import { loadClient } from './load-client.ts';
import { organisationToday } from './organisation-today.ts';
import { checkConsentDates, storedConsentView } from './record-consent.ts';

export interface RenewConsentInput {
  /** 'YYYY-MM-DD': the day the client gave consent again; not after today, not before the original. */
  readonly givenAt: string;
  /** The last day the renewal covers; without it the organisation's period applies (recording). */
  readonly expiresAt?: string | null | undefined;
  readonly notes?: string | null | undefined;
}

/**
 * Renews a consent: a new consent record for the same purpose and lawful basis, linked to the one
 * it renews (the old record stays as it was, for the history). A withdrawn consent is not renewed:
 * record a new consent instead. Audited (`consent.renewed`: the new and the renewed consent's ids
 * and the purpose).
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND, FORBIDDEN, CONSENT_NOT_FOUND,
 *   CONFLICT (withdrawn), VALIDATION_FAILED (givenAt, expiresAt)
 */
export async function renewConsent(
  ctx: ServiceContext,
  clientId: string,
  consentId: string,
  input: RenewConsentInput,
): Promise<ConsentView> {
  const actor = requireActor(ctx);
  const today = await organisationToday(ctx);
  checkConsentDates(input, today);
  return inTransaction(ctx, async (tx) => {
    const { row: client } = await loadClient(ctx, clientId, 'change', tx, { forUpdate: true });
    const old = await getConsentForUpdate(tx, actor.orgId, client.id, consentId);
    if (!old) throw new AppError('CONSENT_NOT_FOUND');
    if (old.withdrawn_at !== null) {
      throw new AppError(
        'CONFLICT',
        `This consent was withdrawn on ${old.withdrawn_at}: record a new consent if it is given again.`,
        {
          fields: [
            { field: 'consentId', message: 'Withdrawn consent cannot be renewed: record a new consent' },
          ],
        },
      );
    }
    if (input.givenAt < old.given_at) {
      throw AppError.field(
        'givenAt',
        `The consent renewed was given on ${old.given_at}: renew it on or after that day`,
      );
    }
    const renewed = await insertConsent(tx, {
      org_id: actor.orgId,
      client_id: client.id,
      purpose: old.purpose,
      lawful_basis: old.lawful_basis,
      given_at: input.givenAt,
      expires_at: input.expiresAt ?? null,
      withdrawn_at: null,
      notes: input.notes?.trim() || null,
      recorded_by: actor.id,
      recorded_at: ctx.clock.now(),
      renews_consent_id: old.id,
    });
    await audit(ctx, tx, {
      action: 'consent.renewed',
      entityType: 'client',
      entityId: client.id,
      details: { consentId: renewed.id, renewsConsentId: old.id, purpose: old.purpose },
    });
    return storedConsentView(ctx, tx, client.id, renewed.id, today);
  });
}
