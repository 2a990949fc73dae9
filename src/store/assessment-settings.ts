/**
 * What re-assessing cases needs of their organisation, read in one query: its calendar (time zone
 * and nation), the priority policy in force and the service timescales. Read afresh by every use
 * case: several processes share the database, and a changed policy applies at once.
 */
import { type Selectable, sql } from 'kysely';
import type { PriorityPolicy } from '../domain/priority/policy.ts';
import type { ServiceTimescaleSetting } from '../domain/priority/service-timescales.ts';
import type { DbOrTx } from './db.ts';
import type { OrganisationsTable } from './schema.ts';

export interface StoredAssessmentSettings {
  /** The organisation's calendar; undefined when there is no such organisation. */
  readonly organisation: { readonly time_zone: string; readonly nation: OrganisationNation } | undefined;
  /** The highest version; undefined when the organisation has saved none. */
  readonly policy: { readonly version: number; readonly policy: PriorityPolicy } | undefined;
  readonly timescales: ServiceTimescaleSetting[];
}

type OrganisationNation = Selectable<OrganisationsTable>['nation'];

/** The settings as `settingsSelect` returns them. */
export interface SettingsRow {
  time_zone: string | null;
  nation: OrganisationNation | null;
  policy: { version: number; policy: PriorityPolicy } | null;
  timescales: ServiceTimescaleSetting[];
}

/** One row of settings (time_zone, nation, policy, timescales), whether or not the organisation exists. */
export const settingsSelect = (orgId: string) => sql<SettingsRow>`
  SELECT o.time_zone, o.nation,
    (SELECT json_build_object('version', p.version, 'policy', p.policy) FROM priority_policies p
      WHERE p.org_id = ${orgId} ORDER BY p.version DESC LIMIT 1) AS policy,
    (SELECT coalesce(json_agg(json_build_object(
        'caseTypeId', t.case_type_id, 'band', t.band, 'firstContactDays', t.first_contact_days,
        'reviewDays', t.review_days, 'resolutionDays', t.resolution_days)), '[]')
      FROM service_timescales t WHERE t.org_id = ${orgId}) AS timescales
  FROM (SELECT 1) AS one LEFT JOIN organisations o ON o.id = ${orgId}`;

export const toStoredSettings = (row: SettingsRow): StoredAssessmentSettings => ({
  organisation:
    row.time_zone !== null && row.nation !== null
      ? { time_zone: row.time_zone, nation: row.nation }
      : undefined,
  policy: row.policy ?? undefined,
  timescales: row.timescales,
});

/** The organisation's assessment settings (what organisations, priority_policies and service_timescales hold). */
export async function findAssessmentSettings(db: DbOrTx, orgId: string): Promise<StoredAssessmentSettings> {
  const { rows } = await settingsSelect(orgId).execute(db);
  const row = rows[0];
  if (!row) throw new Error('the settings query returned no row');
  return toStoredSettings(row);
}
