/** GET /api/cases/:caseId/chronology (JSON) and /chronology.pdf — one case history in time order. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  chronologyParamsSchema,
  chronologyQuerySchema,
  chronologySchema,
} from '../../../contract/chronology.ts';
import { problemResponses } from '../../../contract/common.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import type { ChronologyEntry } from '../../../domain/cases/chronology.ts';
import { getCaseChronology } from '../../../services/chronology/get-case-chronology.ts';
import { renderChronologyPdf } from './chronology.pdf.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentEntry(e: ChronologyEntry) {
  return {
    ...e,
    at: e.at.toISOString(),
    note: e.note
      ? {
          ...e.note,
          recordedAt: iso(e.note.recordedAt),
          amendedBy: e.note.amendedBy.map((a) => ({ noteId: a.noteId, recordedAt: iso(a.recordedAt) })),
        }
      : undefined,
    notification: e.notification
      ? {
          kind: e.notification.kind,
          recipients: e.notification.recipients.map((r) => ({ name: r.name, readAt: iso(r.readAt) })),
        }
      : undefined,
  };
}

export const chronologyRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/:caseId/chronology',
    {
      config: { policy: signedIn },
      schema: {
        summary:
          'The case history: notes, actions, goals, key dates, obstacles, flags, changes, shares and notifications in time order',
        tags: ['cases'],
        params: chronologyParamsSchema,
        querystring: chronologyQuerySchema,
        response: { 200: chronologySchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const c = await getCaseChronology(request.ctx, request.params.caseId, request.query.kinds);
      return {
        caseId: c.caseRow.id,
        reference: c.caseRow.reference,
        timeZone: c.timeZone,
        entries: c.entries.map(presentEntry),
      };
    },
  );

  app.get(
    '/:caseId/chronology.pdf',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The case history as a PDF (page numbers, case reference; restricted content left out)',
        tags: ['cases'],
        params: chronologyParamsSchema,
        querystring: chronologyQuerySchema,
        response: { 200: z.any().describe('application/pdf'), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const c = await getCaseChronology(request.ctx, request.params.caseId, request.query.kinds);
      const pdf = await renderChronologyPdf({
        reference: c.caseRow.reference,
        entries: c.entries,
        generatedAt: request.ctx.clock.now(),
        generatedBy: c.readerName,
        timeZone: c.timeZone,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${c.caseRow.reference}-chronology.pdf"`)
        .send(pdf);
    },
  );
};
