import { AppError } from '../../domain/errors.ts';
import { insertConsent, listConsents } from '../../store/clients.ts';
import type { Tx } from '../../store/db.ts';
import type { ConsentPurpose, LawfulBasis } from '../../store/schema.ts';
import { recordingConsentMonths } from '../compliance/consent-settings.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type ConsentView, consentView } from './client-view.ts';
import { loadClient } from './load-client.ts';
import { organisationToday } from './organisation-today.ts';

export interface RecordConsentInput {
  readonly purpose: ConsentPurpose;
  readonly lawfulBasis: LawfulBasis;
  /** 'YYYY-MM-DD', not after today. */
  readonly givenAt: string;
  /** The last day the consent covers. */
  readonly expiresAt?: string | null | undefined;
  readonly notes?: string | null | undefined;
}

/**
 * Records a client's consent (what for, on which lawful basis, when, until when).
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (givenAt, expiresAt)
 */
export async function recordConsent(
  ctx: ServiceContext,
  clientId: string,
  input: RecordConsentInput,
): Promise<ConsentView> {
  const actor = requireActor(ctx);
  const today = await organisationToday(ctx);
  checkConsentDates(input, today);
  return inTransaction(ctx, async (tx) => {
    const { row: client } = await loadClient(ctx, clientId, 'change', tx, { forUpdate: true });
    const consent = await insertConsent(tx, {
      org_id: actor.orgId,
      client_id: client.id,
      purpose: input.purpose,
      lawful_basis: input.lawfulBasis,
      given_at: input.givenAt,
      expires_at: input.expiresAt ?? null,
      withdrawn_at: null,
      notes: input.notes?.trim() || null,
      recorded_by: actor.id,
      recorded_at: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'consent.recorded',
      entityType: 'client',
      entityId: client.id,
      details: { consentId: consent.id, purpose: consent.purpose, lawfulBasis: consent.lawful_basis },
    });
    return storedConsentView(ctx, tx, client.id, consent.id, today);
  });
}

/**
 * A consent's dates as given: not in the future, and an expiry not before the day it was given.
 * @throws AppError VALIDATION_FAILED (givenAt, expiresAt)
 */
export function checkConsentDates(
  input: { readonly givenAt: string; readonly expiresAt?: string | null | undefined },
  today: string,
): void {
  if (input.givenAt > today) {
    throw AppError.field('givenAt', 'Consent cannot be given in the future: enter the day it was given');
  }
  if (input.expiresAt && input.expiresAt < input.givenAt) {
    throw AppError.field('expiresAt', 'The expiry date cannot be before the date consent was given');
  }
}

/** A consent just written, as the API shows it (with its state today under the organisation's period). */
export async function storedConsentView(
  ctx: ServiceContext,
  tx: Tx,
  clientId: string,
  consentId: string,
  today: string,
): Promise<ConsentView> {
  const actor = requireActor(ctx);
  const stored = (await listConsents(tx, actor.orgId, clientId)).find((c) => c.id === consentId);
  if (!stored) throw new AppError('INTERNAL', 'The consent just written was not found.');
  return consentView(stored, today, await recordingConsentMonths(ctx, tx));
}
