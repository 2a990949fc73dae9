/**
 * Information exchange of a case: handovers, referrals out and in (with the consent rule),
 * information-sharing records, and the one dated view with colleague shares and specialists.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createReferralRequestSchema,
  createSharingRecordRequestSchema,
  exchangeCaseParamsSchema,
  handoverIdParamsSchema,
  handoverListSchema,
  handoverSchema,
  informationExchangeSchema,
  referralIdParamsSchema,
  referralListSchema,
  referralSchema,
  sharingRecordListSchema,
  sharingRecordSchema,
  updateReferralRequestSchema,
} from '../../../contract/exchange.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { acknowledgeHandover } from '../../../services/exchange/acknowledge-handover.ts';
import { createReferral } from '../../../services/exchange/create-referral.ts';
import { createSharingRecord } from '../../../services/exchange/create-sharing-record.ts';
import { getInformationExchange } from '../../../services/exchange/get-information-exchange.ts';
import { listCaseHandovers } from '../../../services/exchange/list-case-handovers.ts';
import { listReferrals } from '../../../services/exchange/list-referrals.ts';
import { listSharingRecords } from '../../../services/exchange/list-sharing-records.ts';
import { updateReferral } from '../../../services/exchange/update-referral.ts';
import {
  presentHandover,
  presentInformationExchange,
  presentReferral,
  presentSharingRecord,
} from './exchange.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['information exchange'];
const VIEW = 'Anyone who may see the case; the read is audited. A case you may not see answers 404.';
const CONTRIBUTE =
  'The case’s owner, a supervisor of its team, or a colleague it is shared with; a case you may not see answers 404.';

export const exchangeRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/cases/:caseId/information-exchange',
    {
      config: { policy: signedIn },
      schema: {
        summary:
          'How information about a case moved: referrals, sharing decisions, shares, specialists, handovers',
        description: `One dated list, newest first, with the client’s live consent to referral. ${VIEW}`,
        tags,
        params: exchangeCaseParamsSchema,
        response: { 200: informationExchangeSchema, ...problems },
      },
    },
    async (request) =>
      presentInformationExchange(
        await getInformationExchange(request.ctx, request.params.caseId),
        request.ctx.actor?.id,
      ),
  );

  app.get(
    '/cases/:caseId/handovers',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The handovers of a case with their notes, newest first',
        description: `toYou marks those to the reader; an unacknowledged one is what the new owner reads first. ${VIEW}`,
        tags,
        params: exchangeCaseParamsSchema,
        response: { 200: handoverListSchema, ...problems },
      },
    },
    async (request) => ({
      handovers: (await listCaseHandovers(request.ctx, request.params.caseId)).map((h) =>
        presentHandover(h, request.ctx.actor?.id),
      ),
    }),
  );

  app.post(
    '/handovers/:id/acknowledge',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Mark a handover note read (the new owner only)',
        description:
          'Only the person the case was handed to (403 for others who may see the case, 404 for anyone else). ' +
          'Marking it again changes nothing.',
        tags,
        params: handoverIdParamsSchema,
        response: { 200: handoverSchema, ...problems },
      },
    },
    async (request) =>
      presentHandover(await acknowledgeHandover(request.ctx, request.params.id), request.ctx.actor?.id),
  );

  app.get(
    '/cases/:caseId/referrals',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The referrals out and in of a case, latest first',
        description: VIEW,
        tags,
        params: exchangeCaseParamsSchema,
        response: { 200: referralListSchema, ...problems },
      },
    },
    async (request) => ({
      referrals: (await listReferrals(request.ctx, request.params.caseId)).map(presentReferral),
    }),
  );

  app.post(
    '/cases/:caseId/referrals',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record a referral out (we refer the client on) or in (someone referred the client to us)',
        description:
          'A referral out needs informationShared and either the client’s live consent to referral ' +
          '(consentId, or the live one is found) or a lawfulBasis with a sharingRationale; otherwise 400 ' +
          'CONSENT_REQUIRED (field consentId) and nothing is written. Withdrawn or expired consents do not ' +
          `count. A referral out is also kept as an information-sharing record (decision shared). ${CONTRIBUTE}`,
        tags,
        params: exchangeCaseParamsSchema,
        body: createReferralRequestSchema,
        response: { 201: referralSchema, ...problems },
      },
    },
    async (request, reply) => {
      const row = await createReferral(request.ctx, { caseId: request.params.caseId, ...request.body });
      return reply.code(201).send(presentReferral(row));
    },
  );

  app.patch(
    '/referrals/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Move a referral on (accepted, declined, completed, withdrawn) or record its outcome',
        description: `made or received → accepted or declined → completed; withdrawn until it ends. Anything else: INVALID_STATUS_CHANGE. ${CONTRIBUTE}`,
        tags,
        params: referralIdParamsSchema,
        body: updateReferralRequestSchema,
        response: { 200: referralSchema, ...problems },
      },
    },
    async (request) => presentReferral(await updateReferral(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/cases/:caseId/sharing-records',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The information-sharing records of a case (shared and not shared), latest first',
        description: VIEW,
        tags,
        params: exchangeCaseParamsSchema,
        response: { 200: sharingRecordListSchema, ...problems },
      },
    },
    async (request) => ({
      sharingRecords: (await listSharingRecords(request.ctx, request.params.caseId)).map(
        presentSharingRecord,
      ),
    }),
  );

  app.post(
    '/cases/:caseId/sharing-records',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record a decision to share a client’s information, or not to share it',
        description:
          'shared: recipient, information, purpose, lawfulBasis or consentId (live on decidedOn), rationale. ' +
          'not-shared: recipient, information, purpose, rationale. Records are never changed (the database ' +
          `refuses): correct one with a new record naming it (correctsId). ${CONTRIBUTE}`,
        tags,
        params: exchangeCaseParamsSchema,
        body: createSharingRecordRequestSchema,
        response: { 201: sharingRecordSchema, ...problems },
      },
    },
    async (request, reply) => {
      const row = await createSharingRecord(request.ctx, { caseId: request.params.caseId, ...request.body });
      return reply.code(201).send(presentSharingRecord(row));
    },
  );
};
