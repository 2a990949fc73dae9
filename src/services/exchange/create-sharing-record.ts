import { AppError } from '../../domain/errors.ts';
import { type SharingDecision, sharingRecordProblem } from '../../domain/exchange/sharing-records.ts';
import type { LawfulBasis } from '../../store/schema.ts';
import {
  getSharingRecordWithNames,
  insertSharingRecord,
  lockClientConsents,
  type SharingRecordWithNames,
} from '../../store/sharing-records.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { consentFacts } from './consent-facts.ts';

export interface CreateSharingRecordInput {
  readonly caseId: string;
  readonly decision: SharingDecision;
  readonly recipient: string;
  readonly information: string;
  readonly purpose: string;
  readonly lawfulBasis?: LawfulBasis | undefined;
  readonly consentId?: string | undefined;
  readonly rationale: string;
  /** 'YYYY-MM-DD'; today when left out. */
  readonly decidedOn?: string | undefined;
  readonly correctsId?: string | undefined;
}

const PROBLEM_WORDS = {
  'not-found': 'This client has no consent record with this id.',
  'not-live':
    'This consent was not live on the day of the decision (withdrawn, expired, not yet given or not a consent to referral).',
  'needed-for-consent-basis':
    'The lawful basis “consent” needs the client’s consent to be recorded and relied on.',
  'basis-or-consent-required': 'A disclosure needs its lawful basis, the client’s consent, or both.',
  'in-future': 'The day of the decision cannot be in the future.',
} as const;

/**
 * Records a decision to share a client's information (with its lawful basis or consent) or not
 * to share it, with the recipient, the information, the purpose and the rationale. Records are
 * never changed (the database refuses): a correction is a new record naming the one it corrects.
 * Audited with ids and codes only.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (lawfulBasis,
 *   consentId, decidedOn, correctsId), CONSENT_NOT_FOUND (consentId)
 */
export async function createSharingRecord(
  ctx: ServiceContext,
  input: CreateSharingRecordInput,
): Promise<SharingRecordWithNames> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
    const { today } = await organisationCalendar(tx, actor.orgId, ctx.clock.now());
    const decidedOn = input.decidedOn ?? today;
    const consents = input.consentId
      ? (await lockClientConsents(tx, actor.orgId, caseRow.client_id)).map(consentFacts)
      : [];
    const problem = sharingRecordProblem(
      { decision: input.decision, lawfulBasis: input.lawfulBasis, consentId: input.consentId, decidedOn },
      consents,
      today,
    );
    if (problem) {
      throw AppError.field(
        problem.field,
        PROBLEM_WORDS[problem.reason],
        problem.reason === 'not-found' ? 'CONSENT_NOT_FOUND' : 'VALIDATION_FAILED',
      );
    }
    if (input.correctsId) {
      const corrected = await getSharingRecordWithNames(tx, actor.orgId, input.correctsId);
      if (!corrected || corrected.case_id !== caseRow.id) {
        throw AppError.field('correctsId', 'Name an earlier information-sharing record of this case.');
      }
    }
    const record = await insertSharingRecord(tx, {
      org_id: actor.orgId,
      case_id: caseRow.id,
      decision: input.decision,
      recipient: input.recipient.trim(),
      information: input.information.trim(),
      purpose: input.purpose.trim(),
      lawful_basis: input.lawfulBasis ?? null,
      consent_id: input.consentId ?? null,
      rationale: input.rationale.trim(),
      decided_on: decidedOn,
      referral_id: null,
      corrects_id: input.correctsId ?? null,
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
        ...(record.consent_id ? { consentId: record.consent_id } : {}),
        ...(record.lawful_basis ? { lawfulBasis: record.lawful_basis } : {}),
        ...(input.correctsId ? { correctsId: input.correctsId } : {}),
      },
    });
    const created = await getSharingRecordWithNames(tx, actor.orgId, record.id);
    if (!created) throw new Error('the sharing record just written is missing');
    return created;
  });
}
