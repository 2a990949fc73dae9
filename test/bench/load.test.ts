/**
 * The bench's load tool (bench/lib/load.ts): percentiles by nearest rank, errors counted by kind,
 * and the open loop stopping — and saying so — when the server cannot keep up. No timing asserted.
 */
import { describe, expect, it } from 'vitest';
import {
  closedLoop,
  fixedRate,
  type Outcome,
  quantile,
  sequential,
  summarise,
} from '../../bench/lib/load.ts';

describe('quantile and summarise', () => {
  it('answer the nearest-rank percentile of exact values', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('counts the failed operations among the requests, not as extra ones', () => {
    const s = summarise([1, 2, 3, 4], new Map([['HTTP 500', 1]]), 2000);
    expect(s).toMatchObject({ requests: 4, ok: 3, errors: { 'HTTP 500': 1 }, throughput: 2, maxMs: 4 });
  });
});

describe('the runs', () => {
  it('count each kind of failure, thrown or answered', async () => {
    const op = async (i: number): Promise<Outcome> => {
      if (i % 3 === 1) return { ok: false, error: 'HTTP 503' };
      if (i % 3 === 2) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
      return { ok: true };
    };
    const s = await sequential(op, 9);
    expect(s).toMatchObject({ requests: 9, ok: 3, errors: { 'HTTP 503': 3, ECONNRESET: 3 } });
  });

  it('closed loop: every worker goes on until the time is up', async () => {
    const seen = new Set<number>();
    const s = await closedLoop(
      async (i) => {
        seen.add(i);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { ok: true };
      },
      3,
      0.05,
    );
    expect(s.requests).toBe(seen.size);
    expect(s.ok).toBe(s.requests);
    expect(s.requests).toBeGreaterThanOrEqual(3);
  });

  it('open loop: stops sending at maxInFlight outstanding and counts the rest as not sent', async () => {
    // A stuck server: nothing answers until well after the whole schedule (20 ms) was due.
    const release: (() => void)[] = [];
    const op = () => new Promise<Outcome>((resolve) => release.push(() => resolve({ ok: true })));
    setTimeout(() => {
      for (const r of release) r();
    }, 200);
    const s = await fixedRate(op, 1000, 0.02, 5); // 20 due, at most 5 outstanding
    expect(s.saturated).toBe(true);
    expect(s.requests).toBe(20);
    expect(s.ok).toBe(5);
    expect(s.errors).toEqual({ 'not sent: saturated': 15 });
  });

  it('open loop: sends every scheduled operation when the server keeps up', async () => {
    let calls = 0;
    const s = await fixedRate(
      async () => {
        calls++;
        return { ok: true };
      },
      1000,
      0.02,
    );
    expect(calls).toBe(20);
    expect(s).toMatchObject({ requests: 20, ok: 20, errors: {}, saturated: false });
  });
});
