import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { publicAccess } from '../../../domain/access/policy.ts';
import type { AppDeps } from '../../app.ts';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.object({
      status: z.enum(['up', 'down']),
      kind: z.enum(['embedded', 'external']),
      latencyMs: z.number().optional(),
    }),
  })
  .meta({ id: 'Health' });

/** GET /api/health — 200 when the database answers, 503 when it does not. */
export const healthRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { policy: publicAccess },
      schema: {
        summary: 'Is the service up, and does its database answer?',
        tags: ['system'],
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      try {
        await sql`SELECT 1`.execute(deps.db);
        const latencyMs = Math.round((performance.now() - started) * 10) / 10;
        return { status: 'ok' as const, database: { status: 'up' as const, kind: deps.dbKind, latencyMs } };
      } catch {
        return reply
          .code(503)
          .send({ status: 'unavailable' as const, database: { status: 'down' as const, kind: deps.dbKind } });
      }
    },
  );
};
