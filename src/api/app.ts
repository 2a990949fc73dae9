/**
 * buildApp(config, deps): the Fastify application without listen(). Routes are registered per
 * resource folder under ./routes; every route declares its access policy.
 */
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import type { Clock, Outbox } from '../services/context.ts';
import type { Db } from '../store/db.ts';
import { errorHandler, sendProblem } from './errors.ts';
import { loggerOptions } from './logging.ts';
import { registerOpenApi } from './openapi.ts';
import { registerAccess } from './plugins/access.ts';
import { registerOutbox } from './plugins/outbox.ts';
import { sharedRateLimitStore } from './plugins/rate-limit-store.ts';
import { actionsRoutes } from './routes/actions/actions.routes.ts';
import { anonymisedExportsRoutes } from './routes/anonymised-exports/anonymised-exports.routes.ts';
import { assessmentsRoutes } from './routes/assessments/assessments.routes.ts';
import { authRoutes } from './routes/auth/auth.routes.ts';
import { capacityRoutes } from './routes/capacity/capacity.routes.ts';
import { caseTypesRoutes } from './routes/case-types/case-types.routes.ts';
import { caseloadRoutes } from './routes/caseload/caseload.routes.ts';
import { casesRoutes } from './routes/cases/cases.routes.ts';
import { chronologyRoutes } from './routes/chronology/chronology.routes.ts';
import { clientsRoutes } from './routes/clients/clients.routes.ts';
import { complianceRoutes } from './routes/compliance/compliance.routes.ts';
import { dashboardRoutes } from './routes/dashboard/dashboard.routes.ts';
import { documentsRoutes } from './routes/documents/documents.routes.ts';
import { exchangeRoutes } from './routes/exchange/exchange.routes.ts';
import { externalFactorsRoutes } from './routes/external-factors/external-factors.routes.ts';
import { fileReviewsRoutes } from './routes/file-reviews/file-reviews.routes.ts';
import { glossaryRoutes } from './routes/glossary/glossary.routes.ts';
import { goalsRoutes } from './routes/goals/goals.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { keyDatesRoutes } from './routes/key-dates/key-dates.routes.ts';
import { notesRoutes } from './routes/notes/notes.routes.ts';
import { informRoutes } from './routes/notifications/inform.routes.ts';
import { notificationsRoutes } from './routes/notifications/notifications.routes.ts';
import { obstaclesRoutes } from './routes/obstacles/obstacles.routes.ts';
import { caseloadSettingsRoutes } from './routes/organisation/caseload-settings.routes.ts';
import { organisationRoutes } from './routes/organisation/organisation.routes.ts';
import { outcomesRoutes } from './routes/outcomes/outcomes.routes.ts';
import { priorityPolicyRoutes } from './routes/priority/priority.routes.ts';
import { reflectionsRoutes } from './routes/reflections/reflections.routes.ts';
import { resourcesRoutes } from './routes/resources/resources.routes.ts';
import { retentionRoutes } from './routes/retention/retention.routes.ts';
import { reviewSchedulesRoutes } from './routes/reviews/review-schedules.routes.ts';
import { reviewsRoutes } from './routes/reviews/reviews.routes.ts';
import { searchRoutes } from './routes/search/search.routes.ts';
import { serviceTimescalesRoutes } from './routes/service-timescales/service-timescales.routes.ts';
import { subjectAccessRoutes } from './routes/subject-access/subject-access.routes.ts';
import { teamsRoutes } from './routes/teams/teams.routes.ts';
import { timeLimitTemplatesRoutes } from './routes/time-limit-templates/time-limit-templates.routes.ts';
import { usersRoutes } from './routes/users/users.routes.ts';
import { weightingRoutes } from './routes/weighting/weighting.routes.ts';
import { worklistRoutes } from './routes/worklist/worklist.routes.ts';
import { registerWeb } from './web.ts';

export interface AppDeps {
  readonly db: Db;
  readonly dbKind: 'embedded' | 'external';
  readonly clock: Clock;
  /** Where log lines go (default: standard output); tests capture them. */
  readonly logStream?: { write(line: string): void };
  /** The outbox of notification e-mails (absent: in-app notifications only). */
  readonly outbox?: Outbox;
}

export type App = FastifyInstance;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export async function buildApp(config: Config, deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // No automatic HEAD routes: a HEAD of a case-data GET would be audited as a read that sent nothing.
    exposeHeadRoutes: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only; anything else is 415 rather than a confusing validation error.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // Counted in PostgreSQL, so that N app processes do not give an address N times the limit.
    store: sharedRateLimitStore(deps.db),
    errorResponseBuilder: (_req, context) =>
      new AppError(
        'RATE_LIMITED',
        `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
        {
          extra: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        },
      ),
  });

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      void reply.header('cache-control', 'no-store');
    }
  });

  registerAccess(app, config, deps);
  registerOutbox(app, deps.outbox);
  await registerOpenApi(app);

  await app.register(healthRoutes, { prefix: '/api', deps });
  await app.register(authRoutes, { prefix: '/api/auth', config });
  await app.register(usersRoutes, { prefix: '/api/users' });
  await app.register(teamsRoutes, { prefix: '/api/teams' });
  await app.register(clientsRoutes, { prefix: '/api/clients' });
  await app.register(caseTypesRoutes, { prefix: '/api/case-types' });
  await app.register(casesRoutes, { prefix: '/api/cases' });
  await app.register(notificationsRoutes, { prefix: '/api/notifications' });
  await app.register(informRoutes, { prefix: '/api/cases' });
  await app.register(chronologyRoutes, { prefix: '/api/cases' });
  await app.register(searchRoutes, { prefix: '/api/search' });
  await app.register(notesRoutes, { prefix: '/api' });
  await app.register(glossaryRoutes, { prefix: '/api/glossary' });
  await app.register(actionsRoutes, { prefix: '/api' });
  await app.register(goalsRoutes, { prefix: '/api' });
  await app.register(obstaclesRoutes, { prefix: '/api' });
  await app.register(keyDatesRoutes, { prefix: '/api' });
  await app.register(priorityPolicyRoutes, { prefix: '/api/priority-policy' });
  await app.register(caseloadRoutes, { prefix: '/api/caseload' });
  await app.register(timeLimitTemplatesRoutes, { prefix: '/api/time-limit-templates' });
  await app.register(serviceTimescalesRoutes, { prefix: '/api/service-timescales' });
  await app.register(organisationRoutes, { prefix: '/api/organisation' });
  await app.register(assessmentsRoutes, { prefix: '/api/cases' });
  await app.register(resourcesRoutes, { prefix: '/api/cases' });
  await app.register(documentsRoutes, { prefix: '/api', maxUploadBytes: config.records.maxUploadBytes });
  await app.register(worklistRoutes, { prefix: '/api/worklist' });
  await app.register(dashboardRoutes, { prefix: '/api/dashboard' });
  await app.register(externalFactorsRoutes, { prefix: '/api/external-factors' });
  await app.register(caseloadSettingsRoutes, { prefix: '/api/organisation' });
  await app.register(weightingRoutes, { prefix: '/api' });
  await app.register(capacityRoutes, { prefix: '/api/capacity' });

  await app.register(reviewSchedulesRoutes, { prefix: '/api/review-schedules' });
  await app.register(reviewsRoutes, { prefix: '/api/reviews' });
  await app.register(reflectionsRoutes, { prefix: '/api/reflections' });
  await app.register(exchangeRoutes, { prefix: '/api' });
  await app.register(outcomesRoutes, { prefix: '/api' });
  await app.register(fileReviewsRoutes, { prefix: '/api' });
  await app.register(complianceRoutes, { prefix: '/api' });
  await app.register(subjectAccessRoutes, { prefix: '/api' });
  await app.register(anonymisedExportsRoutes, { prefix: '/api' });
  await app.register(retentionRoutes, { prefix: '/api' });
  await registerWeb(app, config);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return sendProblem(
        reply,
        new AppError('NOT_FOUND', `There is no API route ${request.method} ${request.url.split('?')[0]}.`),
      );
    }
    return reply.webApp();
  });
  return app;
}
