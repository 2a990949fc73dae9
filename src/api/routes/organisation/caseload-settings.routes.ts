/** The organisation's caseload settings (everyone reads, admins change). Registered under /api/organisation. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseloadSettingsRequestSchema,
  caseloadSettingsSchema,
} from '../../../contract/caseload-settings.ts';
import { problemResponses } from '../../../contract/common.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import {
  DEFAULT_CASELOAD_SETTINGS,
  getCaseloadSettings,
} from '../../../services/organisation/get-caseload-settings.ts';
import { setCaseloadSettings } from '../../../services/organisation/set-caseload-settings.ts';
import type { CaseloadSettings } from '../../../store/caseload-settings.ts';

const tags = ['organisation'];

const present = (s: CaseloadSettings) => ({ ...s, defaults: { ...DEFAULT_CASELOAD_SETTINGS } });

export const caseloadSettingsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/caseload-settings',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The organisation’s caseload settings',
        description:
          'After how many working days without attention an open case counts as stalled (default 10), the ' +
          'default weeks between caseload reviews (4) and whether financial outcomes are recorded (true).',
        tags,
        response: { 200: caseloadSettingsSchema, ...problemResponses(401, 404) },
      },
    },
    async (request) => present(await getCaseloadSettings(request.ctx)),
  );

  app.put(
    '/caseload-settings',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Set the organisation’s caseload settings (admins)',
        description:
          '`stalledAfterDays` 1–250 working days, `reviewCadenceWeeks` 1–52, `recordsFinancialOutcomes` true ' +
          'or false; each problem names its field (VALIDATION_FAILED). Audited ' +
          '(organisation.caseload_settings_set).',
        tags,
        body: caseloadSettingsRequestSchema,
        response: { 200: caseloadSettingsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => present(await setCaseloadSettings(request.ctx, request.body)),
  );
};
