/**
 * Gives each request's service context the outbox of notification e-mails. A service nudges it
 * inside its transaction; the delivery is only asked for once the response has been sent, when
 * the transaction has committed (a nudge from a request that failed costs one empty delivery run).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Outbox } from '../../services/context.ts';

const nudged = new WeakSet<FastifyRequest>();

export function registerOutbox(app: FastifyInstance, outbox: Outbox | undefined): void {
  if (!outbox) return;
  app.addHook('onRequest', async (request) => {
    request.ctx = {
      ...request.ctx,
      outbox: { emailEnabled: outbox.emailEnabled, nudge: () => void nudged.add(request) },
    };
  });
  app.addHook('onResponse', async (request) => {
    if (nudged.delete(request)) outbox.nudge();
  });
}
