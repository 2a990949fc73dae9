/**
 * The load tool: one async operation driven three ways, every latency kept (exact percentiles, no
 * histogram buckets).
 *
 * - fixedRate: open loop. Request i is due at t0 + i / rate and is sent then, whatever the earlier
 *   ones are doing; its latency counts from that scheduled time, not from when it left. A stall of
 *   the server therefore shows in every request that should have been sent during it (the correction
 *   for coordinated omission); a closed-loop tool would wait politely and report a few slow ones.
 * - closedLoop: N workers, each sending its next request when the previous answered: the maximum
 *   throughput, with latencies from the actual send.
 * - sequential: one at a time, n times.
 */

/** The outcome of one operation: ok (2xx and the expected shape) or an error described in a word. */
export type Outcome = { ok: true } | { ok: false; error: string };

export type Operation = (i: number) => Promise<Outcome>;

export interface LatencySummary {
  readonly requests: number;
  readonly ok: number;
  /** Failed operations by kind ("HTTP 500", "ECONNRESET"…); a run with errors is reported as such. */
  readonly errors: Record<string, number>;
  readonly durationS: number;
  /** Completed operations per second over the run (ok and failed). */
  readonly throughput: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: Float64Array | readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Summarises latencies (ms) and errors of a run that took durationMs. */
export function summarise(
  latencies: number[],
  errors: Map<string, number>,
  durationMs: number,
): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  const failed = [...errors.values()].reduce((a, b) => a + b, 0);
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    requests: latencies.length,
    ok: latencies.length - failed,
    errors: Object.fromEntries(errors),
    durationS: round2(durationMs / 1000),
    throughput: round2(latencies.length / (durationMs / 1000)),
    p50Ms: round2(quantile(sorted, 0.5)),
    p90Ms: round2(quantile(sorted, 0.9)),
    p95Ms: round2(quantile(sorted, 0.95)),
    p99Ms: round2(quantile(sorted, 0.99)),
    maxMs: round2(sorted.at(-1) ?? Number.NaN),
    meanMs: round2(latencies.length ? sum / latencies.length : Number.NaN),
  };
}

class Recorder {
  readonly latencies: number[] = [];
  readonly errors = new Map<string, number>();

  async run(op: Operation, i: number, from: number): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await op(i);
    } catch (error) {
      outcome = { ok: false, error: (error as NodeJS.ErrnoException).code ?? (error as Error).name };
    }
    this.latencies.push(performance.now() - from);
    if (!outcome.ok) this.errors.set(outcome.error, (this.errors.get(outcome.error) ?? 0) + 1);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open loop at `rate` operations a second for `seconds`; each latency measured from the operation's
 * scheduled time. Waits for the stragglers before summarising (the duration is the schedule's).
 *
 * A server that cannot keep up would otherwise gather an ever longer queue (and a run of minutes to
 * drain it): once `maxInFlight` operations (default: 2 s worth) are outstanding, the run stops
 * sending, counts every operation still to be sent as an error ("not sent: saturated") and says so.
 */
export async function fixedRate(
  op: Operation,
  rate: number,
  seconds: number,
  maxInFlight = rate * 2,
): Promise<LatencySummary & { saturated: boolean }> {
  const rec = new Recorder();
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const inFlight = new Set<Promise<void>>();
  const t0 = performance.now();
  let next = 0;
  let saturated = false;
  while (next < total && !saturated) {
    const now = performance.now();
    while (next < total && t0 + next * interval <= now) {
      if (inFlight.size >= maxInFlight) {
        saturated = true;
        break;
      }
      const p = rec.run(op, next, t0 + next * interval).finally(() => inFlight.delete(p));
      inFlight.add(p);
      next++;
    }
    if (next < total && !saturated) await sleep(Math.max(0, t0 + next * interval - performance.now()));
  }
  await Promise.all(inFlight);
  const summary = summarise(rec.latencies, rec.errors, Math.max(seconds * 1000, performance.now() - t0));
  if (!saturated) return { ...summary, saturated };
  const errors = { ...summary.errors, 'not sent: saturated': total - next };
  return { ...summary, requests: total, errors, saturated };
}

/** `concurrency` workers back to back for `seconds`: the maximum throughput. */
export async function closedLoop(
  op: Operation,
  concurrency: number,
  seconds: number,
): Promise<LatencySummary> {
  const rec = new Recorder();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) await rec.run(op, next++, performance.now());
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(rec.latencies, rec.errors, performance.now() - t0);
}

/** `n` operations one after another. */
export async function sequential(op: Operation, n: number): Promise<LatencySummary> {
  const rec = new Recorder();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await rec.run(op, i, performance.now());
  return summarise(rec.latencies, rec.errors, performance.now() - t0);
}

/** A few untimed operations first (connections, JIT, caches). */
export async function warmUp(op: Operation, n: number, concurrency = 4): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < n) await op(i++).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
