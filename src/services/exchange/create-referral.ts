import { AppError } from '../../domain/errors.ts';
import {
  consentStandingWords,
  decideSharingBasis,
  initialReferralStatus,
  type ReferralDirection,
  type SharingBasis,
  type SharingBasisRefusal,
} from '../../domain/exchange/referrals.ts';
import type { Tx } from '../../store/db.ts';
import { getReferralWithNames, insertReferral, type ReferralWithNames } from '../../store/referrals.ts';
import type { CaseRow, LawfulBasis } from '../../store/schema.ts';
import { insertSharingRecord, lockClientConsents } from '../../store/sharing-records.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { consentFacts } from './consent-facts.ts';

export interface CreateReferralInput {
  readonly caseId: string;
  readonly direction: ReferralDirection;
  readonly organisation: string;
  readonly service?: string | undefined;
  readonly reason: string;
  readonly informationShared?: string | undefined;
  readonly consentId?: string | undefined;
  readonly lawfulBasis?: LawfulBasis | undefined;
  readonly sharingRationale?: string | undefined;
  /** 'YYYY-MM-DD'; today when left out. */
  readonly referredOn?: string | undefined;
}

const CONSENT_RULE =
  'A referral out needs the client’s consent to referral, or the lawful basis and your reasons for sharing without consent (for example a safeguarding concern).';

function refusalError(refusal: SharingBasisRefusal): AppError {
  switch (refusal.code) {
    case 'CONSENT_NOT_FOUND':
      return AppError.field(
        'consentId',
        'This client has no consent record with this id.',
        'CONSENT_NOT_FOUND',
      );
    case 'CONSENT_REQUIRED':
      return AppError.field(
        'consentId',
        refusal.standing
          ? `This consent ${consentStandingWords(refusal.standing)}, so it does not count. ${CONSENT_RULE}`
          : `The client has no live consent to referral (withdrawn or expired consents do not count). ${CONSENT_RULE}`,
        'CONSENT_REQUIRED',
      );
    case 'VALIDATION_FAILED':
      return refusal.field === 'lawfulBasis'
        ? AppError.field(
            'lawfulBasis',
            'Choose the lawful basis for sharing without consent (the basis “consent” needs a recorded consent).',
          )
        : AppError.field(
            'sharingRationale',
            'Say why you share the client’s information without their consent.',
          );
  }
}

/** Refuses the sharing fields on a referral in: we did not share, they did. */
function refuseSharingFieldsIn(input: CreateReferralInput): void {
  for (const field of ['consentId', 'lawfulBasis', 'sharingRationale'] as const) {
    if (input[field] !== undefined) {
      throw AppError.field(
        field,
        `${field} is for referrals out (you share the client’s information); leave it out.`,
      );
    }
  }
}

/**
 * Records a referral of a case: out (we refer the client on) or in (someone referred the client
 * to us). A referral out shares the client's information, so it needs what is shared and a ground
 * for sharing (see decideSharingBasis): the client's live consent to referral, or a lawful basis
 * and a rationale — without them it is refused (CONSENT_REQUIRED, field consentId) and nothing is
 * written. A referral out is also kept as an information-sharing record (decision shared) in the
 * same transaction. Audited with ids and codes only.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, CONSENT_REQUIRED, CONSENT_NOT_FOUND,
 *   VALIDATION_FAILED (informationShared, lawfulBasis, sharingRationale, referredOn, consentId)
 */
export async function createReferral(
  ctx: ServiceContext,
  input: CreateReferralInput,
): Promise<ReferralWithNames> {
  const actor = requireActor(ctx);
  if (input.direction === 'in') refuseSharingFieldsIn(input);
  return inTransaction(ctx, async (tx) => {
    const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
    const { today } = await organisationCalendar(tx, actor.orgId, ctx.clock.now());
    const referredOn = input.referredOn ?? today;
    if (referredOn > today) throw AppError.field('referredOn', 'The referral date cannot be in the future.');
    let basis: SharingBasis | null = null;
    if (input.direction === 'out') {
      if (!input.informationShared?.trim()) {
        throw AppError.field(
          'informationShared',
          'Say what information you share with them (for example: name, contact details, the decision letter).',
        );
      }
      const consents = (await lockClientConsents(tx, actor.orgId, caseRow.client_id)).map(consentFacts);
      const decision = decideSharingBasis(
        { consentId: input.consentId, lawfulBasis: input.lawfulBasis, rationale: input.sharingRationale },
        consents,
        referredOn,
      );
      if (!decision.ok) throw refusalError(decision.refusal);
      basis = decision.basis;
    }
    const referral = await insertReferral(tx, {
      org_id: actor.orgId,
      case_id: caseRow.id,
      direction: input.direction,
      organisation: input.organisation.trim(),
      service: input.service?.trim() || null,
      reason: input.reason.trim(),
      information_shared: input.informationShared?.trim() || null,
      consent_id: basis?.consent?.id ?? null,
      lawful_basis: basis?.lawfulBasis ?? null,
      sharing_rationale: basis?.rationale ?? null,
      status: initialReferralStatus(input.direction),
      outcome: null,
      referred_on: referredOn,
      created_by: actor.id,
      created_at: ctx.clock.now(),
      updated_at: ctx.clock.now(),
    });
    const sharingRecordId = basis ? await recordDisclosure(ctx, tx, caseRow, referral, basis) : null;
    await audit(ctx, tx, {
      action: 'referral.created',
      entityType: 'referral',
      entityId: referral.id,
      details: {
        caseId: caseRow.id,
        direction: referral.direction,
        status: referral.status,
        ...(referral.consent_id ? { consentId: referral.consent_id } : {}),
        ...(referral.lawful_basis ? { lawfulBasis: referral.lawful_basis } : {}),
        ...(sharingRecordId ? { sharingRecordId } : {}),
      },
    });
    const created = await getReferralWithNames(tx, actor.orgId, referral.id);
    if (!created) throw new AppError('REFERRAL_NOT_FOUND');
    return created;
  });
}

/** The information-sharing record of a referral out (decision shared), in the same transaction. */
async function recordDisclosure(
  ctx: ServiceContext,
  tx: Tx,
  caseRow: CaseRow,
  referral: Awaited<ReturnType<typeof insertReferral>>,
  basis: SharingBasis,
): Promise<string> {
  const actor = requireActor(ctx);
  const recipient = referral.service
    ? `${referral.organisation} (${referral.service})`
    : referral.organisation;
  const record = await insertSharingRecord(tx, {
    org_id: actor.orgId,
    case_id: caseRow.id,
    decision: 'shared',
    recipient: recipient.slice(0, 200),
    information: referral.information_shared ?? '',
    purpose: `Referral: ${referral.reason}`.slice(0, 4000),
    lawful_basis: basis.lawfulBasis,
    consent_id: basis.consent?.id ?? null,
    rationale:
      basis.rationale ??
      `With the client’s consent to referral given on ${basis.consent?.givenAt ?? referral.referred_on}.`,
    decided_on: referral.referred_on,
    referral_id: referral.id,
    recorded_by: actor.id,
    recorded_at: ctx.clock.now(),
  });
  await audit(ctx, tx, {
    action: 'sharing_record.created',
    entityType: 'sharing-record',
    entityId: record.id,
    details: {
      caseId: caseRow.id,
      decision: record.decision,
      referralId: referral.id,
      ...(record.consent_id ? { consentId: record.consent_id } : {}),
      ...(record.lawful_basis ? { lawfulBasis: record.lawful_basis } : {}),
    },
  });
  return record.id;
}
