/**
 * Per-account sign-in throttling: after a few free attempts, each further failure doubles the wait
 * (capped), and after MAX_CONSECUTIVE_FAILURES the account is locked until an admin unlocks it.
 */
export const FREE_ATTEMPTS = 5;
export const MAX_CONSECUTIVE_FAILURES = 100;
export const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds the account must wait after `failures` consecutive failures (0 = no wait). */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS));
}

export type ThrottleState =
  | { readonly kind: 'open' }
  | { readonly kind: 'wait'; readonly until: Date }
  | { readonly kind: 'locked' };

export function throttleState(failures: number, lockedUntil: Date | null, now: Date): ThrottleState {
  if (failures >= MAX_CONSECUTIVE_FAILURES) return { kind: 'locked' };
  if (lockedUntil && lockedUntil.getTime() > now.getTime()) return { kind: 'wait', until: lockedUntil };
  return { kind: 'open' };
}

/** The lock that follows one more failure. */
export function afterFailure(failures: number, now: Date): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  const wait = backoffSeconds(next);
  return { failures: next, lockedUntil: wait > 0 ? new Date(now.getTime() + wait * 1000) : null };
}
