/**
 * Priority policies, versioned per organisation (the highest version is the one in force).
 * Versions are only ever added; a trigger refuses UPDATE and DELETE. Every query is scoped by org_id.
 */
import { sql } from 'kysely';
import type { PriorityPolicy } from '../domain/priority/policy.ts';
import type { DbOrTx, Tx } from './db.ts';

export interface StoredPriorityPolicy {
  readonly version: number;
  readonly policy: PriorityPolicy;
  readonly changeNote: string | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
}

export interface PriorityPolicyVersionSummary {
  readonly version: number;
  readonly createdAt: Date;
  readonly createdBy: string | null;
  /** The display name of who saved it; null for a version saved by the system. */
  readonly createdByName: string | null;
  readonly changeNote: string | null;
}

const COLUMNS = ['version', 'policy', 'change_note', 'created_by', 'created_at'] as const;

const toStored = (row: {
  version: number;
  policy: unknown;
  change_note: string | null;
  created_by: string | null;
  created_at: Date;
}): StoredPriorityPolicy => ({
  version: row.version,
  policy: row.policy as PriorityPolicy,
  changeNote: row.change_note,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** The version in force (the highest), or undefined when the organisation has saved none. */
export async function findCurrentPriorityPolicy(
  db: DbOrTx,
  orgId: string,
): Promise<StoredPriorityPolicy | undefined> {
  const row = await db
    .selectFrom('priority_policies')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** One version, or undefined when the organisation has no such version. */
export async function findPriorityPolicyVersion(
  db: DbOrTx,
  orgId: string,
  version: number,
): Promise<StoredPriorityPolicy | undefined> {
  const row = await db
    .selectFrom('priority_policies')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** Every version, newest first, with who saved it and why. */
export async function listPriorityPolicyVersions(
  db: DbOrTx,
  orgId: string,
): Promise<PriorityPolicyVersionSummary[]> {
  const rows = await db
    .selectFrom('priority_policies as p')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'p.org_id').onRef('u.id', '=', 'p.created_by'))
    .select(['p.version', 'p.created_at', 'p.created_by', 'p.change_note', 'u.display_name'])
    .where('p.org_id', '=', orgId)
    .orderBy('p.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.display_name,
    changeNote: r.change_note,
  }));
}

/**
 * Takes the organisation's policy lock for the rest of the transaction, so two saves cannot both
 * read the same current version and take the same next number. Call before reading the current version.
 */
export async function lockPriorityPolicies(tx: Tx, orgId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('priority_policies'), hashtext(${orgId}))`.execute(tx);
}

/** Stores the next version (the highest so far + 1, or 1); call under {@link lockPriorityPolicies}. */
export async function insertNextPriorityPolicy(
  tx: Tx,
  orgId: string,
  values: { policy: PriorityPolicy; changeNote: string | null; createdBy: string | null; createdAt: Date },
): Promise<StoredPriorityPolicy> {
  const row = await tx
    .insertInto('priority_policies')
    .values((eb) => ({
      org_id: orgId,
      version: eb
        .selectFrom('priority_policies')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
        .where('org_id', '=', orgId),
      policy: JSON.stringify(values.policy),
      change_note: values.changeNote,
      created_by: values.createdBy,
      created_at: values.createdAt,
    }))
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toStored(row);
}
