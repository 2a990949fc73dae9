/**
 * Equality monitoring: a client's answers (recorded by whoever may change the client, read by admins
 * only) under /api/clients, and the suppressed aggregate report under /api/equality-monitoring.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientIdParamsSchema } from '../../../contract/clients.ts';
import { problemResponses } from '../../../contract/common.ts';
import {
  type EqualityReportResponse,
  equalityMonitoringRequestSchema,
  equalityMonitoringSchema,
  equalityReportQuerySchema,
  equalityReportSchema,
} from '../../../contract/equality-monitoring.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import {
  type EqualityReport,
  equalityMonitoringReport,
  getEqualityMonitoring,
  recordEqualityMonitoring,
} from '../../../services/compliance/equality-monitoring.ts';

const tags = ['equality monitoring'];
const SUPPRESSION =
  'Every count below 5 is suppressed; where a suppressed count could be worked out from the total, the ' +
  'smallest other counts are suppressed too, until the suppressed counts hold at least 5 people together. ' +
  'All suppressed counts read the same ("suppressed": fewer than 5, or withheld to protect one), so a ' +
  'reader cannot tell which is which. A total below 5 suppresses the whole table.';

const presentReport = (r: EqualityReport): EqualityReportResponse => ({
  from: r.from,
  to: r.to,
  suppression: SUPPRESSION,
  tables: r.tables.map((t) => ({
    question: t.question,
    label: t.label,
    rows: t.rows.map((row) => ({
      value: row.value,
      label: row.label,
      count: row.count.shown ? row.count.count : null,
      shown: row.count.shown ? String(row.count.count) : 'suppressed',
    })),
    total: t.total.shown ? t.total.count : null,
  })),
});

export const clientEqualityMonitoringRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/:id/equality-monitoring',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'A client’s equality monitoring answers (admins only)',
        description:
          'Kept apart from the case record: never part of a case or client read. Audited ' +
          '(equality_monitoring.viewed). Anyone else gets FORBIDDEN.',
        tags,
        params: clientIdParamsSchema,
        response: { 200: equalityMonitoringSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const v = await getEqualityMonitoring(request.ctx, request.params.id);
      return {
        recorded: v.recorded,
        answers: v.answers,
        recordedAt: v.recordedAt?.toISOString() ?? null,
        updatedAt: v.updatedAt?.toISOString() ?? null,
      };
    },
  );

  app.put(
    '/:id/equality-monitoring',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record a client’s equality monitoring answers (optional; replaces earlier answers)',
        description:
          'Every question is optional and offers "prefer-not-to-say"; a question left out is not answered. ' +
          'Admins, and whoever may change the client’s record (others: CLIENT_NOT_FOUND or FORBIDDEN). ' +
          'Answers are not sent back: only admins read them. Audited (equality_monitoring.recorded, the ' +
          'number answered only).',
        tags,
        params: clientIdParamsSchema,
        body: equalityMonitoringRequestSchema,
        response: {
          204: z.null(),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      await recordEqualityMonitoring(request.ctx, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};

export const equalityReportRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/report',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Equality monitoring in aggregate, small numbers suppressed (admins)',
        description:
          'Clients with a case open at some time in the period (from–to inclusive), counted per answer of ' +
          `each question, with "not answered". ${SUPPRESSION} Audited (equality_monitoring.reported).`,
        tags,
        querystring: equalityReportQuerySchema,
        response: { 200: equalityReportSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => presentReport(await equalityMonitoringReport(request.ctx, request.query)),
  );
};
