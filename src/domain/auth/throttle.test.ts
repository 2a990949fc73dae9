import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  backoffSeconds,
  FREE_ATTEMPTS,
  MAX_CONSECUTIVE_FAILURES,
  MAX_DELAY_SECONDS,
  throttleState,
} from './throttle.ts';

const now = new Date('2026-11-24T10:00:00Z');

describe('sign-in throttling', () => {
  it('lets the first attempts through without waiting', () => {
    for (let n = 0; n < FREE_ATTEMPTS; n++) expect(backoffSeconds(n)).toBe(0);
  });

  it('doubles the wait with each further failure, up to a cap', () => {
    expect(backoffSeconds(FREE_ATTEMPTS)).toBe(1);
    expect(backoffSeconds(FREE_ATTEMPTS + 1)).toBe(2);
    expect(backoffSeconds(FREE_ATTEMPTS + 4)).toBe(16);
    expect(backoffSeconds(60)).toBe(MAX_DELAY_SECONDS);
    for (let n = 1; n < MAX_CONSECUTIVE_FAILURES; n++) {
      expect(backoffSeconds(n)).toBeGreaterThanOrEqual(backoffSeconds(n - 1));
    }
  });

  it('sets a lock after a failure that reaches the back-off', () => {
    expect(afterFailure(0, now)).toEqual({ failures: 1, lockedUntil: null });
    const fifth = afterFailure(FREE_ATTEMPTS - 1, now);
    expect(fifth.failures).toBe(FREE_ATTEMPTS);
    expect(fifth.lockedUntil?.toISOString()).toBe('2026-11-24T10:00:01.000Z');
  });

  it('is open, waiting or locked', () => {
    expect(throttleState(3, null, now)).toEqual({ kind: 'open' });
    expect(throttleState(6, new Date(now.getTime() + 1000), now).kind).toBe('wait');
    expect(throttleState(6, new Date(now.getTime() - 1), now).kind).toBe('open');
    expect(throttleState(MAX_CONSECUTIVE_FAILURES, null, now)).toEqual({ kind: 'locked' });
    expect(throttleState(MAX_CONSECUTIVE_FAILURES - 1, null, now).kind).toBe('open');
  });
});
