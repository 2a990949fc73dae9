/** The OpenAPI document, generated from the zod schemas of the routes, and the API reference page. */
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { publicAccess } from '../domain/access/policy.ts';
import { ERROR_CODES } from '../domain/errors.ts';
import { renderApiReference } from './api-reference.ts';
import { STATUS_OF } from './errors.ts';

const errorTable = Object.entries(ERROR_CODES)
  .map(
    ([code, text]) =>
      `| <a id="error-${code}"></a>\`${code}\` | ${STATUS_OF[code as keyof typeof ERROR_CODES]} | ${text} |`,
  )
  .join('\n');

const description = `Caseload's HTTP API. Sign in with \`POST /api/auth/login\`; the session lives in an
HttpOnly cookie, and every write must carry the session's \`x-csrf-token\` header.
Errors are \`application/problem+json\` with a stable \`code\`:

| code | status | meaning |
|---|---|---|
${errorTable}`;

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Caseload API', version: '0.1.0', description },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-caseload' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { policy: publicAccess } }, async () =>
    app.swagger(),
  );
  let page: string | undefined;
  app.get(
    '/api/docs',
    { schema: { hide: true }, config: { policy: publicAccess } },
    async (_request, reply) => {
      page ??= renderApiReference(app.swagger() as Parameters<typeof renderApiReference>[0]);
      return reply.type('text/html; charset=utf-8').send(page);
    },
  );
}
