import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { readCheckpoint, takeCheckpoint, writeCheckpoint } from '../services/audit/audit-checkpoint.ts';
import { verifyAuditChain } from '../services/audit/verify-audit-chain.ts';
import { openForCommand } from './database.ts';

export async function auditVerifyCommand(
  config: Config,
  opts: { checkpoint: string | false },
): Promise<number> {
  const file = opts.checkpoint === false ? undefined : opts.checkpoint;
  const checkpoint = file && existsSync(file) ? await readCheckpoint(file) : undefined;
  const handle = await openForCommand(config);
  try {
    const report = await verifyAuditChain(handle.db, checkpoint);
    for (const c of report.chains) {
      const state = c.broken
        ? `BROKEN at event ${c.broken.seq}: ${c.broken.reason}`
        : `${c.events} events verified${
            c.redacted ? ` (${c.redacted} with free text erased, accounted for by case.erased events)` : ''
          }, head ${c.headHash}`;
      console.log(`chain ${c.orgId}: ${state}`);
    }
    if (checkpoint) console.log(`compared with checkpoint ${file} of ${checkpoint.createdAt}`);
    else
      console.log(
        `no checkpoint ${file ? `at ${file}` : 'used'}: truncation of the newest events cannot be detected`,
      );
    if (!report.ok && report.broken) {
      const b = report.broken;
      console.error(`BROKEN: organisation ${b.orgId}, event ${b.seq}: ${b.reason}`);
      return 1;
    }
    console.log('audit log intact');
    return 0;
  } finally {
    await handle.close();
  }
}

export async function auditCheckpointCommand(config: Config, opts: { file: string }): Promise<number> {
  const handle = await openForCommand(config);
  try {
    const report = await verifyAuditChain(handle.db);
    if (!report.ok) {
      console.error('refusing to checkpoint a broken chain: run `caseload audit verify`');
      return 1;
    }
    const checkpoint = await takeCheckpoint(handle.db, new Date());
    await writeCheckpoint(opts.file, checkpoint);
    console.log(`checkpoint written to ${opts.file}: ${checkpoint.chains.length} chains`);
    return 0;
  } finally {
    await handle.close();
  }
}
