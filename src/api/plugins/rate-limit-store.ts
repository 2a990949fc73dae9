/**
 * The store of @fastify/rate-limit over PostgreSQL: with several app processes behind a load
 * balancer, a client address gets the configured number of sign-in attempts in all, not that
 * number per process (the plugin's default store counts in each process's memory).
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Db } from '../../store/db.ts';
import { countRequest } from '../../store/rate-limits.ts';

/** A store class for the plugin's `store` option, counting in `db`. */
export function sharedRateLimitStore(db: Db) {
  class SharedStore implements FastifyRateLimitStore {
    /** Each route with its own limit counts separately: the key starts with the route. */
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      countRequest(db, `${this.prefix}${key}`, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: FastifyRateLimitOptions & { routeInfo?: { method?: unknown; url?: unknown } }) {
      const route = routeOptions.routeInfo;
      return new SharedStore(routeOptions, `${this.prefix}${String(route?.method)} ${String(route?.url)} `);
    }
  }
  return SharedStore;
}
