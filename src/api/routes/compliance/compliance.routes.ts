/** Compliance (issue 6): consent settings, the breach log, equality monitoring, the evidence pack. Registered under /api. */
import type { FastifyPluginAsync } from 'fastify';
import { breachesRoutes } from './breaches.routes.ts';
import { consentSettingsRoutes } from './consent-settings.routes.ts';
import { clientEqualityMonitoringRoutes, equalityReportRoutes } from './equality-monitoring.routes.ts';
import { evidencePackRoutes } from './evidence-pack.routes.ts';

export const complianceRoutes: FastifyPluginAsync = async (app) => {
  await app.register(consentSettingsRoutes, { prefix: '/organisation' });
  await app.register(breachesRoutes, { prefix: '/breaches' });
  await app.register(clientEqualityMonitoringRoutes, { prefix: '/clients' });
  await app.register(equalityReportRoutes, { prefix: '/equality-monitoring' });
  await app.register(evidencePackRoutes, { prefix: '/evidence-pack' });
};
