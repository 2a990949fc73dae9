/**
 * Field history of cases and clients: every changed field, who changed it, when, from what to
 * what. Rows are only ever added. Every query is scoped by org_id.
 */
import type { DbOrTx } from './db.ts';

export type FieldHistoryEntity = 'case' | 'client';

export interface FieldChange {
  readonly field: string;
  /** Any JSON value; `undefined` and `null` are both kept as "no value". */
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

export interface RecordFieldChangesInput {
  readonly orgId: string;
  readonly entityType: FieldHistoryEntity;
  readonly entityId: string;
  readonly changedBy: string;
  readonly changedAt: Date;
  /** Why, when the use case asks for one (e.g. a reassignment). */
  readonly reason?: string | null | undefined;
  /** The rectification request these changes answer (a client's details corrected on request). */
  readonly rectificationRequestId?: string | undefined;
  readonly changes: readonly FieldChange[];
}

export interface FieldChangeRow {
  readonly id: number;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly reason: string | null;
  /** The rectification request this change answered, if any. */
  readonly rectificationRequestId: string | null;
  readonly changedBy: string;
  /** The changer's name as it is now (null only if their account row is gone). */
  readonly changedByName: string | null;
  readonly changedAt: Date;
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** Appends one row per change (nothing when `changes` is empty). Call inside the writing transaction. */
export async function recordFieldChanges(db: DbOrTx, input: RecordFieldChangesInput): Promise<void> {
  if (input.changes.length === 0) return;
  await db
    .insertInto('field_changes')
    .values(
      input.changes.map((c) => ({
        org_id: input.orgId,
        entity_type: input.entityType,
        entity_id: input.entityId,
        field: c.field,
        old_value: json(c.oldValue),
        new_value: json(c.newValue),
        reason: input.reason ?? null,
        rectification_request_id: input.rectificationRequestId ?? null,
        changed_by: input.changedBy,
        changed_at: input.changedAt,
      })),
    )
    .execute();
}

/** The field history of one case or client, oldest first. */
export async function listFieldChanges(
  db: DbOrTx,
  orgId: string,
  entityType: FieldHistoryEntity,
  entityId: string,
): Promise<FieldChangeRow[]> {
  const rows = await db
    .selectFrom('field_changes as f')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'f.org_id').onRef('u.id', '=', 'f.changed_by'))
    .selectAll('f')
    .select('u.display_name as changed_by_name')
    .where('f.org_id', '=', orgId)
    .where('f.entity_type', '=', entityType)
    .where('f.entity_id', '=', entityId)
    .orderBy('f.changed_at')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    oldValue: r.old_value ?? null,
    newValue: r.new_value ?? null,
    reason: r.reason,
    rectificationRequestId: r.rectification_request_id,
    changedBy: r.changed_by,
    changedByName: r.changed_by_name,
    changedAt: r.changed_at,
  }));
}
