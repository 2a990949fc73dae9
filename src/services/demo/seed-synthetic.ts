/**
 * `caseload seed-demo`: loads a synthetic organisation of the chosen size (src/domain/synthetic)
 * in one transaction — staff and teams, then the cases in batches with COPY, then the audit events
 * the use cases would have written (chained in time order, so `caseload audit verify` passes), then
 * the real re-assessment of every open case (assessments, their audit events, red alerts) — and
 * finally ANALYZE so the planner knows the tables' new sizes. Deterministic for a seed and an
 * as-of date (assessment and notification ids aside: those come from the real code).
 */
import { sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_RETENTION_YEARS } from '../../domain/retention/retention.ts';
import {
  type CaseBatch,
  emptyBatch,
  isoDate,
  type PlanContext,
  type PlannedEvent,
  type Practitioner,
  planAdviserCases,
  ReferenceCounter,
} from '../../domain/synthetic/plan.ts';
import { Random } from '../../domain/synthetic/random.ts';
import { SIZES, type SizeName, type SyntheticSize } from '../../domain/synthetic/sizes.ts';
import { FIRST_NAMES, SURNAMES, TOWNS } from '../../domain/synthetic/vocabulary.ts';
import { listOpenCaseIds } from '../../store/assessments.ts';
import { auditEventRow, chainEvents, type LinkedEvent } from '../../store/audit.ts';
import { copyRows, kyselyOnClient } from '../../store/bulk-load.ts';
import type { Tx } from '../../store/db.ts';
import { ANSWER_COLUMNS, answerColumnsOf } from '../../store/equality-monitoring.ts';
import { seedOrganisationDefaults } from '../../store/organisation-defaults.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { ServiceContext } from '../context.ts';
import { loadAssessmentSettings, reassessCases } from '../priority/reassess-cases.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

export interface SeedSyntheticOptions {
  readonly size: SizeName;
  readonly seed: number;
  /** The password of every generated account. */
  readonly password: string;
  /** The day the data is "as of" ('YYYY-MM-DD'): open cases, near and missed dates are relative to it. */
  readonly asOf: string;
  readonly onProgress?: (stage: SeedStage, done: number, total: number) => void;
}

export type SeedStage = 'cases' | 'audit' | 'assessments' | 'analyse';

export interface SeedSummary {
  readonly created: boolean;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly size: SizeName;
  readonly seed: number;
  readonly asOf: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly accounts: { readonly admin: string; readonly supervisor: string; readonly adviser: string };
  readonly elapsedMs: number;
}

/** The tables a load fills (ANALYZEd before the re-assessment reads them). */
const LOADED_TABLES = [
  'users',
  'team_members',
  'clients',
  'consents',
  'cases',
  'goals',
  'actions',
  'notes',
  'key_dates',
  'case_flags',
  'obstacles',
  'referrals',
  'sharing_records',
  'financial_outcomes',
  'case_complexity_factors',
  'audit_events',
];

/** Cases per COPY batch. */
const BATCH_CASES = 2_000;
const DAY = 86_400_000;

/** What the bench's adviser should have: about this many open cases. */
const TYPICAL_OPEN_CASES = 100;

export async function seedSynthetic(url: string, options: SeedSyntheticOptions): Promise<SeedSummary> {
  const started = performance.now();
  const size = SIZES[options.size];
  const client = new pg.Client({ connectionString: url, application_name: 'caseload seed-demo' });
  await client.connect();
  const db = kyselyOnClient(client);
  try {
    const existing = await db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', size.organisation)
      .executeTakeFirst();
    if (existing) return await summarise(db, existing.id, size, options, false, started);

    const passwordHash = await hashPassword(options.password);
    const seed = `caseload-synthetic/${size.name}/${options.seed}`;
    const now = new Date(`${options.asOf}T12:00:00Z`);
    await client.query('BEGIN');
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const staff = await loadStaff(client, db, seed, size, now, passwordHash);
    const ctx = await planContext(db, client, seed, staff.orgId, size, now);
    const events: PlannedEvent[] = [...staff.events];
    const references = new ReferenceCounter();
    const shares = splitCases(Random.derive(seed, 'shares'), size);
    let batch = emptyBatch();
    let done = 0;
    for (const [i, adviser] of staff.advisers.entries()) {
      planAdviserCases(
        Random.derive(seed, `adviser:${i}`),
        ctx,
        adviser,
        shares[i] ?? { total: 0, open: 0 },
        references,
        batch,
      );
      if (batch.cases.length >= BATCH_CASES || i === staff.advisers.length - 1) {
        await copyBatch(client, staff.orgId, batch);
        done += batch.cases.length;
        for (const e of batch.events) events.push(e);
        batch = emptyBatch();
        options.onProgress?.('cases', done, size.cases);
      }
    }
    await copyAuditEvents(client, staff.orgId, events, (n) =>
      options.onProgress?.('audit', n, events.length),
    );
    await copyRows(
      client,
      'case_reference_counters',
      staff.orgId,
      ['year', 'last_number'],
      [...references.last].map(([year, last_number]) => ({ year, last_number })),
    );
    await copyRows(
      client,
      'review_schedules',
      staff.orgId,
      ['practitioner_id', 'next_due_on'],
      staff.advisers.map((a, i) => ({
        practitioner_id: a.id,
        next_due_on: isoDate(new Date(now.getTime() + ((i * 7) % 31) * DAY - 3 * DAY)),
      })),
    );
    // The planner must know the new sizes before the re-assessment's queries (ANALYZE sees this
    // transaction's own rows).
    await client.query(`ANALYZE ${LOADED_TABLES.join(', ')}`);
    await assessOpenCases(db, staff.orgId, now, (n, total) => options.onProgress?.('assessments', n, total));
    // Today's daily re-assessment is what was just done: the app's tick must not redo it at start-up.
    await db
      .updateTable('organisations')
      .set({ daily_run_on: options.asOf })
      .where('id', '=', staff.orgId)
      .execute();
    await client.query('COMMIT');
    options.onProgress?.('analyse', 0, 1);
    await client.query('ANALYZE');
    options.onProgress?.('analyse', 1, 1);
    return await summarise(db, staff.orgId, size, options, true, started);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

interface Staff {
  readonly orgId: string;
  readonly advisers: Practitioner[];
  readonly events: PlannedEvent[];
}

/** The organisation, its teams and people (every account with the one password hash). */
async function loadStaff(
  client: pg.Client,
  db: ReturnType<typeof kyselyOnClient>,
  seed: string,
  size: SyntheticSize,
  now: Date,
  passwordHash: string,
): Promise<Staff> {
  const rng = Random.derive(seed, 'staff');
  const orgId = rng.uuid();
  const start = now.getTime() - size.historyDays * DAY - 7 * DAY;
  let tick = start;
  const events: PlannedEvent[] = [];
  const ev = (actorId: string | null, action: string, entityType: string, entityId: string, details = {}) =>
    events.push({ at: tick++, actorId: actorId ?? '', action, entityType, entityId, details });
  await copyRows(
    client,
    'organisations',
    null,
    ['id', 'name', 'created_at'],
    [{ id: orgId, name: size.organisation, created_at: new Date(start) }],
  );
  ev(null, 'organisation.created', 'organisation', orgId);

  const teams = Array.from({ length: size.teams }, (_, i) => ({
    id: rng.uuid(),
    name:
      size.teams === 1
        ? 'Housing and welfare benefits'
        : `${TOWNS[i % TOWNS.length]} team${i >= TOWNS.length ? ` ${Math.floor(i / TOWNS.length) + 1}` : ''}`,
    created_at: new Date(start),
  }));
  const users: {
    id: string;
    email: string;
    display_name: string;
    roles: string[];
    team?: string;
    teamRole?: string;
  }[] = [];
  const person = (n: number) =>
    `${FIRST_NAMES[(n * 7) % FIRST_NAMES.length]} ${SURNAMES[(n * 11) % SURNAMES.length]}`;
  if (size.name === 'small') {
    const [admin, supervisor, adviser] = DEMO_ACCOUNTS;
    users.push({
      id: rng.uuid(),
      email: admin.email,
      display_name: admin.displayName,
      roles: [...admin.roles],
    });
    users.push({
      id: rng.uuid(),
      email: supervisor.email,
      display_name: supervisor.displayName,
      roles: [...supervisor.roles],
      team: teams[0]?.id,
      teamRole: 'supervisor',
    });
    users.push({
      id: rng.uuid(),
      email: adviser.email,
      display_name: adviser.displayName,
      roles: [...adviser.roles],
      team: teams[0]?.id,
      teamRole: 'member',
    });
  } else {
    users.push({
      id: rng.uuid(),
      email: `admin@${size.emailDomain}`,
      display_name: 'Ada Admin',
      roles: ['admin'],
    });
    users.push({
      id: rng.uuid(),
      email: `dpo@${size.emailDomain}`,
      display_name: 'Dara Protection',
      roles: ['auditor'],
    });
    for (const [i, team] of teams.entries()) {
      users.push({
        id: rng.uuid(),
        email: `supervisor${i + 1}@${size.emailDomain}`,
        display_name: person(1000 + i),
        roles: ['supervisor', 'adviser'],
        team: team.id,
        teamRole: 'supervisor',
      });
    }
    for (let i = 0; i < size.advisers; i++) {
      users.push({
        id: rng.uuid(),
        email: `adviser${i + 1}@${size.emailDomain}`,
        display_name: person(i),
        roles: ['adviser'],
        team: teams[i % teams.length]?.id,
        teamRole: 'member',
      });
    }
  }
  await copyRows(client, 'teams', orgId, ['id', 'name', 'created_at'], teams);
  for (const t of teams) ev(null, 'team.created', 'team', t.id);
  await copyRows(
    client,
    'users',
    orgId,
    ['id', 'email', 'display_name', 'roles', 'password_hash', 'created_at', 'updated_at'],
    users.map((u) => ({
      ...u,
      password_hash: passwordHash,
      created_at: new Date(start),
      updated_at: new Date(start),
    })),
  );
  for (const u of users) ev(null, 'user.created', 'user', u.id, { roles: u.roles, via: 'seed-demo' });
  const members = users
    .filter((u) => u.team)
    .map((u) => ({ team_id: u.team, user_id: u.id, role: u.teamRole }));
  await copyRows(client, 'team_members', orgId, ['team_id', 'user_id', 'role'], members);
  for (const m of members)
    ev(null, 'team.member_set', 'team', m.team_id ?? '', { userId: m.user_id, role: m.role });

  await seedOrganisationDefaults(db, orgId);
  const advisers = users
    .filter((u) => u.teamRole === 'member')
    .map((u) => ({ id: u.id, teamId: u.team ?? '' }));
  return { orgId, advisers, events };
}

/** The organisation's lists as the plan needs them; case types and factors get ids from the seed. */
async function planContext(
  db: ReturnType<typeof kyselyOnClient>,
  client: pg.Client,
  seed: string,
  orgId: string,
  size: SyntheticSize,
  now: Date,
): Promise<PlanContext> {
  const rng = Random.derive(seed, 'lists');
  for (const table of ['case_types', 'complexity_factors'] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'key'])
      .where('org_id', '=', orgId)
      .orderBy('key')
      .execute();
    for (const r of rows) {
      await client.query(`UPDATE ${table} SET id = $1 WHERE org_id = $2 AND key = $3`, [
        rng.uuid(),
        orgId,
        r.key,
      ]);
    }
  }
  const [caseTypes, outcomes, factors, organisation] = await Promise.all([
    db
      .selectFrom('case_types')
      .select(['id', 'key'])
      .where('org_id', '=', orgId)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('outcome_types')
      .select(['key', 'positive'])
      .where('org_id', '=', orgId)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('complexity_factors')
      .select(['id', 'key'])
      .where('org_id', '=', orgId)
      .where('applies_when', '=', 'manual')
      .orderBy('key')
      .execute(),
    db.selectFrom('organisations').select('nation').where('id', '=', orgId).executeTakeFirstOrThrow(),
  ]);
  return {
    orgId,
    now,
    nation: organisation.nation,
    historyDays: size.historyDays,
    caseTypes,
    outcomes,
    manualFactors: factors,
    retentionYears: DEFAULT_RETENTION_YEARS,
  };
}

/** Each adviser's share of the cases and of the open cases: within ±30 % of the average, summing exactly. */
export function splitCases(rng: Random, size: SyntheticSize): { total: number; open: number }[] {
  const split = (amount: number) => {
    const weights = Array.from({ length: size.advisers }, () => 0.7 + rng.float() * 0.6);
    const sum = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => Math.floor((amount * w) / sum));
    let left = amount - shares.reduce((a, b) => a + b, 0);
    for (let i = 0; left > 0; i = (i + 1) % shares.length, left--) shares[i] = (shares[i] ?? 0) + 1;
    return shares;
  };
  const open = split(size.openCases);
  const closed = split(size.cases - size.openCases);
  return open.map((o, i) => ({ total: o + (closed[i] ?? 0), open: o }));
}

async function copyBatch(client: pg.Client, orgId: string, b: CaseBatch): Promise<void> {
  await copyRows(
    client,
    'clients',
    orgId,
    [
      'id',
      'legal_name',
      'preferred_name',
      'pronouns',
      'date_of_birth',
      'email',
      'phone',
      'address',
      'safe_contact',
      'access_needs',
      'created_by',
      'created_at',
      'updated_at',
    ],
    b.clients.map((c) => ({ ...c, updated_at: c.created_at })),
  );
  await copyRows(
    client,
    'equality_monitoring',
    orgId,
    ['client_id', ...ANSWER_COLUMNS, 'recorded_by', 'recorded_at', 'updated_at'],
    b.equality.map((e) => ({
      client_id: e.client_id,
      ...answerColumnsOf(e.answers),
      recorded_by: e.recorded_by,
      recorded_at: e.recorded_at,
      updated_at: e.recorded_at,
    })),
  );
  // Renewals point at the consent they renew: the renewed ones first.
  const consents = [...b.consents].sort(
    (x, y) => Number(x.renews_consent_id !== null) - Number(y.renews_consent_id !== null),
  );
  await copyRows(
    client,
    'consents',
    orgId,
    [
      'id',
      'client_id',
      'purpose',
      'lawful_basis',
      'given_at',
      'expires_at',
      'recorded_by',
      'recorded_at',
      'renews_consent_id',
    ],
    consents,
  );
  await copyRows(
    client,
    'cases',
    orgId,
    [
      'id',
      'reference',
      'client_id',
      'case_type_id',
      'presenting_issue',
      'desired_outcome',
      'status',
      'hold_reason',
      'outcome',
      'outcome_key',
      'closure_reason',
      'owner_id',
      'team_id',
      'vulnerability',
      'vulnerability_indicators',
      'impact',
      'opened_at',
      'closed_at',
      'last_attention_at',
      'destruction_due_on',
      'estimated_effort_hours',
      'created_by',
      'created_at',
      'updated_at',
    ],
    b.cases.map((c) => ({
      ...c,
      created_by: c.owner_id,
      created_at: c.opened_at,
      updated_at: c.closed_at ?? c.last_attention_at,
    })),
  );
  await copyRows(
    client,
    'goals',
    orgId,
    [
      'id',
      'case_id',
      'description',
      'target_date',
      'status',
      'result_note',
      'result_at',
      'created_by',
      'created_at',
      'updated_at',
    ],
    b.goals.map((g) => ({ ...g, updated_at: g.result_at ?? g.created_at })),
  );
  await copyRows(
    client,
    'actions',
    orgId,
    [
      'id',
      'case_id',
      'description',
      'owner_kind',
      'owner_user_id',
      'owner_name',
      'due_date',
      'status',
      'completed_at',
      'goal_id',
      'created_by',
      'created_at',
      'updated_at',
    ],
    b.actions.map((a) => ({ ...a, updated_at: a.completed_at ?? a.created_at })),
  );
  // Amendments point at earlier notes of the batch: originals first.
  const notes = [...b.notes].sort(
    (x, y) => Number(x.amends_note_id !== null) - Number(y.amends_note_id !== null),
  );
  await copyRows(
    client,
    'notes',
    orgId,
    [
      'id',
      'case_id',
      'author_id',
      'status',
      'type',
      'contact_channel',
      'occurred_at',
      'recorded_at',
      'facts',
      'advice',
      'actions_agreed',
      'judgement',
      'sensitivity',
      'amends_note_id',
      'amendment_reason',
      'goal_ids',
      'created_at',
      'updated_at',
    ],
    notes.map((n) => ({
      ...n,
      created_at: n.recorded_at ?? n.occurred_at,
      updated_at: n.recorded_at ?? n.occurred_at,
    })),
  );
  await copyRows(
    client,
    'key_dates',
    orgId,
    ['id', 'case_id', 'kind', 'due_date', 'description', 'status', 'created_by', 'created_at', 'updated_at'],
    b.keyDates.map((k) => ({ ...k, updated_at: k.created_at })),
  );
  await copyRows(
    client,
    'case_flags',
    orgId,
    [
      'id',
      'case_id',
      'kind',
      'category',
      'description',
      'raised_by',
      'raised_at',
      'resolved_by',
      'resolved_at',
      'resolution',
    ],
    b.flags,
  );
  await copyRows(
    client,
    'obstacles',
    orgId,
    [
      'id',
      'case_id',
      'category',
      'description',
      'since',
      'plan',
      'resolved_at',
      'resolution',
      'created_by',
      'created_at',
      'updated_at',
    ],
    b.obstacles.map((o) => ({ ...o, updated_at: o.resolved_at ?? o.created_at })),
  );
  await copyRows(
    client,
    'referrals',
    orgId,
    [
      'id',
      'case_id',
      'direction',
      'organisation',
      'service',
      'reason',
      'information_shared',
      'consent_id',
      'status',
      'referred_on',
      'created_by',
      'created_at',
      'updated_at',
    ],
    b.referrals.map((r) => ({ ...r, updated_at: r.created_at })),
  );
  await copyRows(
    client,
    'sharing_records',
    orgId,
    [
      'id',
      'case_id',
      'decision',
      'recipient',
      'information',
      'purpose',
      'lawful_basis',
      'consent_id',
      'rationale',
      'decided_on',
      'referral_id',
      'recorded_by',
      'recorded_at',
    ],
    b.sharingRecords.map((s) => ({ ...s, decision: 'shared', lawful_basis: 'consent' })),
  );
  await copyRows(
    client,
    'financial_outcomes',
    orgId,
    ['id', 'case_id', 'kind', 'amount_pence', 'frequency', 'description', 'recorded_by', 'recorded_at'],
    b.financialOutcomes,
  );
  await copyRows(
    client,
    'case_complexity_factors',
    orgId,
    ['case_id', 'factor_id', 'added_by', 'added_at'],
    b.complexityTicks,
  );
}

/** The planned events chained in time order (ties keep the order they were planned in). */
async function copyAuditEvents(
  client: pg.Client,
  orgId: string,
  events: PlannedEvent[],
  progress: (n: number) => void,
): Promise<void> {
  const order = events
    .map((_, i) => i)
    .sort((a, b) => (events[a] as PlannedEvent).at - (events[b] as PlannedEvent).at || a - b);
  let head: LinkedEvent | undefined;
  const CHUNK = 50_000;
  for (let from = 0; from < order.length; from += CHUNK) {
    const chained = chainEvents(
      orgId,
      head,
      order.slice(from, from + CHUNK).map((index) => {
        const e = events[index] as PlannedEvent;
        return {
          occurredAt: new Date(e.at),
          actorId: e.actorId || null,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          details: e.details,
        };
      }),
    );
    head = chained.at(-1);
    await copyRows(client, 'audit_events', orgId, AUDIT_COLUMNS, chained.map(auditEventRow));
    progress(Math.min(order.length, from + CHUNK));
  }
}

const AUDIT_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_id',
  'action',
  'entity_type',
  'entity_id',
  'request_id',
  'details',
  'prev_hash',
  'hash',
] as const;

/** The real re-assessment of every open case, as the daily job would do it on the as-of day. */
async function assessOpenCases(
  db: ReturnType<typeof kyselyOnClient>,
  orgId: string,
  now: Date,
  progress: (n: number, total: number) => void,
): Promise<void> {
  const ids = await listOpenCaseIds(db, orgId);
  const ctx: ServiceContext = { db, clock: { now: () => now } };
  const settings = await loadAssessmentSettings(db, orgId, now);
  const tx = db as unknown as Tx;
  for (let i = 0; i < ids.length; i += 1_000) {
    await reassessCases(ctx, tx, { orgId, caseIds: ids.slice(i, i + 1_000), trigger: 'daily' }, settings);
    progress(Math.min(ids.length, i + 1_000), ids.length);
  }
}

async function summarise(
  db: ReturnType<typeof kyselyOnClient>,
  orgId: string,
  size: SyntheticSize,
  options: SeedSyntheticOptions,
  created: boolean,
  started: number,
): Promise<SeedSummary> {
  const count = async (
    table:
      | 'users'
      | 'cases'
      | 'notes'
      | 'key_dates'
      | 'clients'
      | 'actions'
      | 'goals'
      | 'assessments'
      | 'audit_events',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts: Record<string, number> = {};
  for (const t of [
    'users',
    'clients',
    'cases',
    'notes',
    'key_dates',
    'actions',
    'goals',
    'assessments',
    'audit_events',
  ] as const) {
    counts[t] = await count(t);
  }
  counts.openCases = Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', orgId)
        .where('status', '<>', 'closed')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const role = async (r: 'admin' | 'supervisor') =>
    (
      await db
        .selectFrom('users')
        .select('email')
        .where('org_id', '=', orgId)
        .where(sql<boolean>`${r} = ANY(roles)`)
        .orderBy('email')
        .executeTakeFirstOrThrow()
    ).email;
  // The adviser whose open caseload is nearest the typical size (the benchmarks sign in as them).
  const adviser = await db
    .selectFrom('users as u')
    .innerJoin('team_members as m', 'm.user_id', 'u.id')
    .leftJoin('cases as c', (j) => j.onRef('c.owner_id', '=', 'u.id').on('c.status', '<>', 'closed'))
    .select(['u.email', (eb) => eb.fn.count('c.id').as('open')])
    .where('u.org_id', '=', orgId)
    .where('m.role', '=', 'member')
    .groupBy('u.email')
    .orderBy(sql`abs(count(c.id) - ${TYPICAL_OPEN_CASES})`)
    .orderBy('u.email')
    .executeTakeFirstOrThrow();
  return {
    created,
    organisationId: orgId,
    organisationName: size.organisation,
    size: size.name,
    seed: options.seed,
    asOf: options.asOf,
    counts,
    accounts: { admin: await role('admin'), supervisor: await role('supervisor'), adviser: adviser.email },
    elapsedMs: Math.round(performance.now() - started),
  };
}
