/** POST /api/anonymised-exports (JSON) and /api/anonymised-exports.zip (export.json + export.pdf). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  anonymisedExportRequestSchema,
  anonymisedExportSchema,
} from '../../../contract/anonymised-exports.ts';
import { problemResponses } from '../../../contract/common.ts';
import { exportAnonymisedCases } from '../../../domain/anonymise/access.ts';
import { createAnonymisedExport } from '../../../services/anonymise/create-anonymised-export.ts';
import { buildAnonymisedExportZip } from './anonymised-exports.pdf.ts';
import { presentAnonymisedExport } from './anonymised-exports.presenter.ts';

const tags = ['anonymised exports'];
const description =
  'Selected cases with people replaced by pseudonyms (the same person, the same pseudonym throughout one ' +
  'export), names and identifiers removed from free text, dates of birth as age bands and other dates as ' +
  'days from each case’s opening. Restricted notes are left out. Every case must be one you may view ' +
  '(otherwise CASE_NOT_FOUND and nothing is exported). Advisers, supervisors and admins. Audited per case ' +
  '(cases.anonymised_export, counts only). Errors: VALIDATION_FAILED, CASE_NOT_FOUND, FORBIDDEN.';

export const anonymisedExportsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/anonymised-exports',
    {
      config: { policy: exportAnonymisedCases },
      schema: {
        summary: 'Produce an anonymised export of selected cases (JSON)',
        description,
        tags,
        body: anonymisedExportRequestSchema,
        response: { 200: anonymisedExportSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentAnonymisedExport(await createAnonymisedExport(request.ctx, request.body)),
  );

  app.post(
    '/anonymised-exports.zip',
    {
      config: { policy: exportAnonymisedCases },
      schema: {
        summary:
          'Produce an anonymised export of selected cases as a ZIP (export.json and a readable export.pdf)',
        description,
        tags,
        body: anonymisedExportRequestSchema,
        response: { 200: z.any().describe('application/zip'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const x = presentAnonymisedExport(await createAnonymisedExport(request.ctx, request.body));
      const zip = await buildAnonymisedExportZip(x, request.ctx.clock.now());
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="anonymised-export-${x.producedOn}.zip"`)
        .send(zip);
    },
  );
};
