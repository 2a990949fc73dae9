/**
 * External factors: dated annotations for the trend charts and reviews, for the whole
 * organisation, a team or a person. Scoped by organisation in every query.
 */
import type { ExternalFactorKind } from '../domain/dashboard/external-factors.ts';
import type { CalendarDate } from '../domain/time/calendar.ts';
import type { DbOrTx } from './db.ts';

export interface ExternalFactorRow {
  readonly id: string;
  readonly kind: ExternalFactorKind;
  readonly title: string;
  readonly description: string | null;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate | null;
  readonly teamId: string | null;
  readonly userId: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ExternalFactorValues {
  readonly kind: ExternalFactorKind;
  readonly title: string;
  readonly description: string | null;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate | null;
  readonly teamId: string | null;
  readonly userId: string | null;
}

const columns = [
  'id',
  'kind',
  'title',
  'description',
  'starts_on',
  'ends_on',
  'team_id',
  'user_id',
  'created_by',
  'created_at',
  'updated_at',
] as const;

type Raw = {
  id: string;
  kind: ExternalFactorKind;
  title: string;
  description: string | null;
  starts_on: string;
  ends_on: string | null;
  team_id: string | null;
  user_id: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
};

const toRow = (r: Raw): ExternalFactorRow => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  description: r.description,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  teamId: r.team_id,
  userId: r.user_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Organisation-wide factors, and those of these teams, these people and the members of these teams. */
export interface FactorRelevance {
  readonly teamIds: readonly string[];
  readonly userIds: readonly string[];
  readonly membersOfTeamIds: readonly string[];
}

/** Which factors: those touching from–to (either open-ended), optionally only those bearing on some teams or people. */
export interface ExternalFactorFilter {
  readonly from?: CalendarDate | undefined;
  readonly to?: CalendarDate | undefined;
  /** undefined: every factor. */
  readonly relevantTo?: FactorRelevance;
}

/** The organisation's external factors matching the filter, by first day then title. */
export async function listExternalFactors(
  db: DbOrTx,
  orgId: string,
  filter: ExternalFactorFilter = {},
): Promise<ExternalFactorRow[]> {
  let q = db
    .selectFrom('external_factors as f')
    .select(columns.map((c) => `f.${c}` as const))
    .where('f.org_id', '=', orgId);
  if (filter.to) q = q.where('f.starts_on', '<=', filter.to);
  const from = filter.from;
  if (from) q = q.where((eb) => eb(eb.fn.coalesce('f.ends_on', 'f.starts_on'), '>=', from));
  const relevant = filter.relevantTo;
  if (relevant) {
    const teamIds = [...relevant.teamIds];
    const userIds = [...relevant.userIds];
    const memberTeams = [...relevant.membersOfTeamIds];
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('f.team_id', 'is', null), eb('f.user_id', 'is', null)]),
        ...(teamIds.length > 0 ? [eb('f.team_id', 'in', teamIds)] : []),
        ...(userIds.length > 0 ? [eb('f.user_id', 'in', userIds)] : []),
        ...(memberTeams.length > 0
          ? [
              eb(
                'f.user_id',
                'in',
                eb
                  .selectFrom('team_members as m')
                  .select('m.user_id')
                  .whereRef('m.org_id', '=', 'f.org_id')
                  .where('m.team_id', 'in', memberTeams),
              ),
            ]
          : []),
      ]),
    );
  }
  const rows = await q.orderBy('f.starts_on').orderBy('f.title').orderBy('f.id').execute();
  return rows.map(toRow);
}

export async function getExternalFactor(
  db: DbOrTx,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ExternalFactorRow | undefined> {
  let q = db.selectFrom('external_factors').select(columns).where('org_id', '=', orgId).where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function insertExternalFactor(
  db: DbOrTx,
  orgId: string,
  values: ExternalFactorValues & { readonly createdBy: string; readonly at: Date },
): Promise<ExternalFactorRow> {
  const row = await db
    .insertInto('external_factors')
    .values({
      org_id: orgId,
      kind: values.kind,
      title: values.title,
      description: values.description,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      team_id: values.teamId,
      user_id: values.userId,
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

export async function updateExternalFactor(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: ExternalFactorValues & { readonly at: Date },
): Promise<ExternalFactorRow | undefined> {
  const row = await db
    .updateTable('external_factors')
    .set({
      kind: values.kind,
      title: values.title,
      description: values.description,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      team_id: values.teamId,
      user_id: values.userId,
      updated_at: values.at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function deleteExternalFactor(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('external_factors')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
