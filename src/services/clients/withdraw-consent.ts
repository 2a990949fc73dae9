import { withdrawalRefusal } from '../../domain/clients/consent-state.ts';
import { AppError } from '../../domain/errors.ts';
import { getConsentForUpdate, listConsents, setConsentWithdrawn } from '../../store/clients.ts';
import { recordingConsentMonths } from '../compliance/consent-settings.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type ConsentView, consentView } from './client-view.ts';
import { loadClient } from './load-client.ts';
import { organisationToday } from './organisation-today.ts';

/**
 * Records that a client withdrew a consent on a day (from the day it was given up to today).
 * A withdrawal is final: a new consent is a new record.
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND, FORBIDDEN, CONSENT_NOT_FOUND,
 *   CONFLICT (already withdrawn), VALIDATION_FAILED (withdrawnAt)
 */
export async function withdrawConsent(
  ctx: ServiceContext,
  clientId: string,
  consentId: string,
  withdrawnAt: string,
): Promise<ConsentView> {
  const actor = requireActor(ctx);
  const today = await organisationToday(ctx);
  return inTransaction(ctx, async (tx) => {
    const { row: client } = await loadClient(ctx, clientId, 'change', tx, { forUpdate: true });
    const consent = await getConsentForUpdate(tx, actor.orgId, client.id, consentId);
    if (!consent) throw new AppError('CONSENT_NOT_FOUND');
    const dates = {
      givenAt: consent.given_at,
      expiresAt: consent.expires_at,
      withdrawnAt: consent.withdrawn_at,
    };
    switch (withdrawalRefusal(dates, withdrawnAt, today)) {
      case 'already-withdrawn':
        throw new AppError('CONFLICT', `This consent was already withdrawn on ${consent.withdrawn_at}.`, {
          fields: [
            { field: 'withdrawnAt', message: 'Already withdrawn: record a new consent if it is given again' },
          ],
        });
      case 'before-given':
        throw AppError.field(
          'withdrawnAt',
          `Consent was given on ${consent.given_at}: withdrawal cannot be earlier`,
        );
      case 'in-future':
        throw AppError.field(
          'withdrawnAt',
          'Enter the day the client withdrew consent: it cannot be in the future',
        );
    }
    await setConsentWithdrawn(tx, actor.orgId, consent.id, withdrawnAt);
    await audit(ctx, tx, {
      action: 'consent.withdrawn',
      entityType: 'client',
      entityId: client.id,
      details: { consentId: consent.id, purpose: consent.purpose },
    });
    const stored = (await listConsents(tx, actor.orgId, client.id)).find((c) => c.id === consent.id);
    if (!stored) throw new AppError('CONSENT_NOT_FOUND');
    return consentView(stored, today, await recordingConsentMonths(ctx, tx));
  });
}
