/**
 * Subject access requests (`/api/subject-access-requests`) and rectification requests
 * (`/api/rectification-requests`): the data-protection officer's register. Auditors (the DPO
 * role) and admins only; every read and write is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  completeSubjectAccessRequestSchema,
  dataProtectionClientLookupQuerySchema,
  dataProtectionClientLookupSchema,
  dataProtectionListQuerySchema,
  extendSubjectAccessRequestSchema,
  linkRectificationNoteSchema,
  rectificationIdParamsSchema,
  rectificationRequestListSchema,
  rectificationRequestSchema,
  registerRectificationRequestSchema,
  registerSubjectAccessRequestSchema,
  resolveRectificationRequestSchema,
  restrictedNotesDecisionSchema,
  subjectAccessIdParamsSchema,
  subjectAccessRequestListSchema,
  subjectAccessRequestSchema,
} from '../../../contract/subject-access.ts';
import { handleDataProtectionRequests } from '../../../domain/data-protection/access.ts';
import { linkRectificationNote } from '../../../services/rectification/link-rectification-note.ts';
import { listRectificationRequests } from '../../../services/rectification/list-rectification-requests.ts';
import { registerRectificationRequest } from '../../../services/rectification/register-rectification-request.ts';
import { resolveRectificationRequest } from '../../../services/rectification/resolve-rectification-request.ts';
import { completeSubjectAccessRequest } from '../../../services/subject-access/complete-subject-access-request.ts';
import { decideRestrictedNotes } from '../../../services/subject-access/decide-restricted-notes.ts';
import { exportSubjectAccess } from '../../../services/subject-access/export-subject-access.ts';
import { extendSubjectAccessRequest } from '../../../services/subject-access/extend-subject-access-request.ts';
import { findClientsForRequest } from '../../../services/subject-access/find-clients-for-request.ts';
import {
  getSubjectAccessRequest,
  listSubjectAccessRegister,
} from '../../../services/subject-access/get-subject-access-request.ts';
import { registerSubjectAccessRequest } from '../../../services/subject-access/register-subject-access-request.ts';
import { presentRectificationRequest, presentSubjectAccessRequest } from './subject-access.presenter.ts';
import { buildSubjectAccessZip } from './subject-access.zip.ts';

const policy = handleDataProtectionRequests;
const problems = problemResponses(400, 401, 403, 404, 409);
const sarTags = ['subject access'];
const rectTags = ['rectification'];
const WHO = 'Auditors (the data-protection officer role) and admins; everyone else gets 403. Audited.';
const openFilter = (q: { clientId?: string | undefined; open?: 'true' | 'false' | undefined }) => ({
  clientId: q.clientId,
  open: q.open === 'true',
});

export const subjectAccessRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/subject-access-requests',
    {
      config: { policy },
      schema: {
        summary: 'The subject access register, open requests first by due date',
        description: `Each with its due date in words ("Overdue by 3 days"). ${WHO}`,
        tags: sarTags,
        querystring: dataProtectionListQuerySchema,
        response: { 200: subjectAccessRequestListSchema, ...problems },
      },
    },
    async (request) => ({
      requests: (await listSubjectAccessRegister(request.ctx, openFilter(request.query))).map(
        presentSubjectAccessRequest,
      ),
    }),
  );

  app.post(
    '/subject-access-requests',
    {
      config: { policy },
      schema: {
        summary: 'Register a subject access request',
        description: `Due one calendar month after receipt (ICO rule: the last day of the month when the next month is shorter; the next working day when it falls on a weekend or bank holiday). ${WHO}`,
        tags: sarTags,
        body: registerSubjectAccessRequestSchema,
        response: { 201: subjectAccessRequestSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentSubjectAccessRequest(await registerSubjectAccessRequest(request.ctx, request.body))),
  );

  app.get(
    '/subject-access-requests/client-lookup',
    {
      config: { policy },
      schema: {
        summary: 'Find the client a request is about (every client of the organisation)',
        description: `By part of a name or a date of birth (YYYY-MM-DD); at most 20. ${WHO}`,
        tags: sarTags,
        querystring: dataProtectionClientLookupQuerySchema,
        response: { 200: dataProtectionClientLookupSchema, ...problems },
      },
    },
    async (request) => ({ clients: await findClientsForRequest(request.ctx, request.query.q) }),
  );

  app.get(
    '/subject-access-requests/:id',
    {
      config: { policy },
      schema: {
        summary: 'One subject access request',
        description: WHO,
        tags: sarTags,
        params: subjectAccessIdParamsSchema,
        response: { 200: subjectAccessRequestSchema, ...problems },
      },
    },
    async (request) =>
      presentSubjectAccessRequest(await getSubjectAccessRequest(request.ctx, request.params.id)),
  );

  app.post(
    '/subject-access-requests/:id/extend',
    {
      config: { policy },
      schema: {
        summary: 'Extend the time to respond (once, up to two further months)',
        description: `The requester must have been told, with the reason, within the first month. ${WHO}`,
        tags: sarTags,
        params: subjectAccessIdParamsSchema,
        body: extendSubjectAccessRequestSchema,
        response: { 200: subjectAccessRequestSchema, ...problems },
      },
    },
    async (request) =>
      presentSubjectAccessRequest(
        await extendSubjectAccessRequest(request.ctx, request.params.id, request.body),
      ),
  );

  app.post(
    '/subject-access-requests/:id/complete',
    {
      config: { policy },
      schema: {
        summary: 'Close a request: completed (response sent) or refused (with the reason)',
        description: WHO,
        tags: sarTags,
        params: subjectAccessIdParamsSchema,
        body: completeSubjectAccessRequestSchema,
        response: { 200: subjectAccessRequestSchema, ...problems },
      },
    },
    async (request) =>
      presentSubjectAccessRequest(
        await completeSubjectAccessRequest(request.ctx, request.params.id, request.body),
      ),
  );

  app.post(
    '/subject-access-requests/:id/restricted-notes-decision',
    {
      config: { policy },
      schema: {
        summary: 'Record whether restricted notes go into the export, and why',
        description: `Until a decision to include them is recorded, restricted notes are left out of the export and listed as withheld. ${WHO}`,
        tags: sarTags,
        params: subjectAccessIdParamsSchema,
        body: restrictedNotesDecisionSchema,
        response: { 200: subjectAccessRequestSchema, ...problems },
      },
    },
    async (request) =>
      presentSubjectAccessRequest(await decideRestrictedNotes(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/subject-access-requests/:id/export',
    {
      config: { policy },
      schema: {
        summary: 'Everything held about the client, as a ZIP for review before release',
        description: `data.json (machine-readable, table by table, with the audit events about them), report.pdf (readable), redaction-review.json (every passage naming another person) and documents/. Nothing is redacted: release is the organisation's decision. Moves a received request to in progress. ${WHO}`,
        tags: sarTags,
        params: subjectAccessIdParamsSchema,
        response: { 200: z.any().describe('application/zip'), ...problems },
      },
    },
    async (request, reply) => {
      const x = await exportSubjectAccess(request.ctx, request.params.id);
      const zip = await buildSubjectAccessZip(x);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="subject-access-${request.params.id}.zip"`)
        .header('cache-control', 'no-store')
        .send(zip);
    },
  );

  app.get(
    '/rectification-requests',
    {
      config: { policy },
      schema: {
        summary: 'Rectification requests, open first by due date, with the changes linked to each',
        description: WHO,
        tags: rectTags,
        querystring: dataProtectionListQuerySchema,
        response: { 200: rectificationRequestListSchema, ...problems },
      },
    },
    async (request) => ({
      requests: (await listRectificationRequests(request.ctx, openFilter(request.query))).map(
        presentRectificationRequest,
      ),
    }),
  );

  app.post(
    '/rectification-requests',
    {
      config: { policy },
      schema: {
        summary: 'Record a request to correct a client’s data',
        description: `Due one calendar month after receipt. ${WHO}`,
        tags: rectTags,
        body: registerRectificationRequestSchema,
        response: { 201: rectificationRequestSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentRectificationRequest(await registerRectificationRequest(request.ctx, request.body))),
  );

  app.post(
    '/rectification-requests/:id/resolve',
    {
      config: { policy },
      schema: {
        summary: 'Resolve a rectification request: rectified (with linked changes) or refused',
        description: `changes are applied to the client's details now and kept in the field history linked to the request; fieldChangeIds link changes already made. Notes are corrected by amendment only: link the amendment with /notes. ${WHO}`,
        tags: rectTags,
        params: rectificationIdParamsSchema,
        body: resolveRectificationRequestSchema,
        response: { 200: rectificationRequestSchema, ...problems },
      },
    },
    async (request) =>
      presentRectificationRequest(
        await resolveRectificationRequest(request.ctx, request.params.id, request.body),
      ),
  );

  app.post(
    '/rectification-requests/:id/notes',
    {
      config: { policy },
      schema: {
        summary: 'Link the amendment note that corrects a record to the request',
        description: `The note must be a filed amendment on a case of the client. ${WHO}`,
        tags: rectTags,
        params: rectificationIdParamsSchema,
        body: linkRectificationNoteSchema,
        response: { 200: rectificationRequestSchema, ...problems },
      },
    },
    async (request) =>
      presentRectificationRequest(await linkRectificationNote(request.ctx, request.params.id, request.body)),
  );
};
