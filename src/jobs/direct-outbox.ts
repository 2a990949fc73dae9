/**
 * The outbox of a process that runs no job queue (CASELOAD_JOBS=off) while e-mail is on: a nudge
 * delivers in this process, one delivery at a time (a nudge during one runs another after it).
 * Delivery locks its rows, so this is safe beside the job queues of other processes.
 */
import type { Outbox } from '../services/context.ts';
import { deliverPendingEmail } from '../services/notifications/deliver-pending-email.ts';
import { type JobLogger, type MailDelivery, systemContext, type TickDeps } from './tick.ts';

export function directOutbox(
  deps: TickDeps & { readonly mail: MailDelivery; readonly log: JobLogger },
): Outbox {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await deliverPendingEmail(systemContext(deps), deps.mail).catch((error) =>
        deps.log.error({ module: 'outbox', err: error }, 'e-mail delivery failed'),
      );
    } while (again);
  };
  return {
    emailEnabled: true,
    nudge: () => {
      if (running) {
        again = true;
        return;
      }
      running = run().finally(() => {
        running = undefined;
      });
    },
  };
}
