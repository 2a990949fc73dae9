/**
 * The organisation's complexity factors, and the manual ones ticked on each case
 * (case_complexity_factors). Every query is scoped by org_id.
 */
import type { ComplexityRule } from '../domain/weighting/complexity-factors.ts';
import type { DbOrTx } from './db.ts';

/** A complexity factor as administered: with its order and when it last changed. */
export interface ComplexityFactorRow {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly multiplier: number;
  readonly appliesWhen: ComplexityRule;
  readonly active: boolean;
  readonly sortOrder: number;
  readonly updatedAt: Date;
}

type Raw = {
  id: string;
  key: string;
  label: string;
  multiplier: string;
  applies_when: ComplexityRule;
  active: boolean;
  sort_order: number;
  updated_at: Date;
};

const toRow = (r: Raw): ComplexityFactorRow => ({
  id: r.id,
  key: r.key,
  label: r.label,
  multiplier: Number(r.multiplier),
  appliesWhen: r.applies_when,
  active: r.active,
  sortOrder: r.sort_order,
  updatedAt: r.updated_at,
});

const COLUMNS = [
  'id',
  'key',
  'label',
  'multiplier',
  'applies_when',
  'active',
  'sort_order',
  'updated_at',
] as const;

/** Every factor of the organisation (inactive ones too), in display order. */
export async function listComplexityFactorRows(db: DbOrTx, orgId: string): Promise<ComplexityFactorRow[]> {
  const rows = await db
    .selectFrom('complexity_factors')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('label')
    .execute();
  return rows.map(toRow);
}

/** One factor, locked for the rest of the transaction. */
export async function getComplexityFactorForUpdate(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<ComplexityFactorRow | undefined> {
  const row = await db
    .selectFrom('complexity_factors')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function complexityFactorKeyTaken(db: DbOrTx, orgId: string, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('complexity_factors')
    .select('id')
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ComplexityFactorValues {
  readonly label: string;
  readonly multiplier: number;
  readonly appliesWhen: ComplexityRule;
  readonly active: boolean;
  readonly sortOrder: number;
}

export async function insertComplexityFactor(
  db: DbOrTx,
  input: ComplexityFactorValues & { orgId: string; key: string; by: string; at: Date },
): Promise<ComplexityFactorRow> {
  const row = await db
    .insertInto('complexity_factors')
    .values({
      org_id: input.orgId,
      key: input.key,
      label: input.label,
      multiplier: input.multiplier,
      applies_when: input.appliesWhen,
      active: input.active,
      sort_order: input.sortOrder,
      updated_by: input.by,
      updated_at: input.at,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

/** Changes a factor's label, multiplier, rule, active flag and order (never its key). */
export async function updateComplexityFactor(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: ComplexityFactorValues & { by: string; at: Date },
): Promise<ComplexityFactorRow | undefined> {
  const row = await db
    .updateTable('complexity_factors')
    .set({
      label: values.label,
      multiplier: values.multiplier,
      applies_when: values.appliesWhen,
      active: values.active,
      sort_order: values.sortOrder,
      updated_by: values.by,
      updated_at: values.at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** Ticks factors on a case (each once; ticking one already there changes nothing). */
export async function tickCaseFactors(
  db: DbOrTx,
  input: { orgId: string; caseId: string; factorIds: readonly string[]; by: string; at: Date },
): Promise<void> {
  if (input.factorIds.length === 0) return;
  await db
    .insertInto('case_complexity_factors')
    .values(
      input.factorIds.map((factorId) => ({
        org_id: input.orgId,
        case_id: input.caseId,
        factor_id: factorId,
        added_by: input.by,
        added_at: input.at,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'case_id', 'factor_id']).doNothing())
    .execute();
}

/** Unticks factors on a case. */
export async function untickCaseFactors(
  db: DbOrTx,
  input: { orgId: string; caseId: string; factorIds: readonly string[] },
): Promise<void> {
  if (input.factorIds.length === 0) return;
  await db
    .deleteFrom('case_complexity_factors')
    .where('org_id', '=', input.orgId)
    .where('case_id', '=', input.caseId)
    .where('factor_id', 'in', [...input.factorIds])
    .execute();
}
