/**
 * Checkpoints: the head (latest seq and hash) of every chain, written to a file outside the
 * database. Kept elsewhere (another disk, a printout, an email to the DPO) it proves later that
 * no event up to it was removed or rewritten.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { chainHeads } from '../../store/audit.ts';
import type { DbOrTx } from '../../store/db.ts';

const checkpointSchema = z.object({
  format: z.literal('caseload-audit-checkpoint/1'),
  createdAt: z.iso.datetime(),
  chains: z.array(
    z.object({ orgId: z.uuid(), seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});
export type AuditCheckpoint = z.infer<typeof checkpointSchema>;

export async function takeCheckpoint(db: DbOrTx, now: Date): Promise<AuditCheckpoint> {
  return {
    format: 'caseload-audit-checkpoint/1',
    createdAt: now.toISOString(),
    chains: await chainHeads(db),
  };
}

export async function writeCheckpoint(file: string, checkpoint: AuditCheckpoint): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(tmp, file);
}

/** @throws Error when the file is unreadable or not a checkpoint */
export async function readCheckpoint(file: string): Promise<AuditCheckpoint> {
  const text = await fs.readFile(file, 'utf8');
  const parsed = checkpointSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${file} is not a Caseload audit checkpoint: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
