/** Serves the built web app (dist/web): hashed assets cached for a year, index.html for app paths. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Answers with the web app's index.html (client-side routes). */
    webApp(): FastifyReply;
  }
}

export async function registerWeb(app: FastifyInstance, config: Config) {
  const root = config.webDist;
  const built = existsSync(path.join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(root, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  app.decorateReply('webApp', function (this: FastifyReply) {
    if (!built) {
      return this.code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build` (npm start builds it when missing).');
    }
    void this.header('cache-control', 'no-cache');
    return this.sendFile('index.html', root);
  });
}
