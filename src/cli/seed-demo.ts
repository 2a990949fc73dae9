import { randomBytes } from 'node:crypto';
import cliProgress from 'cli-progress';
import type { Config } from '../config.ts';
import { isSizeName, SIZES } from '../domain/synthetic/sizes.ts';
import { todayIn } from '../domain/time/calendar.ts';
import { type SeedStage, type SeedSummary, seedSynthetic } from '../services/demo/seed-synthetic.ts';
import { openForCommand } from './database.ts';

export interface SeedDemoOptions {
  readonly size: string;
  readonly seed: string;
  readonly password?: string;
  readonly asOf?: string;
  readonly json?: boolean;
}

const STAGE_LABELS: Readonly<Record<SeedStage, string>> = {
  cases: 'cases',
  audit: 'audit events',
  assessments: 'assessments',
  analyse: 'ANALYZE',
};

/**
 * `caseload seed-demo --size small|team|city --seed N`: a synthetic organisation in the configured
 * database (the embedded one unless DATABASE_URL is set). Nothing is done when it exists already.
 */
export async function seedDemoCommand(config: Config, opts: SeedDemoOptions): Promise<number> {
  if (!isSizeName(opts.size)) {
    console.error(`caseload: --size must be small, team or city (not "${opts.size}")`);
    return 64;
  }
  const seed = Number(opts.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    console.error('caseload: --seed must be a whole number (0 or more)');
    return 64;
  }
  const asOf = opts.asOf ?? todayIn('Europe/London', new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T12:00:00Z`))) {
    console.error('caseload: --as-of must be a date, YYYY-MM-DD');
    return 64;
  }
  const password = opts.password ?? `demo-${randomBytes(9).toString('base64url')}`;
  const handle = await openForCommand(config);
  const progress = progressReporter(!opts.json);
  let summary: SeedSummary;
  try {
    summary = await seedSynthetic(handle.url, {
      size: opts.size,
      seed,
      password,
      asOf,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
    await handle.close();
  }
  if (opts.json) {
    console.log(JSON.stringify(summary));
    return 0;
  }
  const size = SIZES[summary.size];
  console.log(
    summary.created
      ? `Loaded "${size.organisation}" (${summary.size}, seed ${summary.seed}, as of ${summary.asOf}) in ${(summary.elapsedMs / 1000).toFixed(1)} s.`
      : `"${size.organisation}" exists already: nothing loaded.`,
  );
  for (const [k, v] of Object.entries(summary.counts))
    console.log(`  ${k.padEnd(14)} ${v.toLocaleString('en-GB')}`);
  console.log(
    `Accounts: ${summary.accounts.admin} (admin), ${summary.accounts.supervisor} (supervisor), ${summary.accounts.adviser} (adviser)`,
  );
  if (summary.created && !opts.password) console.log(`Password of every account: ${password}`);
  return 0;
}

/** A progress bar on a terminal, a line per stage otherwise (and nothing with --json). */
function progressReporter(enabled: boolean) {
  let bar: cliProgress.SingleBar | undefined;
  let stage: SeedStage | undefined;
  const tty = process.stderr.isTTY;
  return {
    update(next: SeedStage, done: number, total: number) {
      if (!enabled) return;
      if (next !== stage) {
        bar?.stop();
        stage = next;
        if (tty) {
          bar = new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: `${STAGE_LABELS[next].padEnd(12)} [{bar}] {value}/{total}`,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
          return;
        }
      }
      if (tty) bar?.update(done);
      else if (done === total) console.error(`${STAGE_LABELS[next]}: ${done}/${total}`);
    },
    stop() {
      bar?.stop();
    },
  };
}
