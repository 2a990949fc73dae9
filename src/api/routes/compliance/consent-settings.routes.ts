/** How long consent to recording lasts (everyone reads, admins change). Registered under /api/organisation. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import { consentSettingsRequestSchema, consentSettingsSchema } from '../../../contract/consent-settings.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { DEFAULT_RECORDING_CONSENT_MONTHS } from '../../../domain/clients/consent-state.ts';
import {
  type ConsentSettings,
  getConsentSettings,
  setConsentSettings,
} from '../../../services/compliance/consent-settings.ts';

const tags = ['organisation'];

const present = (s: ConsentSettings) => ({
  recordingConsentMonths: s.recordingConsentMonths,
  defaults: { recordingConsentMonths: DEFAULT_RECORDING_CONSENT_MONTHS },
});

export const consentSettingsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/consent-settings',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'How long consent to recording lasts',
        description:
          'Months from the day consent to recording was given until it runs out, when the consent record ' +
          'has no expiry date of its own (default 12). A client without live consent to recording is ' +
          'flagged on their cases and on the worklist.',
        tags,
        response: { 200: consentSettingsSchema, ...problemResponses(401, 404) },
      },
    },
    async (request) => present(await getConsentSettings(request.ctx)),
  );

  app.put(
    '/consent-settings',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Set how long consent to recording lasts (admins)',
        description:
          '`recordingConsentMonths` 1–120 (VALIDATION_FAILED names the field). Audited ' +
          '(organisation.consent_settings_set).',
        tags,
        body: consentSettingsRequestSchema,
        response: { 200: consentSettingsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => present(await setConsentSettings(request.ctx, request.body)),
  );
};
