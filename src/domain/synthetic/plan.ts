/**
 * The synthetic caseload, one adviser at a time: clients, cases of every type with skewed sizes
 * (most with 5–20 notes, a few long ones with hundreds), notes in all four sections, goals,
 * actions, key dates (some missed, some near), flags, obstacles, referrals with their sharing
 * records, financial outcomes, and the audit events the real use cases would have written.
 *
 * Pure: everything comes from the Random stream and the context, so one seed gives the same rows.
 * Times are spread over the size's history before `now`; dates are calendar dates in UTC.
 */
import { COMMON_INDICATORS } from '../cases/vulnerability-indicators.ts';
import { destructionDate } from '../retention/retention.ts';
import { addWorkingDays, isWorkingDay, type UkNation } from '../time/working-days.ts';
import { planEqualityAnswers, type SyntheticEqualityAnswers } from './equality.ts';
import { Random } from './random.ts';
import {
  CONTACT_CHANNELS,
  FIRST_NAMES,
  JUDGEMENTS,
  LANGUAGES,
  OBSTACLES,
  REFERRAL_ORGANISATIONS,
  SAFEGUARDING_CATEGORIES,
  STREETS,
  SURNAMES,
  TOWNS,
  type TypeVocabulary,
  VOCABULARY,
  VULNERABILITY_CATEGORIES,
} from './vocabulary.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface PlanContext {
  readonly orgId: string;
  readonly now: Date;
  readonly historyDays: number;
  readonly caseTypes: readonly { readonly id: string; readonly key: string }[];
  readonly outcomes: readonly { readonly key: string; readonly positive: boolean }[];
  /** Manual complexity factors that may be ticked ('multiple-issues', 'litigation'). */
  readonly manualFactors: readonly { readonly id: string; readonly key: string }[];
  readonly retentionYears: number;
  /** The organisation's bank holidays: hearings and appointments fall on working days. */
  readonly nation: UkNation;
}

export interface Practitioner {
  readonly id: string;
  readonly teamId: string;
}

export interface ClientRow {
  id: string;
  legal_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  date_of_birth: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  safe_contact: Record<string, unknown>;
  access_needs: Record<string, unknown>;
  created_by: string;
  created_at: Date;
}

export interface ConsentRow {
  id: string;
  client_id: string;
  purpose: 'recording' | 'referral';
  lawful_basis: 'consent';
  given_at: string;
  expires_at: string | null;
  recorded_by: string;
  recorded_at: Date;
  renews_consent_id: string | null;
}

export interface CaseRow {
  id: string;
  reference: string;
  client_id: string;
  case_type_id: string;
  presenting_issue: string;
  desired_outcome: string | null;
  status: 'open' | 'on_hold' | 'closed';
  hold_reason: string | null;
  outcome: string | null;
  outcome_key: string | null;
  closure_reason: string | null;
  owner_id: string;
  team_id: string;
  vulnerability: number;
  vulnerability_indicators: string[];
  impact: string;
  opened_at: Date;
  closed_at: Date | null;
  last_attention_at: Date;
  destruction_due_on: string | null;
  estimated_effort_hours: number | null;
}

export interface NoteRow {
  id: string;
  case_id: string;
  author_id: string;
  status: 'draft' | 'filed';
  type: string;
  contact_channel: string | null;
  occurred_at: Date;
  recorded_at: Date | null;
  facts: string;
  advice: string;
  actions_agreed: string;
  judgement: string;
  sensitivity: 'normal' | 'restricted';
  amends_note_id: string | null;
  amendment_reason: string | null;
  goal_ids: string[];
}

export interface GoalRow {
  id: string;
  case_id: string;
  description: string;
  target_date: string | null;
  status: string;
  result_note: string | null;
  result_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface ActionRow {
  id: string;
  case_id: string;
  description: string;
  owner_kind: 'practitioner' | 'client' | 'third_party';
  owner_user_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  status: 'open' | 'done' | 'cancelled';
  completed_at: Date | null;
  goal_id: string | null;
  created_by: string;
  created_at: Date;
}

export interface KeyDateRow {
  id: string;
  case_id: string;
  kind: string;
  due_date: string;
  description: string;
  status: 'pending' | 'met' | 'missed' | 'cancelled';
  created_by: string;
  created_at: Date;
}

export interface FlagRow {
  id: string;
  case_id: string;
  kind: 'safeguarding' | 'vulnerability';
  category: string;
  description: string;
  raised_by: string;
  raised_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution: string | null;
}

export interface ObstacleRow {
  id: string;
  case_id: string;
  category: string;
  description: string;
  since: string;
  plan: string | null;
  resolved_at: Date | null;
  resolution: string | null;
  created_by: string;
  created_at: Date;
}

export interface ReferralRow {
  id: string;
  case_id: string;
  direction: 'out' | 'in';
  organisation: string;
  service: string;
  reason: string;
  information_shared: string | null;
  consent_id: string | null;
  status: string;
  referred_on: string;
  created_by: string;
  created_at: Date;
}

export interface SharingRecordRow {
  id: string;
  case_id: string;
  recipient: string;
  information: string;
  purpose: string;
  consent_id: string;
  rationale: string;
  decided_on: string;
  referral_id: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface FinancialOutcomeRow {
  id: string;
  case_id: string;
  kind: string;
  amount_pence: number;
  frequency: string;
  description: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface ComplexityTickRow {
  case_id: string;
  factor_id: string;
  added_by: string;
  added_at: Date;
}

/** An audit event as the use case would have written it (chained later, in time order). */
export interface PlannedEvent {
  readonly at: number;
  readonly actorId: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly details: Record<string, unknown>;
}

/** A client's equality monitoring form, its answers by question. */
export interface EqualityRow {
  client_id: string;
  answers: SyntheticEqualityAnswers;
  recorded_by: string;
  recorded_at: Date;
}

/** Everything generated for one batch of cases, by table. */
export interface CaseBatch {
  clients: ClientRow[];
  equality: EqualityRow[];
  consents: ConsentRow[];
  cases: CaseRow[];
  notes: NoteRow[];
  goals: GoalRow[];
  actions: ActionRow[];
  keyDates: KeyDateRow[];
  flags: FlagRow[];
  obstacles: ObstacleRow[];
  referrals: ReferralRow[];
  sharingRecords: SharingRecordRow[];
  financialOutcomes: FinancialOutcomeRow[];
  complexityTicks: ComplexityTickRow[];
  events: PlannedEvent[];
}

export const emptyBatch = (): CaseBatch => ({
  clients: [],
  equality: [],
  consents: [],
  cases: [],
  notes: [],
  goals: [],
  actions: [],
  keyDates: [],
  flags: [],
  obstacles: [],
  referrals: [],
  sharingRecords: [],
  financialOutcomes: [],
  complexityTicks: [],
  events: [],
});

/** Case references per year of opening: the next number of each year, shared by all advisers. */
export class ReferenceCounter {
  readonly last = new Map<number, number>();
  next(openedAt: Date): string {
    const year = openedAt.getUTCFullYear();
    const n = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, n);
    return `CL-${year}-${String(n).padStart(6, '0')}`;
  }
}

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

const CASE_TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  'welfare-benefits': 30,
  debt: 25,
  housing: 20,
  employment: 8,
  immigration: 4,
  family: 4,
  consumer: 4,
  'health-community-care': 3,
  other: 2,
};

const IMPACT_BY_TYPE: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  housing: [
    ['loss-of-home', 5],
    ['financial-loss', 2],
    ['inconvenience', 1],
    ['risk-to-liberty-or-safety', 1],
  ],
  'welfare-benefits': [
    ['loss-of-income', 6],
    ['financial-loss', 2],
    ['inconvenience', 1],
  ],
  debt: [
    ['financial-loss', 5],
    ['loss-of-home', 1],
    ['inconvenience', 2],
  ],
  employment: [
    ['loss-of-income', 4],
    ['financial-loss', 2],
    ['inconvenience', 1],
  ],
};
const DEFAULT_IMPACT: readonly (readonly [string, number])[] = [
  ['inconvenience', 4],
  ['financial-loss', 2],
  ['none', 2],
];

const CLOSURE_REASONS = [
  'Advice given and the matter resolved',
  'Client has what they need to act alone',
  'Referred to a specialist service',
  'No contact from the client after three attempts',
  'Client asked to close the case',
];

/**
 * Plans one adviser's cases: `total` cases of which `open` are open (or on hold). Clients are
 * new, except that some come back with a second case after an earlier one closed.
 */
export function planAdviserCases(
  rng: Random,
  ctx: PlanContext,
  adviser: Practitioner,
  counts: { readonly total: number; readonly open: number },
  references: ReferenceCounter,
  into: CaseBatch = emptyBatch(),
): CaseBatch {
  const nowMs = ctx.now.getTime();
  const historyStart = nowMs - ctx.historyDays * DAY;
  const lastClose = closeOfLastWorkingDay(isoDate(ctx.now), ctx.nation);
  const typeChoices = ctx.caseTypes.map((t) => [t, CASE_TYPE_WEIGHTS[t.key] ?? 1] as const);
  const closedClients: ClientRow[] = [];
  for (let i = 0; i < counts.total; i++) {
    const isOpen = i >= counts.total - counts.open;
    // Closed cases first (older), then the open ones.
    const type = rng.weighted(typeChoices);
    let openedAt: number;
    let closedAt: number | null = null;
    if (isOpen) {
      const ageDays = rng.weighted<[number, number]>([
        [[1, 90], 70],
        [[91, 365], 25],
        [[366, 700], 5],
      ]);
      openedAt = Math.min(
        officeTime(
          nowMs - rng.int(ageDays[0], Math.min(ageDays[1], ctx.historyDays)) * DAY - rng.int(0, 8) * HOUR,
          ctx.nation,
        ),
        nowMs - HOUR,
      );
    } else {
      // Opened anywhere in the history that leaves room for its duration (and for moving both
      // ends into office hours), so closures spread evenly up to the last working day instead of
      // piling up on it.
      const at = rng.float();
      const duration = rng.weighted<[number, number]>([
        [[7, 60], 45],
        [[61, 180], 40],
        [[181, 400], 15],
      ]);
      const days = rng.int(duration[0], duration[1]);
      openedAt = officeTime(
        historyStart + at * Math.max(0, nowMs - 6 * DAY - days * DAY - historyStart),
        ctx.nation,
      );
      closedAt = Math.min(officeTime(openedAt + days * DAY, ctx.nation), lastClose);
    }
    const returning =
      !isOpen || closedClients.length === 0
        ? undefined
        : rng.chance(0.12)
          ? rng.pick(closedClients)
          : undefined;
    const client = returning ?? makeClient(rng, adviser, new Date(openedAt - 5 * MINUTE));
    if (!returning) {
      into.clients.push(client);
      into.events.push(event(openedAt - 5 * MINUTE, adviser.id, 'client.created', 'client', client.id, {}));
      planEquality(client, adviser.id, openedAt - 4 * MINUTE, into);
    }
    planCase(rng, ctx, adviser, { type, client, openedAt, closedAt, isOpen }, references, into);
    if (!isOpen) closedClients.push(client);
  }
  return into;
}

/** The client's equality monitoring form, when they filled it in, and its audit event. */
function planEquality(client: ClientRow, by: string, at: number, into: CaseBatch): void {
  const answers = planEqualityAnswers(client.id);
  if (!answers) return;
  into.equality.push({ client_id: client.id, answers, recorded_by: by, recorded_at: new Date(at) });
  const answered = Object.values(answers).filter((v) => v !== null).length;
  into.events.push(event(at, by, 'equality_monitoring.recorded', 'client', client.id, { answered }));
}

function event(
  at: number,
  actorId: string,
  action: string,
  entityType: string,
  entityId: string,
  details: Record<string, unknown>,
): PlannedEvent {
  return { at, actorId, action, entityType, entityId, details };
}

function makeClient(rng: Random, adviser: Practitioner, createdAt: Date): ClientRow {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(SURNAMES);
  const n = rng.int(1, 999);
  const interpreter = rng.chance(0.06);
  const age = rng.int(18, 86);
  const dob = new Date(Date.UTC(createdAt.getUTCFullYear() - age, rng.int(0, 11), rng.int(1, 28)));
  return {
    id: rng.uuid(),
    legal_name: `${first} ${last}`,
    preferred_name: rng.chance(0.1) ? rng.pick(FIRST_NAMES) : null,
    pronouns: rng.chance(0.15) ? rng.pick(['she/her', 'he/him', 'they/them']) : null,
    date_of_birth: rng.chance(0.95) ? isoDate(dob) : null,
    email: rng.chance(0.6)
      ? `${first}.${last}.${n}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '')
      : null,
    phone: rng.chance(0.85) ? `07700 900${String(rng.int(0, 999)).padStart(3, '0')}` : null,
    address: rng.chance(0.9) ? `${rng.int(1, 180)} ${rng.pick(STREETS)}, ${rng.pick(TOWNS)}` : null,
    safe_contact: { voicemail: rng.chance(0.8), letters: rng.chance(0.85) },
    access_needs: interpreter ? { interpreter: true, language: rng.pick(LANGUAGES) } : {},
    created_by: adviser.id,
    created_at: createdAt,
  };
}

/**
 * What the adviser noticed, as many indicators as the level suggests (none at level 0, one at 1,
 * one or two at 2, two or three at 3), drawn from a child stream of the case so that adding them
 * left the rest of a seed's data as it was.
 */
function indicatorsFor(caseId: string, level: number): string[] {
  if (level <= 0) return [];
  const rng = Random.derive(caseId, 'vulnerability-indicators');
  const pool: string[] = [...COMMON_INDICATORS];
  const chosen: string[] = [];
  for (let n = level === 1 ? 1 : rng.int(level - 1, level); n > 0; n--) {
    chosen.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  }
  return chosen;
}

/**
 * Kinds of key date that courts, tribunals, agencies and the service keep to working days; a
 * deadline set in law (a limitation or appeal date) can fall on any day.
 */
const ON_WORKING_DAYS = new Set(['hearing', 'appointment', 'internal-target']);

/**
 * The day a key date of this kind falls on: `due` itself, or for a kind kept to working days the
 * next working day — or the one before, when the next would come after `latest` (a closed case's
 * closure).
 */
function keyDateDay(kind: string, due: Date, latest: number, nation: UkNation): Date {
  if (!ON_WORKING_DAYS.has(kind)) return due;
  const day = isoDate(due);
  const time = due.getTime() - Date.parse(day);
  const next = Date.parse(addWorkingDays(day, 0, nation)) + time;
  return new Date(next <= latest ? next : Date.parse(workingDayOnOrBefore(day, nation)) + time);
}

/** `day` if it is a working day, else the last working day before it. */
function workingDayOnOrBefore(day: string, nation: UkNation): string {
  let ms = Date.parse(day);
  while (!isWorkingDay(isoDate(new Date(ms)), nation)) ms -= DAY;
  return isoDate(new Date(ms));
}

/** Office hours, 09:00 to 16:30 UTC (10:00 to 17:30 in British Summer Time). */
const OFFICE_OPENS = 9 * HOUR;
const OFFICE_SPAN = 7.5 * HOUR;

/**
 * The moment in office hours that stands for `ms`: each week (Monday to Monday) is laid over its
 * five weekdays' office hours in proportion, so times keep their order and weekdays get equal
 * shares (a bank holiday's share moves to the next working day). Contacts, openings and closures
 * happen when the service is open.
 */
function officeTime(ms: number, nation: UkNation): number {
  const epochDay = Math.floor(ms / DAY);
  const weekStart = (epochDay - ((epochDay + 3) % 7)) * DAY; // 1970-01-01 was a Thursday
  const position = ((ms - weekStart) / (7 * DAY)) * 5;
  const weekday = Math.floor(position);
  const day = addWorkingDays(isoDate(new Date(weekStart + weekday * DAY)), 0, nation);
  return Date.parse(day) + OFFICE_OPENS + (position - weekday) * OFFICE_SPAN;
}

/** The last working day before `day`, at the end of its office hours. */
function closeOfLastWorkingDay(day: string, nation: UkNation): number {
  const before = isoDate(new Date(Date.parse(day) - DAY));
  return Date.parse(workingDayOnOrBefore(before, nation)) + OFFICE_OPENS + OFFICE_SPAN;
}

interface CaseSeed {
  readonly type: { readonly id: string; readonly key: string };
  readonly client: ClientRow;
  readonly openedAt: number;
  readonly closedAt: number | null;
  readonly isOpen: boolean;
}

function planCase(
  rng: Random,
  ctx: PlanContext,
  adviser: Practitioner,
  seed: CaseSeed,
  references: ReferenceCounter,
  into: CaseBatch,
): void {
  const { type, client, openedAt, closedAt, isOpen } = seed;
  const vocab = VOCABULARY[type.key] ?? (VOCABULARY.other as TypeVocabulary);
  const nowMs = ctx.now.getTime();
  const endMs = closedAt ?? nowMs;
  const caseId = rng.uuid();
  const by = adviser.id;
  const ev = (
    at: number,
    action: string,
    entityType: string,
    entityId: string,
    details: Record<string, unknown> = {},
  ) => into.events.push(event(at, by, action, entityType, entityId, details));

  // Consent to recording at opening (renewed on long open cases).
  const recording: ConsentRow = {
    id: rng.uuid(),
    client_id: client.id,
    purpose: 'recording',
    lawful_basis: 'consent',
    given_at: isoDate(new Date(openedAt)),
    expires_at: null,
    recorded_by: by,
    recorded_at: new Date(openedAt + MINUTE),
    renews_consent_id: null,
  };
  into.consents.push(recording);
  if (isOpen && nowMs - openedAt > 330 * DAY && rng.chance(0.8)) {
    const at = openedAt + 330 * DAY;
    into.consents.push({
      ...recording,
      id: rng.uuid(),
      given_at: isoDate(new Date(at)),
      recorded_at: new Date(at),
      renews_consent_id: recording.id,
    });
  }

  const safeguarding = rng.chance(0.03);
  const vulnerabilityFlag = rng.chance(0.08);
  const vulnerability = safeguarding
    ? rng.int(2, 3)
    : rng.weighted([
        [0, 60],
        [1, 25],
        [2, 11],
        [3, 4],
      ] as const);

  // Goals and actions.
  const goals: GoalRow[] = [];
  for (let g = 0, n = rng.int(1, 3); g < n; g++) {
    const createdAt = Math.min(endMs - 2 * MINUTE, openedAt + rng.int(1, 48) * HOUR);
    const status = isOpen
      ? rng.chance(0.15)
        ? 'achieved'
        : 'active'
      : rng.weighted([
          ['achieved', 55],
          ['partly_achieved', 20],
          ['not_achieved', 15],
          ['withdrawn', 10],
        ] as const);
    const resultAt =
      status === 'active' ? null : new Date(Math.min(endMs - HOUR, createdAt + rng.int(5, 120) * DAY));
    const goal: GoalRow = {
      id: rng.uuid(),
      case_id: caseId,
      description: rng.pick(vocab.goals),
      target_date: isoDate(addDays(new Date(createdAt), rng.int(14, 120))),
      status,
      result_note: resultAt ? 'Result recorded at closure review.' : null,
      result_at:
        resultAt && resultAt.getTime() > createdAt
          ? resultAt
          : status === 'active'
            ? null
            : new Date(createdAt + HOUR),
      created_by: by,
      created_at: new Date(createdAt),
    };
    goals.push(goal);
    ev(createdAt, 'goal.created', 'goal', goal.id, { caseId });
  }
  into.goals.push(...goals);

  for (let a = 0, n = rng.int(2, 6); a < n; a++) {
    const createdAt = openedAt + rng.int(1, Math.max(1, Math.floor((endMs - openedAt) / HOUR) - 1)) * HOUR;
    const ownerKind = rng.weighted([
      ['practitioner', 70],
      ['client', 20],
      ['third_party', 10],
    ] as const);
    const open = isOpen && rng.chance(0.55);
    const due = open ? addDays(ctx.now, rng.int(-20, 30)) : addDays(new Date(createdAt), rng.int(3, 21));
    const action: ActionRow = {
      id: rng.uuid(),
      case_id: caseId,
      description: `${ownerKind === 'client' ? 'Client to' : ownerKind === 'third_party' ? 'Chase:' : 'Adviser to'} ${rng.pick(vocab.actions)}`,
      owner_kind: ownerKind,
      owner_user_id: ownerKind === 'practitioner' ? by : null,
      owner_name: ownerKind === 'third_party' ? rng.pick(vocab.thirdParties) : null,
      due_date: rng.chance(0.9) ? isoDate(due) : null,
      status: open ? 'open' : rng.chance(0.9) ? 'done' : 'cancelled',
      completed_at: open ? null : new Date(Math.min(endMs - MINUTE, createdAt + rng.int(1, 20) * DAY)),
      goal_id: rng.chance(0.5) ? rng.pick(goals).id : null,
      created_by: by,
      created_at: new Date(createdAt),
    };
    if (action.completed_at && action.completed_at.getTime() < createdAt)
      action.completed_at = new Date(createdAt);
    into.actions.push(action);
    ev(createdAt, 'action.created', 'action', action.id, { caseId });
  }

  // Key dates: open cases have pending ones (some already passed, some near); closed ones were met.
  const keyDateCount = isOpen
    ? rng.weighted([
        [0, 15],
        [1, 35],
        [2, 30],
        [3, 15],
        [4, 5],
      ] as const)
    : rng.weighted([
        [0, 15],
        [1, 45],
        [2, 30],
        [3, 10],
      ] as const);
  let hasHearing = false;
  for (let k = 0; k < keyDateCount; k++) {
    const [kind, description] = rng.pick(vocab.keyDates);
    hasHearing ||= kind === 'hearing';
    const createdAt = Math.min(endMs - 2 * MINUTE, openedAt + rng.int(1, 72) * HOUR);
    let due: Date;
    let status: KeyDateRow['status'];
    if (isOpen) {
      due = addDays(
        ctx.now,
        rng.weighted([
          [-1, 12],
          [1, 30],
          [2, 58],
        ] as const) * rng.int(1, 60),
      );
      if (due.getTime() < createdAt) due = new Date(createdAt + DAY);
      due = keyDateDay(kind, due, Number.POSITIVE_INFINITY, ctx.nation);
      status =
        due.getTime() < nowMs - DAY
          ? rng.chance(0.3)
            ? 'pending'
            : rng.chance(0.7)
              ? 'met'
              : 'missed'
          : 'pending';
    } else {
      due = new Date(createdAt + rng.int(2, Math.max(2, Math.floor((endMs - createdAt) / DAY))) * DAY);
      due = keyDateDay(kind, due, endMs, ctx.nation);
      status = rng.weighted([
        ['met', 90],
        ['missed', 5],
        ['cancelled', 5],
      ] as const);
    }
    const row: KeyDateRow = {
      id: rng.uuid(),
      case_id: caseId,
      kind,
      due_date: isoDate(due),
      description,
      status,
      created_by: by,
      created_at: new Date(createdAt),
    };
    into.keyDates.push(row);
    ev(createdAt, 'key_date.created', 'key_date', row.id, { caseId, kind });
  }

  // Flags.
  const flagRows: FlagRow[] = [];
  if (safeguarding) flagRows.push(makeFlag(rng, caseId, by, 'safeguarding', openedAt, endMs, isOpen));
  if (vulnerabilityFlag) flagRows.push(makeFlag(rng, caseId, by, 'vulnerability', openedAt, endMs, isOpen));
  for (const f of flagRows)
    ev(f.raised_at.getTime(), 'case.flag_raised', 'case', caseId, { flagId: f.id, kind: f.kind });
  into.flags.push(...flagRows);

  // Obstacles: on a quarter of open cases (most still in the way), fewer closed ones.
  if (rng.chance(isOpen ? 0.25 : 0.06)) {
    const [category, description] = rng.pick(OBSTACLES);
    const since = openedAt + rng.float() * (endMs - openedAt) * 0.8;
    const resolved = !isOpen || rng.chance(0.3);
    into.obstacles.push({
      id: rng.uuid(),
      case_id: caseId,
      category,
      description,
      since: isoDate(new Date(since)),
      plan: rng.chance(0.7) ? 'Agreed to follow up weekly and escalate if nothing changes.' : null,
      resolved_at: resolved ? new Date(Math.min(endMs - MINUTE, since + rng.int(2, 30) * DAY)) : null,
      resolution: resolved ? 'Resolved: the missing information arrived.' : null,
      created_by: by,
      created_at: new Date(since),
    });
  }

  // Referrals: out with consent (and the sharing record the real referral writes), or in.
  if (rng.chance(0.17)) {
    const out = rng.chance(0.7);
    const [organisation, service] = rng.pick(REFERRAL_ORGANISATIONS);
    const at = openedAt + rng.float() * (endMs - openedAt) * 0.7;
    let consentId: string | null = null;
    if (out) {
      const consent: ConsentRow = {
        ...recording,
        id: rng.uuid(),
        purpose: 'referral',
        given_at: isoDate(new Date(at)),
        recorded_at: new Date(at),
        renews_consent_id: null,
      };
      into.consents.push(consent);
      consentId = consent.id;
    }
    const referral: ReferralRow = {
      id: rng.uuid(),
      case_id: caseId,
      direction: out ? 'out' : 'in',
      organisation,
      service,
      reason: out ? `Client needs ${service.toLowerCase()}` : 'Referred to us for specialist advice',
      information_shared: out ? 'Name, contact details and a summary of the problem' : null,
      consent_id: consentId,
      status: out ? rng.pick(['made', 'accepted', 'completed']) : rng.pick(['received', 'accepted']),
      referred_on: isoDate(new Date(at)),
      created_by: by,
      created_at: new Date(at),
    };
    into.referrals.push(referral);
    ev(at, 'referral.created', 'case', caseId, { referralId: referral.id, direction: referral.direction });
    if (out && consentId) {
      into.sharingRecords.push({
        id: rng.uuid(),
        case_id: caseId,
        recipient: organisation,
        information: 'Name, contact details and a summary of the problem',
        purpose: `Referral: ${service}`,
        consent_id: consentId,
        rationale: 'The client consented to the referral.',
        decided_on: referral.referred_on,
        referral_id: referral.id,
        recorded_by: by,
        recorded_at: new Date(at),
      });
    }
  }

  // Notes: skewed count, spread from opening to now or closure, first one the first contact.
  const noteCount = rng.skewed(4, 13, 350, 0.008);
  const span = Math.max(HOUR, endMs - openedAt - HOUR);
  const times: number[] = [];
  // In office hours, inside the case's life (a note a few minutes after opening or before the end
  // where office hours would put it outside).
  const during = (ms: number) =>
    Math.max(openedAt + 5 * MINUTE, Math.min(officeTime(ms, ctx.nation), endMs - 5 * MINUTE));
  for (let n = 0; n < noteCount; n++)
    times.push(during(n === 0 ? openedAt + rng.int(10, 600) * MINUTE : openedAt + rng.float() * span));
  times.sort((a, b) => a - b);
  const firstName = client.preferred_name ?? client.legal_name.split(' ')[0] ?? 'Client';
  const caseNotes: NoteRow[] = [];
  for (const [n, occurred] of times.entries()) {
    const noteType =
      n === 0
        ? 'contact'
        : safeguarding && rng.chance(0.05)
          ? 'safeguarding'
          : rng.weighted([
              ['contact', 40],
              ['advice', 25],
              ['action', 20],
              ['file-note', 8],
              ['referral', 3],
              ['review', 4],
            ] as const);
    const recordedAt = Math.min(nowMs - MINUTE, occurred + rng.int(2, 240) * MINUTE);
    const note = makeNote(rng, vocab, {
      caseId,
      author: by,
      type: noteType,
      occurred,
      recordedAt,
      firstName,
      goals,
      now: ctx.now,
    });
    caseNotes.push(note);
    ev(recordedAt, 'note.filed', 'note', note.id, { caseId, type: noteType });
  }
  // A few amendments (a correction by a later note, never an edit) and a draft on some open cases.
  if (caseNotes.length > 2 && rng.chance(0.05)) {
    const original = rng.pick(caseNotes.slice(0, -1));
    const occurred = Math.max(
      (original.recorded_at as Date).getTime() + MINUTE,
      Math.min(
        nowMs - 2 * MINUTE,
        officeTime((original.recorded_at as Date).getTime() + rng.int(1, 72) * HOUR, ctx.nation),
      ),
    );
    const amendment: NoteRow = {
      ...makeNote(rng, vocab, {
        caseId,
        author: by,
        type: original.type,
        occurred,
        recordedAt: occurred + MINUTE,
        firstName,
        goals,
        now: ctx.now,
      }),
      amends_note_id: original.id,
      amendment_reason: rng.pick([
        'Wrong date of the decision letter recorded',
        'Amount of arrears corrected',
        'Name of the creditor corrected',
      ]),
    };
    caseNotes.push(amendment);
    ev(occurred + MINUTE, 'note.amended', 'note', amendment.id, { caseId, amends: original.id });
  }
  if (isOpen && rng.chance(0.05)) {
    const occurred = Math.max(
      openedAt,
      Math.min(nowMs - 2 * MINUTE, officeTime(nowMs - rng.int(1, 48) * HOUR, ctx.nation)),
    );
    caseNotes.push({
      ...makeNote(rng, vocab, {
        caseId,
        author: by,
        type: 'contact',
        occurred,
        recordedAt: occurred,
        firstName,
        goals,
        now: ctx.now,
      }),
      status: 'draft',
      recorded_at: null,
    });
  }
  into.notes.push(...caseNotes);

  // The case itself.
  const closed = !isOpen;
  const onHold = isOpen && rng.chance(0.04);
  const outcome = closed ? rng.weighted(ctx.outcomes.map((o) => [o, o.positive ? 3 : 1] as const)) : null;
  const lastAttention = Math.max(
    openedAt,
    ...caseNotes.filter((n) => n.status === 'filed').map((n) => n.occurred_at.getTime()),
  );
  const row: CaseRow = {
    id: caseId,
    reference: references.next(new Date(openedAt)),
    client_id: client.id,
    case_type_id: type.id,
    presenting_issue: rng.pick(vocab.presenting),
    desired_outcome: rng.chance(0.8) ? rng.pick(vocab.desired) : null,
    status: closed ? 'closed' : onHold ? 'on_hold' : 'open',
    hold_reason: onHold ? 'Waiting for the client to return from hospital' : null,
    outcome: null,
    outcome_key: outcome?.key ?? null,
    closure_reason: closed ? rng.pick(CLOSURE_REASONS) : null,
    owner_id: by,
    team_id: adviser.teamId,
    vulnerability,
    vulnerability_indicators: indicatorsFor(caseId, vulnerability),
    impact: rng.weighted(IMPACT_BY_TYPE[type.key] ?? DEFAULT_IMPACT),
    opened_at: new Date(openedAt),
    closed_at: closedAt === null ? null : new Date(closedAt),
    last_attention_at: new Date(lastAttention),
    destruction_due_on:
      closedAt === null ? null : destructionDate(isoDate(new Date(closedAt)), ctx.retentionYears),
    estimated_effort_hours: rng.chance(0.3) ? rng.int(2, 40) : null,
  };
  into.cases.push(row);
  ev(openedAt, 'case.opened', 'case', caseId, {
    reference: row.reference,
    clientId: client.id,
    caseTypeId: type.id,
    ownerId: by,
    teamId: adviser.teamId,
  });
  if (closedAt !== null) ev(closedAt, 'case.status_changed', 'case', caseId, { from: 'open', to: 'closed' });

  // Financial outcomes on some successful closures; complexity ticks on some open cases.
  if (closed && outcome?.positive && rng.chance(0.4)) {
    for (let f = 0, n = rng.int(1, 2); f < n; f++) {
      const kind = rng.weighted([
        ['income-gained', 5],
        ['debt-written-off', 3],
        ['arrears-cleared', 1],
        ['backdated-award', 2],
      ] as const);
      into.financialOutcomes.push({
        id: rng.uuid(),
        case_id: caseId,
        kind,
        amount_pence: kind === 'income-gained' ? rng.int(20, 150) * 100 : rng.int(200, 12_000) * 100,
        frequency: kind === 'income-gained' ? 'weekly' : 'one-off',
        description: `${kind.replace(/-/g, ' ')} confirmed in writing`,
        recorded_by: by,
        recorded_at: new Date((closedAt ?? nowMs) - HOUR),
      });
    }
  }
  const multiple = ctx.manualFactors.find((f) => f.key === 'multiple-issues');
  const litigation = ctx.manualFactors.find((f) => f.key === 'litigation');
  if (isOpen && multiple && rng.chance(0.06))
    into.complexityTicks.push({
      case_id: caseId,
      factor_id: multiple.id,
      added_by: by,
      added_at: new Date(openedAt + DAY),
    });
  if (isOpen && litigation && hasHearing && rng.chance(0.5))
    into.complexityTicks.push({
      case_id: caseId,
      factor_id: litigation.id,
      added_by: by,
      added_at: new Date(openedAt + DAY),
    });
}

function makeFlag(
  rng: Random,
  caseId: string,
  by: string,
  kind: 'safeguarding' | 'vulnerability',
  openedAt: number,
  endMs: number,
  isOpen: boolean,
): FlagRow {
  const raisedAt = openedAt + rng.float() * Math.min(endMs - openedAt, 30 * DAY) * 0.5;
  const resolved = !isOpen || rng.chance(0.25);
  const resolvedAt = resolved ? Math.min(endMs - MINUTE, raisedAt + rng.int(1, 60) * DAY) : null;
  return {
    id: rng.uuid(),
    case_id: caseId,
    kind,
    category:
      kind === 'safeguarding' ? rng.pick(SAFEGUARDING_CATEGORIES) : rng.pick(VULNERABILITY_CATEGORIES),
    description:
      kind === 'safeguarding'
        ? 'Disclosed during the appointment; DSL informed the same day.'
        : 'Client told us about this at the first contact.',
    raised_by: by,
    raised_at: new Date(raisedAt),
    resolved_by: resolvedAt === null ? null : by,
    resolved_at: resolvedAt === null ? null : new Date(Math.max(raisedAt, resolvedAt)),
    resolution: resolvedAt === null ? null : 'Support in place; concern closed with the DSL.',
  };
}

interface NoteSeed {
  readonly caseId: string;
  readonly author: string;
  readonly type: string;
  readonly occurred: number;
  readonly recordedAt: number;
  readonly firstName: string;
  readonly goals: readonly GoalRow[];
  readonly now: Date;
}

function makeNote(rng: Random, vocab: TypeVocabulary, s: NoteSeed): NoteRow {
  const channel = s.type === 'contact' || s.type === 'advice' ? rng.pick(CONTACT_CHANNELS) : null;
  const opener =
    channel === 'phone'
      ? `${s.firstName} rang.`
      : channel === 'face-to-face'
        ? `${s.firstName} came in to the office.`
        : channel === 'video'
          ? `Video call with ${s.firstName}.`
          : channel === 'email'
            ? `Email from ${s.firstName}.`
            : channel === 'letter'
              ? `Letter received from ${s.firstName}.`
              : '';
  const facts = [
    opener,
    `${rng.pick(vocab.facts)}.`,
    rng.chance(0.4) ? `Spoke to ${rng.pick(vocab.thirdParties)}, who confirmed the position.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const advice =
    s.type === 'file-note' || rng.chance(0.2)
      ? ''
      : `${rng.pick(vocab.advice)}.${rng.chance(0.3) ? ` ${rng.pick(vocab.advice)}.` : ''}`;
  const due = isoDate(addDays(new Date(s.occurred), rng.int(2, 21)));
  const actionsAgreed = rng.chance(0.7)
    ? `Adviser to ${rng.pick(vocab.actions)} by ${due}.${rng.chance(0.4) ? ` Client to ${rng.pick(vocab.actions)}.` : ''}`
    : '';
  const judgement = rng.chance(0.4) ? rng.pick(JUDGEMENTS) : '';
  return {
    id: rng.uuid(),
    case_id: s.caseId,
    author_id: s.author,
    status: 'filed',
    type: s.type,
    contact_channel: channel,
    occurred_at: new Date(s.occurred),
    recorded_at: new Date(Math.max(s.occurred, s.recordedAt)),
    facts,
    advice,
    actions_agreed: actionsAgreed,
    judgement,
    sensitivity: s.type === 'safeguarding' ? 'restricted' : 'normal',
    amends_note_id: null,
    amendment_reason: null,
    goal_ids: s.goals.length > 0 && actionsAgreed && rng.chance(0.3) ? [rng.pick(s.goals).id] : [],
  };
}
