/** An organisation's service timescale settings (see src/domain/priority/service-timescales.ts). */
import type { ServiceTimescaleSetting } from '../domain/priority/service-timescales.ts';
import type { DbOrTx } from './db.ts';

/** Every stored setting of the organisation: its band defaults (caseTypeId null) and case-type rows. */
export async function listServiceTimescales(db: DbOrTx, orgId: string): Promise<ServiceTimescaleSetting[]> {
  const rows = await db
    .selectFrom('service_timescales')
    .select(['case_type_id', 'band', 'first_contact_days', 'review_days', 'resolution_days'])
    .where('org_id', '=', orgId)
    .execute();
  return rows.map((r) => ({
    caseTypeId: r.case_type_id,
    band: r.band,
    firstContactDays: r.first_contact_days,
    reviewDays: r.review_days,
    resolutionDays: r.resolution_days,
  }));
}

/** Sets the organisation's timescale for a case type and band (or, caseTypeId null, its band default). */
export async function upsertServiceTimescale(
  db: DbOrTx,
  orgId: string,
  setting: ServiceTimescaleSetting & { readonly updatedBy: string; readonly updatedAt: Date },
): Promise<void> {
  const values = {
    first_contact_days: setting.firstContactDays,
    review_days: setting.reviewDays,
    resolution_days: setting.resolutionDays,
    updated_by: setting.updatedBy,
    updated_at: setting.updatedAt,
  };
  await db
    .insertInto('service_timescales')
    .values({ org_id: orgId, case_type_id: setting.caseTypeId, band: setting.band, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'case_type_id', 'band']).doUpdateSet(values))
    .execute();
}

/** Removes a setting so the case type (or band) inherits again; false when there was none. */
export async function deleteServiceTimescale(
  db: DbOrTx,
  orgId: string,
  key: { readonly caseTypeId: string | null; readonly band: ServiceTimescaleSetting['band'] },
): Promise<boolean> {
  let query = db.deleteFrom('service_timescales').where('org_id', '=', orgId).where('band', '=', key.band);
  query =
    key.caseTypeId === null
      ? query.where('case_type_id', 'is', null)
      : query.where('case_type_id', '=', key.caseTypeId);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}
