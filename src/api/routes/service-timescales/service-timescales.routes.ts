/**
 * Service timescales: everyone reads how soon each band of each case type must be contacted,
 * reviewed and resolved; admins set them per band or per case type and band, or clear a setting.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  clearServiceTimescaleQuerySchema,
  serviceTimescalesChangeSchema,
  serviceTimescalesSchema,
  setServiceTimescaleRequestSchema,
} from '../../../contract/service-timescales.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { clearServiceTimescale } from '../../../services/service-timescales/clear-service-timescale.ts';
import { getServiceTimescales } from '../../../services/service-timescales/get-service-timescales.ts';
import { setServiceTimescale } from '../../../services/service-timescales/set-service-timescale.ts';
import { presentServiceTimescales, presentTimescaleChange } from './service-timescales.presenter.ts';

const problems = problemResponses(400, 401, 403, 404);
const tags = ['service-timescales'];
const AFTER =
  'Audited; the organisation’s open cases are then re-assessed (trigger `timescales`), and the answer ' +
  'says how many were assessed and how many changed.';

export const serviceTimescalesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary:
          'The service timescales in working days: every active case type × band, and the band defaults',
        description:
          'Each value says where it comes from: the case type’s own setting, the organisation’s default ' +
          'for the band, or the built-in default.',
        tags,
        response: { 200: serviceTimescalesSchema, ...problems },
      },
    },
    async (request) => presentServiceTimescales(await getServiceTimescales(request.ctx)),
  );

  app.put(
    '/',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Set the timescale of a case type and band, or (caseTypeId null) a band default (admins)',
        description:
          'Whole working days: first contact 1–250, review interval 1–250, target resolution 1–1000; first ' +
          'contact and the review interval no longer than the target resolution. Each problem names its ' +
          `field (VALIDATION_FAILED). ${AFTER}`,
        tags,
        body: setServiceTimescaleRequestSchema,
        response: { 200: serviceTimescalesChangeSchema, ...problems },
      },
    },
    async (request) => presentTimescaleChange(await setServiceTimescale(request.ctx, request.body)),
  );

  app.delete(
    '/',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Clear a setting so it inherits again (admins)',
        description:
          'With caseTypeId the case type falls back to the band default; without, the band falls back to ' +
          `the built-in default. NOT_FOUND when there is no such setting. ${AFTER}`,
        tags,
        querystring: clearServiceTimescaleQuerySchema,
        response: { 200: serviceTimescalesChangeSchema, ...problems },
      },
    },
    async (request) =>
      presentTimescaleChange(
        await clearServiceTimescale(request.ctx, {
          caseTypeId: request.query.caseTypeId ?? null,
          band: request.query.band,
        }),
      ),
  );
};
