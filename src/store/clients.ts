/**
 * Clients, their consent records, and the access facts of their cases. Every query is scoped by
 * org_id.
 */

import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { CaseAccessView } from '../domain/cases/case-access.ts';
import type { DbOrTx } from './db.ts';
import type { AccessNeeds, CaseStatus, ClientRow, ConsentsTable, SafeContact } from './schema.ts';

export type ConsentRow = Selectable<ConsentsTable>;

export interface ClientValues {
  readonly legalName: string;
  readonly preferredName: string | null;
  readonly pronouns: string | null;
  readonly dateOfBirth: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly safeContact: SafeContact;
  readonly accessNeeds: AccessNeeds;
}

const columnsOf = (v: ClientValues) => ({
  legal_name: v.legalName,
  preferred_name: v.preferredName,
  pronouns: v.pronouns,
  date_of_birth: v.dateOfBirth,
  email: v.email,
  phone: v.phone,
  address: v.address,
  safe_contact: JSON.stringify(v.safeContact),
  access_needs: JSON.stringify(v.accessNeeds),
});

export async function insertClient(
  db: DbOrTx,
  input: { orgId: string; createdBy: string; at: Date; values: ClientValues },
): Promise<ClientRow> {
  return db
    .insertInto('clients')
    .values({
      org_id: input.orgId,
      created_by: input.createdBy,
      created_at: input.at,
      updated_at: input.at,
      ...columnsOf(input.values),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getClient(db: DbOrTx, orgId: string, clientId: string): Promise<ClientRow | undefined> {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', clientId)
    .executeTakeFirst();
}

/** One client, locked for the rest of the transaction. */
export async function getClientForUpdate(
  db: DbOrTx,
  orgId: string,
  clientId: string,
): Promise<ClientRow | undefined> {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', clientId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateClient(
  db: DbOrTx,
  orgId: string,
  clientId: string,
  values: ClientValues,
  at: Date,
): Promise<ClientRow | undefined> {
  return db
    .updateTable('clients')
    .set({ ...columnsOf(values), updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', clientId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Serialises duplicate checks of one date of birth in the organisation until the transaction
 * ends, so two people recording the same client at the same moment cannot both miss the other.
 */
export async function lockDuplicateCheck(db: DbOrTx, orgId: string, dateOfBirth: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`clients:dob:${orgId}:${dateOfBirth}`}, 0))`.execute(
    db,
  );
}

/** The organisation's clients born on one date (the candidates of the duplicate check). */
export async function listClientsBornOn(db: DbOrTx, orgId: string, dateOfBirth: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'org_id', 'legal_name', 'date_of_birth', 'created_by'])
    .where('org_id', '=', orgId)
    .where('date_of_birth', '=', dateOfBirth)
    .orderBy('created_at')
    .execute();
}

/** A case of a client with the facts its access policy needs. */
export interface ClientCaseView extends CaseAccessView {
  readonly id: string;
  readonly clientId: string;
  readonly reference: string;
  readonly status: CaseStatus;
}

/**
 * The cases of some clients of the organisation with their unrevoked shares (expired ones
 * included: the policies check expiry), oldest case first.
 */
export async function listClientCases(
  db: DbOrTx,
  orgId: string,
  clientIds: readonly string[],
): Promise<ClientCaseView[]> {
  if (clientIds.length === 0) return [];
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'org_id', 'client_id', 'reference', 'status', 'owner_id', 'team_id'])
    .where('org_id', '=', orgId)
    .where('client_id', 'in', clientIds)
    .orderBy('opened_at')
    .orderBy('reference')
    .execute();
  if (cases.length === 0) return [];
  const shares = await db
    .selectFrom('case_shares')
    .select(['case_id', 'user_id', 'kind', 'expires_at', 'revoked_at'])
    .where('org_id', '=', orgId)
    .where(
      'case_id',
      'in',
      cases.map((c) => c.id),
    )
    .where('revoked_at', 'is', null)
    .execute();
  return cases.map((c) => ({
    id: c.id,
    clientId: c.client_id,
    reference: c.reference,
    status: c.status,
    orgId: c.org_id,
    ownerId: c.owner_id,
    teamId: c.team_id,
    shares: shares
      .filter((s) => s.case_id === c.id)
      .map((s) => ({ userId: s.user_id, kind: s.kind, expiresAt: s.expires_at, revokedAt: s.revoked_at })),
  }));
}

export interface LookupScope {
  readonly orgId: string;
  readonly actorId: string;
  /** Teams whose cases the actor supervises (empty unless they hold the supervisor role). */
  readonly supervisedTeamIds: readonly string[];
  readonly now: Date;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Clients whose legal or preferred name contains `name` (case-insensitive), or born on
 * `dateOfBirth`, among those the actor recorded or reaches through a case they own, a team they
 * supervise or a live share. The access policy is applied again to the result by the caller.
 */
export async function lookUpClients(
  db: DbOrTx,
  scope: LookupScope,
  query: { name?: string; dateOfBirth?: string },
  limit: number,
): Promise<ClientRow[]> {
  let q = db.selectFrom('clients as cl').selectAll('cl').where('cl.org_id', '=', scope.orgId);
  if (query.dateOfBirth !== undefined) q = q.where('cl.date_of_birth', '=', query.dateOfBirth);
  if (query.name !== undefined) {
    const pattern = likePattern(query.name);
    const spaced = (col: 'cl.legal_name' | 'cl.preferred_name') =>
      sql<string>`regexp_replace(${sql.ref(col)}, '\\s+', ' ', 'g')`;
    q = q.where((eb) =>
      eb.or([
        eb(spaced('cl.legal_name'), 'ilike', pattern),
        eb(spaced('cl.preferred_name'), 'ilike', pattern),
      ]),
    );
  }
  return q
    .where((eb) =>
      eb.or([
        eb('cl.created_by', '=', scope.actorId),
        eb.exists(
          eb
            .selectFrom('cases as k')
            .select(sql`1`.as('one'))
            .whereRef('k.org_id', '=', 'cl.org_id')
            .whereRef('k.client_id', '=', 'cl.id')
            .where((c) =>
              c.or([
                c('k.owner_id', '=', scope.actorId),
                ...(scope.supervisedTeamIds.length > 0
                  ? [c('k.team_id', 'in', [...scope.supervisedTeamIds])]
                  : []),
                c.exists(
                  c
                    .selectFrom('case_shares as s')
                    .select(sql`1`.as('one'))
                    .whereRef('s.org_id', '=', 'k.org_id')
                    .whereRef('s.case_id', '=', 'k.id')
                    .where('s.user_id', '=', scope.actorId)
                    .where('s.revoked_at', 'is', null)
                    .where((x) => x.or([x('s.expires_at', 'is', null), x('s.expires_at', '>', scope.now)])),
                ),
              ]),
            ),
        ),
      ]),
    )
    .orderBy('cl.legal_name')
    .orderBy('cl.id')
    .limit(limit)
    .execute();
}

export async function insertConsent(db: DbOrTx, consent: Insertable<ConsentsTable>): Promise<ConsentRow> {
  return db.insertInto('consents').values(consent).returningAll().executeTakeFirstOrThrow();
}

export type ConsentWithRecorder = ConsentRow & { recorded_by_name: string };

/** A client's consent records with the name of who recorded each, oldest first. */
export async function listConsents(
  db: DbOrTx,
  orgId: string,
  clientId: string,
): Promise<ConsentWithRecorder[]> {
  return db
    .selectFrom('consents as c')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.id', '=', 'c.recorded_by'))
    .selectAll('c')
    .select('u.display_name as recorded_by_name')
    .where('c.org_id', '=', orgId)
    .where('c.client_id', '=', clientId)
    .orderBy('c.given_at')
    .orderBy('c.recorded_at')
    .orderBy('c.id')
    .execute();
}

/** One consent record of a client, locked for the rest of the transaction. */
export async function getConsentForUpdate(
  db: DbOrTx,
  orgId: string,
  clientId: string,
  consentId: string,
): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .where('id', '=', consentId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setConsentWithdrawn(
  db: DbOrTx,
  orgId: string,
  consentId: string,
  withdrawnAt: string,
): Promise<ConsentRow | undefined> {
  return db
    .updateTable('consents')
    .set({ withdrawn_at: withdrawnAt })
    .where('org_id', '=', orgId)
    .where('id', '=', consentId)
    .returningAll()
    .executeTakeFirst();
}
