/** Clients: recording, look-up, details, field history and consent records. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  clientHistorySchema,
  clientIdParamsSchema,
  clientLookupQuerySchema,
  clientLookupSchema,
  clientSchema,
  consentParamsSchema,
  consentSchema,
  createClientRequestSchema,
  duplicateClientProblemSchema,
  recordConsentRequestSchema,
  renewConsentRequestSchema,
  updateClientRequestSchema,
  withdrawConsentRequestSchema,
} from '../../../contract/clients.ts';
import { problemResponses } from '../../../contract/common.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { createClients } from '../../../domain/cases/client-access.ts';
import { createClient } from '../../../services/clients/create-client.ts';
import { getClient } from '../../../services/clients/get-client.ts';
import { listClientHistory } from '../../../services/clients/list-client-history.ts';
import { lookUpClients } from '../../../services/clients/look-up-clients.ts';
import { recordConsent } from '../../../services/clients/record-consent.ts';
import { renewConsent } from '../../../services/clients/renew-consent.ts';
import { updateClient } from '../../../services/clients/update-client.ts';
import { withdrawConsent } from '../../../services/clients/withdraw-consent.ts';
import {
  presentClient,
  presentClientHistory,
  presentClientLookup,
  presentConsent,
} from './clients.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const access =
  'You see a client you recorded, or one with a case you may see; anyone else gets CLIENT_NOT_FOUND.';

export const clientsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      // Everyone signed in may look; the service answers only clients the actor may see.
      config: { policy: signedIn },
      schema: {
        summary: 'Look up clients you may see by part of a name or a date of birth',
        description: `For choosing the client when opening a case; at most 20. ${access}`,
        tags: ['clients'],
        querystring: clientLookupQuerySchema,
        response: { 200: clientLookupSchema, ...problems },
      },
    },
    async (request) => presentClientLookup(await lookUpClients(request.ctx, request.query.q)),
  );

  app.post(
    '/',
    {
      config: { policy: createClients },
      schema: {
        summary: 'Record a new client (advisers and supervisors)',
        description:
          'The same legal name (ignoring case and spacing) and date of birth as an existing client of the ' +
          'organisation answers 409 POSSIBLE_DUPLICATE_CLIENT with the matches you may see; after ' +
          'checking, send `confirmNotDuplicate: true` to record the client anyway.',
        tags: ['clients'],
        body: createClientRequestSchema,
        response: { 201: clientSchema, ...problems, 409: duplicateClientProblemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentClient(await createClient(request.ctx, request.body))),
  );

  app.get(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'One client with consent records and the cases you may see (the read is audited)',
        description: access,
        tags: ['clients'],
        params: clientIdParamsSchema,
        response: { 200: clientSchema, ...problems },
      },
    },
    async (request) => presentClient(await getClient(request.ctx, request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change a client’s details; every changed field is kept in the history',
        description:
          'Safe-contact answers and access needs are merged member by member; null clears one. ' +
          'Whoever recorded the client or may contribute to one of their cases may change them.',
        tags: ['clients'],
        params: clientIdParamsSchema,
        body: updateClientRequestSchema,
        response: { 200: clientSchema, ...problems },
      },
    },
    async (request) => presentClient(await updateClient(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/:id/history',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Every change of a client’s details: field, old and new value, who and when',
        description: access,
        tags: ['clients'],
        params: clientIdParamsSchema,
        response: { 200: clientHistorySchema, ...problems },
      },
    },
    async (request) => presentClientHistory(await listClientHistory(request.ctx, request.params.id)),
  );

  app.post(
    '/:id/consents',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record a consent: what for, lawful basis, when given, until when',
        tags: ['clients'],
        params: clientIdParamsSchema,
        body: recordConsentRequestSchema,
        response: { 201: consentSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentConsent(await recordConsent(request.ctx, request.params.id, request.body))),
  );

  app.post(
    '/:id/consents/:consentId/withdraw',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record the day a client withdrew a consent',
        description:
          'Final: if consent is given again, record a new consent. Errors: CONSENT_NOT_FOUND, CONFLICT.',
        tags: ['clients'],
        params: consentParamsSchema,
        body: withdrawConsentRequestSchema,
        response: { 200: consentSchema, ...problems },
      },
    },
    async (request) =>
      presentConsent(
        await withdrawConsent(
          request.ctx,
          request.params.id,
          request.params.consentId,
          request.body.withdrawnAt,
        ),
      ),
  );

  app.post(
    '/:id/consents/:consentId/renew',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Renew a consent: the client gave it again',
        description:
          'Records a new consent for the same purpose and lawful basis, linked to the one renewed ' +
          '(renewsConsentId); without expiresAt, consent to recording lasts the organisation’s period ' +
          `from givenAt. A withdrawn consent cannot be renewed (CONFLICT): record a new one. Audited (consent.renewed). ${access}`,
        tags: ['clients'],
        params: consentParamsSchema,
        body: renewConsentRequestSchema,
        response: { 201: consentSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentConsent(
            await renewConsent(request.ctx, request.params.id, request.params.consentId, request.body),
          ),
        ),
  );
};
