/** GET /api/evidence-pack — the quality-mark evidence pack for a period, as PDF or CSV. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import { evidencePackQuerySchema } from '../../../contract/evidence-pack.ts';
import { evidencePack } from '../../../domain/compliance/compliance-policies.ts';
import { exportEvidencePack } from '../../../services/compliance/export-evidence-pack.ts';
import { renderEvidencePackCsv } from './evidence-pack.csv.ts';
import { renderEvidencePackPdf } from './evidence-pack.pdf.ts';

export const evidencePackRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: evidencePack },
      schema: {
        summary: 'The quality-mark evidence pack for a period (AQS, SQM, Lexcel), as PDF or CSV',
        description:
          'The key-dates register (met and missed counts, and the list by case reference), the file-review ' +
          'log with results and corrective actions, caseload reviews held per practitioner (on time or late), ' +
          'and service timescale compliance of the open cases at the time of export. No client names. ' +
          'Admins: the whole organisation; supervisors: the teams they supervise (anyone else: FORBIDDEN). ' +
          'Audited (evidence_pack.exported).',
        tags: ['evidence pack'],
        querystring: evidencePackQuerySchema,
        response: {
          200: z.any().describe('application/pdf or text/csv'),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const pack = await exportEvidencePack(request.ctx, { from, to, format });
      const name = `evidence-pack-${from}-to-${to}`;
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(renderEvidencePackCsv(pack));
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await renderEvidencePackPdf(pack, pack.generatedBy));
    },
  );
};
