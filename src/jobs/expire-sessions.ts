/**
 * Deletes ended sessions and ended rate-limit windows every few minutes. Idempotent, so every app
 * process may run it.
 */
import type { Config } from '../config.ts';
import type { Clock } from '../services/context.ts';
import type { Db } from '../store/db.ts';
import { deleteEndedRateLimits } from '../store/rate-limits.ts';
import { deleteExpiredSessions } from '../store/sessions.ts';

export function scheduleSessionExpiry(
  db: Db,
  config: Config,
  clock: Clock,
  everyMs = 5 * 60_000,
): () => void {
  const run = async () => {
    const now = clock.now();
    // The database may be restarting: the next run catches up.
    await deleteExpiredSessions(db, now, new Date(now.getTime() - config.session.idleMinutes * 60_000)).catch(
      () => undefined,
    );
    await deleteEndedRateLimits(db).catch(() => undefined);
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
