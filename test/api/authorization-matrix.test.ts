/**
 * The authorization matrix of case records: every route × every kind of user, with the status
 * each must get. A route under the case-record prefixes that is missing here fails the test, so
 * a new route cannot ship without its row.
 *
 * The world: team A (owner and a colleague, both advisers; supervisor A), team B (an adviser and
 * supervisor B), an admin, an auditor, and an adviser of another organisation. Every request acts
 * on fresh records of a case owned by `owner` in team A, so requests do not disturb each other.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { DEFAULT_PRIORITY_POLICY } from '../../src/domain/priority/policy.ts';
import { buildTestApp, type SignedIn, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const PERSONAS = [
  'owner',
  'colleague',
  'supervisorA',
  'supervisorB',
  'outsider',
  'admin',
  'auditor',
  'otherOrg',
] as const;
type Persona = (typeof PERSONAS)[number];

/** Every route whose URL starts with one of these must be in the matrix. */
const COVERED_PREFIXES = [
  '/api/clients',
  '/api/case-types',
  '/api/cases',
  '/api/notes',
  '/api/glossary',
  '/api/actions',
  '/api/goals',
  '/api/obstacles',
  '/api/key-dates',
  '/api/documents',
  '/api/search',
  '/api/notifications',
  '/api/priority-policy',
  '/api/time-limit-templates',
  '/api/service-timescales',
  '/api/organisation',
  '/api/worklist',
  '/api/caseload',
  '/api/dashboard',
  '/api/external-factors',
  '/api/complexity-factors',
  '/api/capacity',
  '/api/review-schedules',
  '/api/reviews',
  '/api/reflections',
  '/api/file-review-items',
  '/api/file-reviews',
  '/api/corrective-actions',
  '/api/referrals',
  '/api/handovers',
  '/api/outcome-types',
  '/api/outcome-report',
  '/api/subject-access-requests',
  '/api/rectification-requests',
  '/api/retention',
  '/api/erasure-requests',
  '/api/anonymised-exports',
  '/api/anonymised-exports.zip',
  '/api/equality-monitoring',
  '/api/breaches',
  '/api/evidence-pack',
];

interface World {
  orgId: string;
  teamA: string;
  /** A colleague outside the personas, for records that must not give a persona access. */
  bystander: string;
  users: Record<Persona, { id: string }>;
  caseTypeId: string;
}

interface Prepared {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** Personas that succeed (2xx). */
  ok: readonly Persona[];
  /** Status for everyone else (default 404: case data of others does not exist for them). */
  denied?: number;
  /** Per-persona exceptions to `denied`. */
  except?: Partial<Record<Persona, number>>;
  /** Builds the request for one persona, on fresh records. */
  request: (w: World, as: Persona) => Promise<Prepared>;
  /** Tells apart two rows of one route (e.g. two scopes of a list). */
  label?: string;
}

const CASE_TEAM = ['owner', 'supervisorA'] as const;
const EVERYONE = PERSONAS;
const CASE_OWNERS = ['owner', 'colleague', 'supervisorA', 'supervisorB', 'outsider'] as const; // may hold cases
const ADMINS = ['admin'] as const;
const unique = () => randomBytes(3).toString('hex');

/** An external factor of team A, for the dashboard rows. */
async function teamFactor(w: World) {
  const row = await t.db
    .insertInto('external_factors')
    .values({
      org_id: w.orgId,
      kind: 'seasonal-peak',
      title: 'Peak',
      description: null,
      starts_on: '2026-12-01',
      ends_on: null,
      team_id: w.teamA,
      user_id: null,
      created_by: w.bystander,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function freshCase(w: World) {
  return insertCase(t.db, { orgId: w.orgId, ownerId: w.users.owner.id, teamId: w.teamA });
}

async function insertNote(w: World, caseId: string, status: 'draft' | 'filed', authorId = w.users.owner.id) {
  return t.db
    .insertInto('notes')
    .values({
      org_id: w.orgId,
      case_id: caseId,
      author_id: authorId,
      status,
      type: 'advice',
      contact_channel: null,
      occurred_at: new Date(Date.now() - 3_600_000),
      recorded_at: status === 'filed' ? new Date() : null,
      facts: 'Client brought the decision letter.',
      amends_note_id: null,
      amendment_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function onCase<T>(
  w: World,
  table: 'actions' | 'goals' | 'obstacles' | 'key_dates' | 'case_flags',
  values: (caseId: string) => T,
) {
  const c = await freshCase(w);
  const row = await t.db
    .insertInto(table)
    // biome-ignore lint/suspicious/noExplicitAny: one helper for five tables' rows
    .values(values(c.id) as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  return { caseId: c.id, id: row.id };
}

const by = (w: World) => w.users.owner.id;
const action = (w: World) =>
  onCase(w, 'actions', (caseId) => ({
    org_id: w.orgId,
    case_id: caseId,
    description: 'Ring DWP',
    owner_kind: 'client',
    created_by: by(w),
  }));
const goal = (w: World) =>
  onCase(w, 'goals', (caseId) => ({
    org_id: w.orgId,
    case_id: caseId,
    description: 'Keep the tenancy',
    measure: 'No eviction',
    target_date: '2027-03-01',
    created_by: by(w),
  }));
const obstacle = (w: World) =>
  onCase(w, 'obstacles', (caseId) => ({
    org_id: w.orgId,
    case_id: caseId,
    category: 'awaiting-documents',
    description: 'Payslips',
    since: '2026-11-01',
    created_by: by(w),
  }));
const keyDate = (w: World) =>
  onCase(w, 'key_dates', (caseId) => ({
    org_id: w.orgId,
    case_id: caseId,
    kind: 'appeal-deadline',
    due_date: '2027-01-10',
    description: 'Appeal',
    created_by: by(w),
  }));
const flag = (w: World) =>
  onCase(w, 'case_flags', (caseId) => ({
    org_id: w.orgId,
    case_id: caseId,
    kind: 'vulnerability',
    category: 'mental health',
    raised_by: by(w),
    raised_at: new Date(),
  }));

/** A request body for a new time-limit template. */
const templateBody = (key: string) => ({
  key,
  name: `Limit ${key}`,
  source: 'Civil Procedure Rules, r. 15.4',
  eventLabel: 'service of the claim',
  rule: { kind: 'calendar-days', days: 14 },
  caution: 'the days run from deemed service.',
});

/** A fresh template of the organisation, active or not; answers its key. */
async function freshTemplate(w: World, active: boolean) {
  const { key, ...template } = templateBody(`limit-${unique()}`);
  await t.db
    .insertInto('time_limit_templates')
    .values({ org_id: w.orgId, key, template: JSON.stringify(template), active, updated_by: null })
    .execute();
  return key;
}

const MATRIX: Row[] = [
  // Clients
  {
    method: 'GET',
    url: '/api/clients',
    ok: EVERYONE,
    request: async () => ({ url: '/api/clients?q=Client' }),
  },
  {
    method: 'POST',
    url: '/api/clients',
    ok: CASE_OWNERS,
    denied: 403,
    except: { otherOrg: 201 },
    request: async () => ({
      url: '/api/clients',
      payload: { legalName: `New Person ${unique()}`, dateOfBirth: '1990-01-01' },
    }),
  },
  {
    method: 'GET',
    url: '/api/clients/:id',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/clients/${(await freshCase(w)).client_id}` }),
  },
  {
    method: 'PATCH',
    url: '/api/clients/:id',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/clients/${(await freshCase(w)).client_id}`,
      payload: { pronouns: 'she/her' },
    }),
  },
  {
    method: 'GET',
    url: '/api/clients/:id/history',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/clients/${(await freshCase(w)).client_id}/history` }),
  },
  {
    method: 'POST',
    url: '/api/clients/:id/consents',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/clients/${(await freshCase(w)).client_id}/consents`,
      payload: { purpose: 'recording', lawfulBasis: 'consent', givenAt: '2026-11-01' },
    }),
  },
  {
    method: 'POST',
    url: '/api/clients/:id/consents/:consentId/withdraw',
    ok: CASE_TEAM,
    request: async (w) => {
      const c = await freshCase(w);
      const consent = await t.db
        .insertInto('consents')
        .values({
          org_id: w.orgId,
          client_id: c.client_id,
          purpose: 'recording',
          lawful_basis: 'consent',
          given_at: '2026-11-01',
          recorded_by: by(w),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        url: `/api/clients/${c.client_id}/consents/${consent.id}/withdraw`,
        payload: { withdrawnAt: '2026-11-02' },
      };
    },
  },
  // Case types
  { method: 'GET', url: '/api/case-types', ok: EVERYONE, request: async () => ({ url: '/api/case-types' }) },
  {
    method: 'POST',
    url: '/api/case-types',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/case-types',
      payload: { key: `type-${unique()}`, name: `Type ${unique()}` },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/case-types/:id',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({
      url: `/api/case-types/${w.caseTypeId}`,
      payload: { name: `Welfare benefits ${unique()}` },
    }),
  },
  // Cases
  {
    method: 'POST',
    url: '/api/cases',
    ok: CASE_TEAM,
    // Admins and auditors hold no cases; advisers who may not see the client get 404 for it.
    except: { admin: 403, auditor: 403 },
    request: async (w) => ({
      url: '/api/cases',
      payload: {
        clientId: (await freshCase(w)).client_id,
        caseTypeId: w.caseTypeId,
        presentingIssue: 'Council tax arrears',
        teamId: w.teamA,
      },
    }),
  },
  { method: 'GET', url: '/api/cases', ok: EVERYONE, request: async () => ({ url: '/api/cases' }) },
  {
    method: 'GET',
    url: '/api/cases/:id',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}` }),
  },
  {
    method: 'PATCH',
    url: '/api/cases/:id',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}`,
      payload: { presentingIssue: 'Updated issue' },
    }),
  },
  {
    method: 'POST',
    url: '/api/cases/:id/status',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/status`,
      payload: { status: 'on_hold', reason: 'Waiting for DWP' },
    }),
  },
  {
    method: 'POST',
    url: '/api/cases/:id/flags',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/flags`,
      payload: { kind: 'vulnerability', category: 'mental health' },
    }),
  },
  {
    method: 'POST',
    url: '/api/cases/:id/flags/:flagId/resolve',
    ok: CASE_TEAM,
    request: async (w) => {
      const f = await flag(w);
      return {
        url: `/api/cases/${f.caseId}/flags/${f.id}/resolve`,
        payload: { resolution: 'Support in place' },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/cases/:id/shares',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/shares`,
      payload: { userId: w.users.colleague.id, reason: 'Cover during leave' },
    }),
  },
  {
    method: 'DELETE',
    url: '/api/cases/:id/shares/:shareId',
    ok: CASE_TEAM,
    request: async (w) => {
      const c = await freshCase(w);
      const share = await t.db
        .insertInto('case_shares')
        .values({
          org_id: w.orgId,
          case_id: c.id,
          user_id: w.bystander,
          reason: 'Cover',
          expires_at: null,
          granted_by: by(w),
          granted_at: new Date(),
          revoked_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/cases/${c.id}/shares/${share.id}` };
    },
  },
  {
    method: 'POST',
    url: '/api/cases/:id/break-glass',
    ok: ['supervisorB'],
    except: { owner: 409, supervisorA: 409 },
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/break-glass`,
      payload: { reason: 'Client in crisis at reception; owner away' },
    }),
  },
  // Resources (issue 4): allocated hours and specialists
  {
    method: 'GET',
    url: '/api/cases/:caseId/resources',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/resources` }),
  },
  {
    method: 'PUT',
    url: '/api/cases/:caseId/resources',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/resources`,
      payload: { allocatedHours: 2.5, estimatedEffortHours: 4 },
    }),
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/assessments',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/assessments` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/assessments',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/assessments`,
      payload: { vulnerability: 1, impact: 'financial-loss', rationale: 'Arrears growing.' },
    }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/assessments/preview',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/assessments/preview`,
      payload: { vulnerability: 2, impact: 'loss-of-home' },
    }),
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/specialists',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/specialists` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/specialists',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/specialists`,
      payload: { userId: w.bystander, role: 'Debt specialist' },
    }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/specialists/:id/remove',
    ok: CASE_TEAM,
    request: async (w) => {
      const c = await freshCase(w);
      const specialist = await t.db
        .insertInto('case_specialists')
        .values({
          org_id: w.orgId,
          case_id: c.id,
          user_id: w.bystander,
          role: 'Debt specialist',
          added_by: by(w),
          added_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/cases/${c.id}/specialists/${specialist.id}/remove` };
    },
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/chronology',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/chronology` }),
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/chronology.pdf',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/chronology.pdf` }),
  },
  // Informing colleagues: the people to choose from (who may view), the message (who may contribute)
  {
    method: 'GET',
    url: '/api/cases/:caseId/colleagues',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/colleagues` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/inform',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/inform`,
      payload: { userIds: [w.bystander], message: 'Please cover the hearing on Monday.' },
    }),
  },
  // Notes
  {
    method: 'GET',
    url: '/api/cases/:caseId/notes',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/notes` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/notes',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/notes`,
      payload: {
        type: 'advice',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        advice: 'Apply for a mandatory reconsideration.',
      },
    }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/notes',
    label: 'file now',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/notes`,
      payload: {
        type: 'advice',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        advice: 'Apply for a mandatory reconsideration.',
        fileNow: true,
      },
    }),
  },
  {
    method: 'GET',
    url: '/api/notes/drafts',
    ok: EVERYONE,
    request: async () => ({ url: '/api/notes/drafts' }),
  },
  {
    method: 'POST',
    url: '/api/notes/clarity-hints',
    ok: EVERYONE,
    request: async () => ({
      url: '/api/notes/clarity-hints',
      payload: { type: 'contact', facts: 'Client was aggressive.' },
    }),
  },
  {
    method: 'GET',
    url: '/api/notes/:id',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/notes/${(await insertNote(w, (await freshCase(w)).id, 'filed')).id}`,
    }),
  },
  // Drafts are their author's alone: even the team's supervisor gets 404.
  {
    method: 'PATCH',
    url: '/api/notes/:id',
    ok: ['owner'],
    request: async (w) => ({
      url: `/api/notes/${(await insertNote(w, (await freshCase(w)).id, 'draft')).id}`,
      payload: { advice: 'More advice.' },
    }),
  },
  {
    method: 'DELETE',
    url: '/api/notes/:id',
    ok: ['owner'],
    request: async (w) => ({
      url: `/api/notes/${(await insertNote(w, (await freshCase(w)).id, 'draft')).id}`,
    }),
  },
  {
    method: 'POST',
    url: '/api/notes/:id/file',
    ok: ['owner'],
    request: async (w) => ({
      url: `/api/notes/${(await insertNote(w, (await freshCase(w)).id, 'draft')).id}/file`,
    }),
  },
  {
    method: 'POST',
    url: '/api/notes/:id/amendments',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/notes/${(await insertNote(w, (await freshCase(w)).id, 'filed')).id}/amendments`,
      payload: { reason: 'Added the date', facts: 'Client brought the decision letter dated 3 November.' },
    }),
  },
  // Glossary
  { method: 'GET', url: '/api/glossary', ok: EVERYONE, request: async () => ({ url: '/api/glossary' }) },
  {
    method: 'PUT',
    url: '/api/glossary/:term',
    ok: ADMINS,
    denied: 403,
    request: async () => ({ url: '/api/glossary/MR', payload: { meaning: 'Mandatory reconsideration' } }),
  },
  {
    method: 'DELETE',
    url: '/api/glossary/:term',
    ok: ADMINS,
    denied: 403,
    request: async (w) => {
      await t.db
        .insertInto('glossary_terms')
        .values({ org_id: w.orgId, term: 'PIP', meaning: 'Personal Independence Payment' })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return { url: '/api/glossary/PIP' };
    },
  },
  // Priority policy: everyone reads the policy in force; its history is for directory viewers
  {
    method: 'GET',
    url: '/api/priority-policy',
    ok: EVERYONE,
    request: async () => ({ url: '/api/priority-policy' }),
  },
  {
    method: 'GET',
    url: '/api/priority-policy/versions',
    ok: ['supervisorA', 'supervisorB', 'admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/priority-policy/versions' }),
  },
  {
    method: 'GET',
    url: '/api/priority-policy/versions/:version',
    ok: ['supervisorA', 'supervisorB', 'admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/priority-policy/versions/0' }),
  },
  {
    method: 'PUT',
    url: '/api/priority-policy',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/priority-policy',
      payload: {
        policy: { ...DEFAULT_PRIORITY_POLICY, thresholds: { red: 90, amber: 35 } },
        changeNote: 'Fewer red cases on score alone',
      },
    }),
  },
  // The effect of priorities on a caseload: the owner's own, and their team's supervisor
  {
    method: 'GET',
    url: '/api/caseload/effect',
    ok: CASE_TEAM,
    denied: 403,
    request: async (w) => ({ url: `/api/caseload/effect?userId=${w.users.owner.id}` }),
  },
  {
    method: 'POST',
    url: '/api/caseload/what-if',
    ok: CASE_TEAM,
    denied: 403,
    request: async (w) => ({
      url: '/api/caseload/what-if',
      payload: { userId: w.users.owner.id, change: { addCase: { band: 'red', effortHours: 3 } } },
    }),
  },
  // Actions, goals, obstacles, key dates
  {
    method: 'GET',
    url: '/api/cases/:caseId/actions',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/actions` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/actions',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/actions`,
      payload: { description: 'Send payslips', ownerKind: 'client' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/actions/:id',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/actions/${(await action(w)).id}`,
      payload: { description: 'Ring DWP today' },
    }),
  },
  {
    method: 'POST',
    url: '/api/actions/:id/complete',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/actions/${(await action(w)).id}/complete`,
      payload: { result: 'Done' },
    }),
  },
  {
    method: 'POST',
    url: '/api/actions/:id/cancel',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/actions/${(await action(w)).id}/cancel`,
      payload: { reason: 'Not needed' },
    }),
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/goals',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/goals` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/goals',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/goals`,
      payload: { description: 'Keep the tenancy', measure: 'No eviction order', targetDate: '2027-03-01' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/goals/:id',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/goals/${(await goal(w)).id}`,
      payload: { measure: 'Arrears plan agreed' },
    }),
  },
  {
    method: 'POST',
    url: '/api/goals/:id/progress',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/goals/${(await goal(w)).id}/progress`,
      payload: { text: 'Landlord agreed to wait' },
    }),
  },
  {
    method: 'POST',
    url: '/api/goals/:id/result',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/goals/${(await goal(w)).id}/result`,
      payload: { status: 'achieved', note: 'Tenancy kept' },
    }),
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/obstacles',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/obstacles` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/obstacles',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/obstacles`,
      payload: { category: 'awaiting-third-party', description: 'Waiting for DWP', since: '2026-11-01' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/obstacles/:id',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/obstacles/${(await obstacle(w)).id}`,
      payload: { plan: 'Chase weekly' },
    }),
  },
  {
    method: 'POST',
    url: '/api/obstacles/:id/resolve',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/obstacles/${(await obstacle(w)).id}/resolve`,
      payload: { resolution: 'Received' },
    }),
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/key-dates',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/key-dates` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/key-dates',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/key-dates`,
      payload: { kind: 'hearing', dueDate: '2027-02-01', description: 'Tribunal hearing' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/key-dates/:id',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/key-dates/${(await keyDate(w)).id}`,
      payload: { description: 'Appeal to tribunal' },
    }),
  },
  {
    method: 'POST',
    url: '/api/key-dates/:id/status',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/key-dates/${(await keyDate(w)).id}/status`,
      payload: { status: 'met' },
    }),
  },
  // Documents
  {
    method: 'GET',
    url: '/api/cases/:caseId/documents',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/documents` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/documents',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/documents?filename=letter.txt&contentType=text/plain`,
      payload: Buffer.from('Dear client, your appeal…'),
      headers: { 'content-type': 'application/octet-stream' },
    }),
  },
  {
    method: 'GET',
    url: '/api/documents/:id',
    ok: CASE_TEAM,
    request: async (w) => {
      const c = await freshCase(w);
      const content = Buffer.from('letter');
      const { createHash } = await import('node:crypto');
      const doc = await t.db
        .insertInto('documents')
        .values({
          org_id: w.orgId,
          case_id: c.id,
          note_id: null,
          filename: 'letter.txt',
          content_type: 'text/plain',
          size_bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploaded_by: by(w),
          uploaded_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/documents/${doc.id}` };
    },
  },
  // Key dates register: everyone's own; a team's backup diary for its supervisors only
  {
    method: 'GET',
    url: '/api/key-dates/register',
    label: 'mine',
    ok: EVERYONE,
    request: async () => ({ url: '/api/key-dates/register' }),
  },
  {
    method: 'GET',
    url: '/api/key-dates/register',
    label: 'team A',
    ok: ['supervisorA'],
    denied: 403,
    request: async (w) => ({ url: `/api/key-dates/register?scope=team&teamId=${w.teamA}` }),
  },
  {
    method: 'GET',
    url: '/api/key-dates/register',
    label: 'the owner in team A',
    ok: ['owner', 'supervisorA'],
    denied: 403,
    request: async (w) => ({ url: `/api/key-dates/register?scope=user&userId=${w.users.owner.id}` }),
  },
  // Time-limit templates: everyone reads and computes; admins change
  {
    method: 'GET',
    url: '/api/time-limit-templates',
    ok: EVERYONE,
    request: async () => ({ url: '/api/time-limit-templates' }),
  },
  {
    method: 'POST',
    url: '/api/time-limit-templates',
    ok: ADMINS,
    denied: 403,
    request: async () => ({ url: '/api/time-limit-templates', payload: templateBody(`limit-${unique()}`) }),
  },
  {
    method: 'PUT',
    url: '/api/time-limit-templates/:key',
    ok: ADMINS,
    denied: 403,
    request: async (w) => {
      const { key: _key, ...body } = templateBody('unused');
      return { url: `/api/time-limit-templates/${await freshTemplate(w, true)}`, payload: body };
    },
  },
  {
    method: 'POST',
    url: '/api/time-limit-templates/:key/deactivate',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({ url: `/api/time-limit-templates/${await freshTemplate(w, true)}/deactivate` }),
  },
  {
    method: 'POST',
    url: '/api/time-limit-templates/:key/activate',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({ url: `/api/time-limit-templates/${await freshTemplate(w, false)}/activate` }),
  },
  {
    method: 'POST',
    url: '/api/time-limit-templates/:key/compute',
    // Every organisation has the seeded templates.
    ok: EVERYONE,
    request: async () => ({
      url: '/api/time-limit-templates/county-court-defence/compute',
      payload: { eventDate: '2026-11-02' },
    }),
  },
  // Service timescales and reminder lead times: organisation settings everyone reads, admins change
  {
    method: 'GET',
    url: '/api/service-timescales',
    ok: EVERYONE,
    request: async () => ({ url: '/api/service-timescales' }),
  },
  {
    method: 'PUT',
    url: '/api/service-timescales',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/service-timescales',
      payload: { caseTypeId: null, band: 'green', firstContactDays: 5, reviewDays: 15, resolutionDays: 90 },
    }),
  },
  {
    method: 'DELETE',
    url: '/api/service-timescales',
    ok: ADMINS,
    denied: 403,
    request: async (w) => {
      await t.db
        .insertInto('service_timescales')
        .values({
          org_id: w.orgId,
          case_type_id: w.caseTypeId,
          band: 'amber',
          first_contact_days: 2,
          review_days: 8,
          resolution_days: 50,
          updated_by: null,
          updated_at: new Date(),
        })
        .onConflict((oc) => oc.columns(['org_id', 'case_type_id', 'band']).doNothing())
        .execute();
      return { url: `/api/service-timescales?caseTypeId=${w.caseTypeId}&band=amber` };
    },
  },
  {
    method: 'GET',
    url: '/api/organisation/reminders',
    ok: EVERYONE,
    request: async () => ({ url: '/api/organisation/reminders' }),
  },
  {
    method: 'PUT',
    url: '/api/organisation/reminders',
    ok: ADMINS,
    denied: 403,
    request: async () => ({ url: '/api/organisation/reminders', payload: { leadDays: [10, 5, 2, 1] } }),
  },
  // Search and notifications
  {
    method: 'GET',
    url: '/api/search',
    ok: EVERYONE,
    request: async () => ({ url: '/api/search?q=decision+letter' }),
  },
  {
    method: 'GET',
    url: '/api/notifications',
    ok: EVERYONE,
    request: async () => ({ url: '/api/notifications' }),
  },
  {
    method: 'POST',
    url: '/api/notifications/:id/read',
    ok: EVERYONE,
    request: async (w, as) => {
      const orgId =
        as === 'otherOrg'
          ? (
              await t.db
                .selectFrom('users')
                .select('org_id')
                .where('id', '=', w.users.otherOrg.id)
                .executeTakeFirstOrThrow()
            ).org_id
          : w.orgId;
      const n = await t.db
        .insertInto('notifications')
        .values({
          org_id: orgId,
          user_id: w.users[as].id,
          kind: 'case-shared',
          case_id: null,
          message: 'A case was shared with you',
          created_at: new Date(),
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/notifications/${n.id}/read` };
    },
  },
  // Worklist: one's own (anyone), a team member's (themself and the team's supervisors), a team's.
  { method: 'GET', url: '/api/worklist', ok: EVERYONE, request: async () => ({ url: '/api/worklist' }) },
  {
    method: 'GET',
    url: '/api/worklist',
    ok: CASE_TEAM,
    denied: 403,
    request: async (w) => ({ url: `/api/worklist?scope=user&userId=${w.users.owner.id}` }),
  },
  {
    method: 'GET',
    url: '/api/worklist',
    ok: ['supervisorA'],
    denied: 403,
    request: async (w) => ({ url: `/api/worklist?scope=team&teamId=${w.teamA}` }),
  },
  // Dashboard: one's own (anyone), a team member's (themself and the team's supervisors), a team's.
  { method: 'GET', url: '/api/dashboard', ok: EVERYONE, request: async () => ({ url: '/api/dashboard' }) },
  {
    method: 'GET',
    url: '/api/dashboard',
    label: 'a team member',
    ok: CASE_TEAM,
    denied: 403,
    request: async (w) => ({ url: `/api/dashboard?scope=user&userId=${w.users.owner.id}` }),
  },
  {
    method: 'GET',
    url: '/api/dashboard',
    label: 'a team',
    ok: ['supervisorA'],
    denied: 403,
    request: async (w) => ({ url: `/api/dashboard?scope=team&teamId=${w.teamA}` }),
  },
  // External factors: everyone reads; a team's are its supervisors' and the admins' to manage.
  {
    method: 'GET',
    url: '/api/external-factors',
    ok: EVERYONE,
    request: async () => ({ url: '/api/external-factors?from=2026-01-01&to=2026-12-31' }),
  },
  {
    method: 'POST',
    url: '/api/external-factors',
    ok: ['supervisorA', 'admin'],
    denied: 403,
    request: async (w) => ({
      url: '/api/external-factors',
      payload: { kind: 'seasonal-peak', title: 'Peak', startsOn: '2026-12-01', teamId: w.teamA },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/external-factors/:id',
    ok: ['supervisorA', 'admin'],
    denied: 403,
    request: async (w) => ({
      url: `/api/external-factors/${await teamFactor(w)}`,
      payload: { endsOn: '2026-12-24' },
    }),
  },
  {
    method: 'DELETE',
    url: '/api/external-factors/:id',
    ok: ['supervisorA', 'admin'],
    denied: 403,
    request: async (w) => ({ url: `/api/external-factors/${await teamFactor(w)}` }),
  },
  {
    method: 'GET',
    url: '/api/organisation/caseload-settings',
    ok: EVERYONE,
    request: async () => ({ url: '/api/organisation/caseload-settings' }),
  },
  {
    method: 'PUT',
    url: '/api/organisation/caseload-settings',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/organisation/caseload-settings',
      payload: { stalledAfterDays: 10, reviewCadenceWeeks: 4, recordsFinancialOutcomes: true },
    }),
  },
  // -- rows: dashboard and external factors (insert above this line) --
  // Weighting: complexity factors everyone reads and admins change; a case's weight and its manual factors.
  {
    method: 'GET',
    url: '/api/complexity-factors',
    ok: EVERYONE,
    request: async () => ({ url: '/api/complexity-factors' }),
  },
  {
    method: 'POST',
    url: '/api/complexity-factors',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/complexity-factors',
      payload: { key: `factor-${unique()}`, label: `Factor ${unique()}`, multiplier: 1.2 },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/complexity-factors/:id',
    ok: ADMINS,
    denied: 403,
    request: async (w) => {
      const litigation = await t.db
        .selectFrom('complexity_factors')
        .select('id')
        .where('org_id', '=', w.orgId)
        .where('key', '=', 'litigation')
        .executeTakeFirstOrThrow();
      return {
        url: `/api/complexity-factors/${litigation.id}`,
        payload: { label: `Litigation ${unique()}` },
      };
    },
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/weight',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/weight` }),
  },
  {
    method: 'PUT',
    url: '/api/cases/:caseId/complexity-factors',
    ok: CASE_TEAM,
    request: async (w) => {
      const litigation = await t.db
        .selectFrom('complexity_factors')
        .select('id')
        .where('org_id', '=', w.orgId)
        .where('key', '=', 'litigation')
        .executeTakeFirstOrThrow();
      return {
        url: `/api/cases/${(await freshCase(w)).id}/complexity-factors`,
        payload: { factorIds: [litigation.id] },
      };
    },
  },
  // Capacity: one's own (anyone), a team member's (themself and the team's supervisors), a team's.
  { method: 'GET', url: '/api/capacity', ok: EVERYONE, request: async () => ({ url: '/api/capacity' }) },
  {
    method: 'GET',
    url: '/api/capacity',
    label: 'scope=user',
    ok: CASE_TEAM,
    denied: 403,
    request: async (w) => ({ url: `/api/capacity?scope=user&userId=${w.users.owner.id}` }),
  },
  {
    method: 'GET',
    url: '/api/capacity',
    label: 'scope=team',
    ok: ['supervisorA'],
    denied: 403,
    request: async (w) => ({ url: `/api/capacity?scope=team&teamId=${w.teamA}` }),
  },
  {
    method: 'POST',
    url: '/api/capacity/reallocation-what-if',
    // A supervisor of the case's team, to a teammate; the owner may manage the case but not preview.
    ok: ['supervisorA'],
    except: { owner: 403 },
    request: async (w) => ({
      url: '/api/capacity/reallocation-what-if',
      payload: { caseId: (await freshCase(w)).id, toUserId: w.users.colleague.id },
    }),
  },
  // -- rows: weighting and capacity (insert above this line) --
  ...reviewRows(),
  // -- rows: caseload reviews and reflective log (insert above this line) --
  // File reviews: the checklist and sampling rule (everyone reads, admins change), samples and reviews
  // (the team's supervisors; the practitioner reads their own), corrective actions, the annual report.
  {
    method: 'GET',
    url: '/api/file-review-items',
    ok: EVERYONE,
    request: async () => ({ url: '/api/file-review-items' }),
  },
  {
    method: 'POST',
    url: '/api/file-review-items',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/file-review-items',
      payload: { key: `item-${unique()}`, label: 'Fees explained' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/file-review-items/:id',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({
      url: `/api/file-review-items/${await fileReviewItemId(w)}`,
      payload: { guidance: `Look for it ${unique()}` },
    }),
  },
  {
    method: 'GET',
    url: '/api/file-reviews/rule',
    ok: EVERYONE,
    request: async () => ({ url: '/api/file-reviews/rule' }),
  },
  {
    method: 'PUT',
    url: '/api/file-reviews/rule',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/file-reviews/rule',
      payload: { casesPerPractitioner: 2, period: 'quarter', riskShare: 0.5 },
    }),
  },
  {
    method: 'POST',
    url: '/api/file-reviews/sample',
    ok: ['supervisorA', 'supervisorB'],
    denied: 403,
    request: async () => ({ url: '/api/file-reviews/sample', payload: {} }),
  },
  {
    method: 'POST',
    url: '/api/file-reviews',
    ok: ['supervisorA'],
    denied: 403,
    except: { supervisorB: 404 },
    request: async (w) => ({ url: '/api/file-reviews', payload: { caseId: (await freshCase(w)).id } }),
  },
  {
    method: 'GET',
    url: '/api/file-reviews',
    ok: EVERYONE,
    request: async () => ({ url: '/api/file-reviews' }),
  },
  {
    method: 'GET',
    url: '/api/file-reviews/report',
    ok: ['supervisorA', 'supervisorB', 'admin'],
    denied: 403,
    request: async () => ({ url: '/api/file-reviews/report?year=2026' }),
  },
  {
    method: 'GET',
    url: '/api/file-reviews/:id',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/file-reviews/${await freshFileReview(w)}` }),
  },
  {
    method: 'PUT',
    url: '/api/file-reviews/:id/answers',
    ok: ['supervisorA'],
    denied: 403,
    except: { supervisorB: 404 },
    request: async (w) => ({
      url: `/api/file-reviews/${await freshFileReview(w)}/answers`,
      payload: { answers: [{ itemId: await fileReviewItemId(w), result: 'met' }] },
    }),
  },
  {
    method: 'POST',
    url: '/api/file-reviews/:id/complete',
    ok: ['supervisorA'],
    denied: 403,
    except: { supervisorB: 404 },
    request: async (w) => ({
      url: `/api/file-reviews/${await freshFileReview(w, { answered: true })}/complete`,
      payload: {},
    }),
  },
  {
    method: 'POST',
    url: '/api/file-reviews/:id/corrective-actions',
    ok: ['supervisorA'],
    denied: 403,
    except: { supervisorB: 404 },
    request: async (w) => ({
      url: `/api/file-reviews/${await freshFileReview(w)}/corrective-actions`,
      payload: { description: 'Record the source of the hearing date' },
    }),
  },
  {
    method: 'GET',
    url: '/api/corrective-actions',
    ok: EVERYONE,
    request: async () => ({ url: '/api/corrective-actions' }),
  },
  {
    method: 'POST',
    url: '/api/corrective-actions/:id/done',
    // The assignee (the owner, the practitioner under review); the team's supervisor sees it but may not.
    ok: ['owner'],
    except: { supervisorA: 403 },
    request: async (w) => ({
      url: `/api/corrective-actions/${await freshCorrectiveAction(w, false)}/done`,
      payload: { note: 'Source added' },
    }),
  },
  {
    method: 'POST',
    url: '/api/corrective-actions/:id/verify',
    ok: ['supervisorA'],
    denied: 403,
    except: { supervisorB: 404 },
    request: async (w) => ({
      url: `/api/corrective-actions/${await freshCorrectiveAction(w, true)}/verify`,
      payload: { note: 'Checked the record' },
    }),
  },
  // -- rows: file reviews (insert above this line) --
  // Information exchange: handovers, referrals, sharing records, the one view
  {
    method: 'GET',
    url: '/api/cases/:caseId/information-exchange',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/information-exchange` }),
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/handovers',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/handovers` }),
  },
  {
    method: 'POST',
    url: '/api/handovers/:id/acknowledge',
    // The new owner only: the team's supervisor sees the case but is refused.
    ok: ['owner'],
    except: { supervisorA: 403 },
    request: async (w) => {
      const c = await freshCase(w);
      const h = await t.db
        .insertInto('case_handovers')
        .values({
          org_id: w.orgId,
          case_id: c.id,
          from_user_id: w.bystander,
          to_user_id: w.users.owner.id,
          note: 'Over to you',
          handed_over_by: w.bystander,
          handed_over_at: new Date(),
          acknowledged_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/handovers/${h.id}/acknowledge` };
    },
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/referrals',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/referrals` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/referrals',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/referrals`,
      payload: {
        direction: 'out',
        organisation: 'Adult Social Care',
        reason: 'Care needs assessment',
        informationShared: 'Name and address',
        lawfulBasis: 'vital-interests',
        sharingRationale: 'Safeguarding concern',
      },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/referrals/:id',
    ok: CASE_TEAM,
    request: async (w) => {
      const c = await freshCase(w);
      const r = await t.db
        .insertInto('referrals')
        .values({
          org_id: w.orgId,
          case_id: c.id,
          direction: 'in',
          organisation: 'Jobcentre Plus',
          service: null,
          reason: 'Sanction',
          information_shared: null,
          consent_id: null,
          lawful_basis: null,
          sharing_rationale: null,
          status: 'received',
          outcome: null,
          referred_on: '2026-11-01',
          created_by: by(w),
          created_at: new Date(),
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/referrals/${r.id}`, payload: { status: 'accepted' } };
    },
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/sharing-records',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/sharing-records` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/sharing-records',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/sharing-records`,
      payload: {
        decision: 'not-shared',
        recipient: 'A caller claiming to be family',
        information: 'Address',
        purpose: 'Asked where the client lives',
        rationale: 'Identity not confirmed; no consent',
      },
    }),
  },
  // Outcomes: the list (admins edit it), financial outcomes, the report (the worklist's rule)
  {
    method: 'GET',
    url: '/api/outcome-types',
    ok: EVERYONE,
    request: async () => ({ url: '/api/outcome-types' }),
  },
  {
    method: 'POST',
    url: '/api/outcome-types',
    ok: ADMINS,
    denied: 403,
    request: async () => ({ url: '/api/outcome-types', payload: { key: `out-${unique()}`, label: 'Other' } }),
  },
  {
    method: 'PATCH',
    url: '/api/outcome-types/:id',
    ok: ADMINS,
    denied: 403,
    request: async (w) => {
      const o = await t.db
        .insertInto('outcome_types')
        .values({ org_id: w.orgId, key: `out-${unique()}`, label: 'Other' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/outcome-types/${o.id}`, payload: { label: 'Something else' } };
    },
  },
  {
    method: 'GET',
    url: '/api/cases/:caseId/financial-outcomes',
    ok: CASE_TEAM,
    request: async (w) => ({ url: `/api/cases/${(await freshCase(w)).id}/financial-outcomes` }),
  },
  {
    method: 'POST',
    url: '/api/cases/:caseId/financial-outcomes',
    ok: CASE_TEAM,
    request: async (w) => ({
      url: `/api/cases/${(await freshCase(w)).id}/financial-outcomes`,
      payload: { kind: 'income-gained', amountPence: 2500, frequency: 'weekly' },
    }),
  },
  {
    method: 'GET',
    url: '/api/outcome-report',
    ok: EVERYONE,
    request: async () => ({ url: '/api/outcome-report' }),
  },
  {
    method: 'GET',
    url: '/api/outcome-report',
    label: 'a member of a supervised team',
    ok: CASE_TEAM,
    denied: 403,
    request: async (w) => ({ url: `/api/outcome-report?scope=user&userId=${w.users.owner.id}` }),
  },
  {
    method: 'GET',
    url: '/api/outcome-report',
    label: 'a supervised team',
    ok: ['supervisorA'],
    denied: 403,
    request: async (w) => ({ url: `/api/outcome-report?scope=team&teamId=${w.teamA}` }),
  },
  // -- rows: information exchange and outcomes (insert above this line) --
  // Subject access and rectification: the data-protection officer role (auditors) and admins only
  {
    method: 'GET',
    url: '/api/subject-access-requests',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/subject-access-requests' }),
  },
  {
    method: 'POST',
    url: '/api/subject-access-requests',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: '/api/subject-access-requests',
      payload: {
        clientId: (await freshCase(w)).client_id,
        receivedOn: '2026-11-20',
        requester: { kind: 'client' },
        identityVerified: true,
        identityEvidence: 'Passport',
      },
    }),
  },
  {
    method: 'GET',
    url: '/api/subject-access-requests/client-lookup',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/subject-access-requests/client-lookup?q=Client' }),
  },
  {
    method: 'GET',
    url: '/api/subject-access-requests/:id',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({ url: `/api/subject-access-requests/${await freshSar(w)}` }),
  },
  {
    method: 'POST',
    url: '/api/subject-access-requests/:id/extend',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: `/api/subject-access-requests/${await freshSar(w)}/extend`,
      payload: { reason: 'Complex', noticeSentOn: '2026-11-21' },
    }),
  },
  {
    method: 'POST',
    url: '/api/subject-access-requests/:id/complete',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: `/api/subject-access-requests/${await freshSar(w)}/complete`,
      payload: { outcome: 'completed', on: '2026-11-21' },
    }),
  },
  {
    method: 'POST',
    url: '/api/subject-access-requests/:id/restricted-notes-decision',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: `/api/subject-access-requests/${await freshSar(w)}/restricted-notes-decision`,
      payload: { include: false, reason: 'Third-party safety' },
    }),
  },
  {
    method: 'GET',
    url: '/api/subject-access-requests/:id/export',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({ url: `/api/subject-access-requests/${await freshSar(w)}/export` }),
  },
  {
    method: 'GET',
    url: '/api/rectification-requests',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/rectification-requests' }),
  },
  {
    method: 'POST',
    url: '/api/rectification-requests',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: '/api/rectification-requests',
      payload: {
        clientId: (await freshCase(w)).client_id,
        receivedOn: '2026-11-20',
        what: 'Phone',
        requestedChange: 'New number',
      },
    }),
  },
  {
    method: 'POST',
    url: '/api/rectification-requests/:id/resolve',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: `/api/rectification-requests/${(await freshRectification(w)).id}/resolve`,
      payload: { outcome: 'refused', reason: 'Accurate as recorded' },
    }),
  },
  {
    method: 'POST',
    url: '/api/rectification-requests/:id/notes',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => {
      const r = await freshRectification(w);
      const original = await insertNote(w, r.caseId, 'filed');
      const amendment = await t.db
        .insertInto('notes')
        .values({
          org_id: w.orgId,
          case_id: r.caseId,
          author_id: w.users.owner.id,
          status: 'filed',
          type: 'advice',
          contact_channel: null,
          occurred_at: new Date(Date.now() - 3_600_000),
          recorded_at: new Date(),
          facts: 'Corrected date of the letter.',
          amends_note_id: original.id,
          amendment_reason: 'Wrong date',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/rectification-requests/${r.id}/notes`, payload: { noteId: amendment.id } };
    },
  },
  // -- rows: sar (insert above this line) --
  // Retention and erasure: admins manage retention; admins and auditors handle erasure requests.
  {
    method: 'GET',
    url: '/api/retention/schedules',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/retention/schedules' }),
  },
  {
    method: 'PUT',
    url: '/api/retention/schedules/:caseTypeId',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({
      url: `/api/retention/schedules/${w.caseTypeId}`,
      payload: { retentionYears: 6 },
    }),
  },
  {
    method: 'GET',
    url: '/api/retention/review',
    ok: ADMINS,
    denied: 403,
    request: async () => ({ url: '/api/retention/review' }),
  },
  {
    method: 'GET',
    url: '/api/retention/tombstones',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/retention/tombstones' }),
  },
  {
    method: 'POST',
    url: '/api/retention/cases/:caseId/approve',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({ url: `/api/retention/cases/${(await closedCaseDue(w)).id}/approve` }),
  },
  {
    method: 'POST',
    url: '/api/retention/cases/:caseId/extend',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({
      url: `/api/retention/cases/${(await closedCaseDue(w)).id}/extend`,
      payload: { until: '2099-01-31', reason: 'Complaint to the ombudsman still open' },
    }),
  },
  {
    method: 'GET',
    url: '/api/erasure-requests',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/erasure-requests' }),
  },
  {
    method: 'POST',
    url: '/api/erasure-requests',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: '/api/erasure-requests',
      payload: {
        clientId: (await insertClient(t.db, { orgId: w.orgId, createdBy: by(w) })).id,
        receivedOn: '2026-01-05',
        reason: 'Letter asking us to delete everything',
      },
    }),
  },
  {
    method: 'POST',
    url: '/api/erasure-requests/:id/approve',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({ url: `/api/erasure-requests/${await pendingErasureRequest(w)}/approve` }),
  },
  {
    method: 'POST',
    url: '/api/erasure-requests/:id/refuse',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => ({
      url: `/api/erasure-requests/${await pendingErasureRequest(w)}/refuse`,
      payload: { reason: 'Legal claim exemption applies' },
    }),
  },
  // -- rows: retention (insert above this line) --
  // Anonymised exports: every case must be one the requester may view (404 otherwise, as if absent);
  // auditors without another role are refused by the policy.
  {
    method: 'POST',
    url: '/api/anonymised-exports',
    ok: CASE_TEAM,
    except: { auditor: 403 },
    request: async (w) => ({
      url: '/api/anonymised-exports',
      payload: { caseIds: [(await freshCase(w)).id], purpose: 'training' },
    }),
  },
  {
    method: 'POST',
    url: '/api/anonymised-exports.zip',
    ok: CASE_TEAM,
    except: { auditor: 403 },
    request: async (w) => ({
      url: '/api/anonymised-exports.zip',
      payload: { caseIds: [(await freshCase(w)).id], purpose: 'evidence-portfolio' },
    }),
  },
  // -- rows: anonymise (insert above this line) --
  // Compliance: consent settings (everyone reads, admins change) and renewing a consent.
  {
    method: 'GET',
    url: '/api/organisation/consent-settings',
    ok: EVERYONE,
    request: async () => ({ url: '/api/organisation/consent-settings' }),
  },
  {
    method: 'PUT',
    url: '/api/organisation/consent-settings',
    ok: ADMINS,
    denied: 403,
    request: async () => ({
      url: '/api/organisation/consent-settings',
      payload: { recordingConsentMonths: 12 },
    }),
  },
  {
    method: 'POST',
    url: '/api/clients/:id/consents/:consentId/renew',
    ok: CASE_TEAM,
    request: async (w) => {
      const c = await freshCase(w);
      const consent = await t.db
        .insertInto('consents')
        .values({
          org_id: w.orgId,
          client_id: c.client_id,
          purpose: 'recording',
          lawful_basis: 'consent',
          given_at: '2025-11-01',
          recorded_by: by(w),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        url: `/api/clients/${c.client_id}/consents/${consent.id}/renew`,
        payload: { givenAt: '2025-11-02' },
      };
    },
  },
  // Compliance: the breach log (admins and auditors).
  {
    method: 'GET',
    url: '/api/breaches',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({ url: '/api/breaches' }),
  },
  {
    method: 'POST',
    url: '/api/breaches',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async () => ({
      url: '/api/breaches',
      payload: { discoveredAt: '2026-01-05T09:00:00Z', whatHappened: 'Letter sent to an old address.' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/breaches/:id',
    ok: ['admin', 'auditor'],
    denied: 403,
    request: async (w) => {
      const b = await t.db
        .insertInto('breaches')
        .values({
          org_id: w.orgId,
          discovered_at: '2026-01-05T09:00:00Z',
          what_happened: 'Letter sent to an old address.',
          recorded_by: by(w),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/breaches/${b.id}`, payload: { riskLevel: 'unlikely' } };
    },
  },
  // Compliance: equality monitoring (recorded by whoever may change the client or an admin; read by admins).
  {
    method: 'PUT',
    url: '/api/clients/:id/equality-monitoring',
    ok: ['owner', 'supervisorA', 'admin'],
    request: async (w) => ({
      url: `/api/clients/${(await freshCase(w)).client_id}/equality-monitoring`,
      payload: { sex: 'prefer-not-to-say' },
    }),
  },
  {
    method: 'GET',
    url: '/api/clients/:id/equality-monitoring',
    ok: ADMINS,
    denied: 403,
    request: async (w) => ({ url: `/api/clients/${(await freshCase(w)).client_id}/equality-monitoring` }),
  },
  {
    method: 'GET',
    url: '/api/equality-monitoring/report',
    ok: ADMINS,
    denied: 403,
    request: async () => ({ url: '/api/equality-monitoring/report?from=2026-01-01&to=2026-12-31' }),
  },
  // Compliance: the quality-mark evidence pack (admins: the organisation; supervisors: their teams).
  {
    method: 'GET',
    url: '/api/evidence-pack',
    ok: ['supervisorA', 'supervisorB', 'admin'],
    denied: 403,
    request: async () => ({ url: '/api/evidence-pack?from=2026-01-01&to=2026-12-31&format=csv' }),
  },
  // -- rows: compliance (insert above this line) --
];

function expectedStatus(row: Row, as: Persona): 'ok' | number {
  if (row.ok.includes(as)) return 'ok';
  return row.except?.[as] ?? row.denied ?? 404;
}

describe('authorization matrix of case records', () => {
  let app: App;
  let world: World;
  const sessions = new Map<Persona, SignedIn>();

  beforeAll(async () => {
    app = await buildTestApp(t);
    await app.ready();
    const org = await insertOrganisation(t.db);
    const teamA = await insertTeam(t.db, { orgId: org.id });
    const teamB = await insertTeam(t.db, { orgId: org.id });
    const other = await insertOrganisation(t.db);
    const made = {
      owner: await insertUser(t.db, { orgId: org.id, team: { id: teamA.id, role: 'member' } }),
      colleague: await insertUser(t.db, { orgId: org.id, team: { id: teamA.id, role: 'member' } }),
      supervisorA: await insertUser(t.db, {
        orgId: org.id,
        roles: ['supervisor', 'adviser'],
        totp: true,
        team: { id: teamA.id, role: 'supervisor' },
      }),
      supervisorB: await insertUser(t.db, {
        orgId: org.id,
        roles: ['supervisor', 'adviser'],
        totp: true,
        team: { id: teamB.id, role: 'supervisor' },
      }),
      outsider: await insertUser(t.db, { orgId: org.id, team: { id: teamB.id, role: 'member' } }),
      admin: await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true }),
      auditor: await insertUser(t.db, { orgId: org.id, roles: ['auditor'] }),
      otherOrg: await insertUser(t.db, { orgId: other.id }),
    };
    // Someone in the other organisation owns a case, so its user has data of their own.
    await insertClient(t.db, { orgId: other.id, createdBy: made.otherOrg.id });
    const type = await t.db
      .selectFrom('case_types')
      .select('id')
      .where('org_id', '=', org.id)
      .where('key', '=', 'welfare-benefits')
      .executeTakeFirstOrThrow();
    const bystander = await insertUser(t.db, { orgId: org.id, team: { id: teamA.id, role: 'member' } });
    world = { orgId: org.id, teamA: teamA.id, bystander: bystander.id, users: made, caseTypeId: type.id };
    for (const persona of PERSONAS) sessions.set(persona, await signInAs(app, made[persona]));
  });
  afterAll(() => app.close());

  it('has a row for every case-record route', () => {
    const listed = new Set(MATRIX.map((r) => `${r.method} ${r.url}`));
    const routes = app.routeCatalogue
      .filter(
        (r) =>
          r.method !== 'HEAD' &&
          COVERED_PREFIXES.some((p) => r.url === p || r.url.startsWith(`${p}/`) || r.url.startsWith(`${p}?`)),
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const row of MATRIX) {
    it(`${row.method} ${row.url}${row.label ? ` (${row.label})` : ''}`, async () => {
      const outcomes: string[] = [];
      const wrong: string[] = [];
      for (const as of PERSONAS) {
        const s = sessions.get(as);
        if (!s) throw new Error(`no session for ${as}`);
        const prepared = await row.request(world, as);
        const res = await app.inject({
          method: row.method,
          url: prepared.url,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, ...prepared.headers },
          ...(prepared.payload === undefined ? {} : { payload: prepared.payload as string }),
        });
        const expected = expectedStatus(row, as);
        const good =
          expected === 'ok' ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === expected;
        outcomes.push(`${as}: ${res.statusCode}`);
        if (!good)
          wrong.push(
            `${as} expected ${expected} got ${res.statusCode} ${res.statusCode >= 400 ? res.body.slice(0, 160) : ''}`,
          );
        if (expected === 404) expect(res.json().code, `${as} on ${row.url}`).toMatch(/NOT_FOUND$/);
      }
      expect(wrong, outcomes.join(', ')).toEqual([]);
    });
  }
});

// -- caseload reviews and reflective log: helpers and rows (spread into MATRIX above) --

/** A review of the owner held by supervisor A: completed (a record), or in progress (any earlier one completed first). */
async function ownerReview(w: World, status: 'completed' | 'in-progress', caseIds: readonly string[] = []) {
  const now = new Date();
  const nextReviewOn = new Date(now.getTime() + 28 * 86_400_000).toISOString().slice(0, 10);
  if (status === 'in-progress') {
    await t.db
      .updateTable('caseload_reviews')
      .set({ status: 'completed', completed_at: now, summary: 'Done', next_review_on: nextReviewOn })
      .where('org_id', '=', w.orgId)
      .where('practitioner_id', '=', w.users.owner.id)
      .where('status', '=', 'in-progress')
      .execute();
  }
  const review = await t.db
    .insertInto('caseload_reviews')
    .values({
      org_id: w.orgId,
      practitioner_id: w.users.owner.id,
      supervisor_id: w.users.supervisorA.id,
      started_at: now,
      snapshot: JSON.stringify({
        version: 1,
        dashboard: { stalled: { count: 0, caseIds: [] } },
        proposals: [],
      }),
      summary: null,
      next_review_on: null,
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (caseIds.length > 0) {
    await t.db
      .insertInto('review_cases')
      .values(
        caseIds.map((caseId) => ({
          org_id: w.orgId,
          review_id: review.id,
          case_id: caseId,
          proposed: true,
          reasons: JSON.stringify([{ kind: 'red', reason: 'Red priority band.' }]),
          decision: null,
          obstacles: null,
          discussed_at: null,
        })),
      )
      .execute();
  }
  if (status === 'completed') {
    await t.db
      .updateTable('caseload_reviews')
      .set({ status: 'completed', completed_at: now, summary: 'Done', next_review_on: nextReviewOn })
      .where('id', '=', review.id)
      .execute();
  }
  return review.id;
}

/** An in-progress review of the owner with one fresh case of theirs on it. */
async function reviewWithCase(w: World) {
  const c = await freshCase(w);
  return { reviewId: await ownerReview(w, 'in-progress', [c.id]), caseId: c.id };
}

/** A reflective-log entry of the owner. */
async function ownerReflection(w: World) {
  const row = await t.db
    .insertInto('reflections')
    .values({ org_id: w.orgId, author_id: w.users.owner.id, title: 'A hard call', occurred_on: '2026-11-20' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A date a month ahead (after today, as completing a review needs). */
function inAMonth() {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

function reviewRows(): Row[] {
  // Declared in the function: MATRIX calls it before module-level constants below would exist.
  const HOLDER = ['supervisorA'] as const;
  return [
    // Schedules: everyone their own; supervisors set those of their teams' members.
    {
      method: 'GET',
      url: '/api/review-schedules',
      ok: EVERYONE,
      request: async () => ({ url: '/api/review-schedules' }),
    },
    {
      method: 'PUT',
      url: '/api/review-schedules/:practitionerId',
      ok: HOLDER,
      denied: 403,
      request: async (w) => ({
        url: `/api/review-schedules/${w.users.owner.id}`,
        payload: { cadenceWeeks: 3 },
      }),
    },
    // Reviews: a supervisor of the practitioner's team starts one (a fresh practitioner each time).
    {
      method: 'POST',
      url: '/api/reviews',
      ok: HOLDER,
      denied: 403,
      request: async (w) => {
        const p = await insertUser(t.db, { orgId: w.orgId, team: { id: w.teamA, role: 'member' } });
        return { url: '/api/reviews', payload: { practitionerId: p.id } };
      },
    },
    { method: 'GET', url: '/api/reviews', ok: EVERYONE, request: async () => ({ url: '/api/reviews' }) },
    {
      method: 'GET',
      url: '/api/reviews',
      label: 'one practitioner',
      ok: CASE_TEAM,
      denied: 403,
      request: async (w) => ({ url: `/api/reviews?practitionerId=${w.users.owner.id}` }),
    },
    {
      method: 'GET',
      url: '/api/reviews/compare',
      ok: CASE_TEAM,
      request: async (w) => {
        const from = await ownerReview(w, 'completed');
        const to = await ownerReview(w, 'completed');
        return { url: `/api/reviews/compare?from=${from}&to=${to}` };
      },
    },
    {
      method: 'GET',
      url: '/api/reviews/:id',
      ok: CASE_TEAM,
      request: async (w) => ({ url: `/api/reviews/${await ownerReview(w, 'completed')}` }),
    },
    {
      method: 'GET',
      url: '/api/reviews/:id/pdf',
      ok: CASE_TEAM,
      request: async (w) => ({ url: `/api/reviews/${await ownerReview(w, 'completed')}/pdf` }),
    },
    // Changing a review: its holder; the practitioner reads it but may not change it (403).
    {
      method: 'POST',
      url: '/api/reviews/:id/cases',
      ok: HOLDER,
      except: { owner: 403 },
      request: async (w) => ({
        url: `/api/reviews/${await ownerReview(w, 'in-progress')}/cases`,
        payload: { caseId: (await freshCase(w)).id },
      }),
    },
    {
      method: 'PATCH',
      url: '/api/reviews/:id/cases/:caseId',
      ok: HOLDER,
      except: { owner: 403 },
      request: async (w) => {
        const { reviewId, caseId } = await reviewWithCase(w);
        return { url: `/api/reviews/${reviewId}/cases/${caseId}`, payload: { decision: 'Close it' } };
      },
    },
    {
      method: 'POST',
      url: '/api/reviews/:id/improvements',
      ok: HOLDER,
      except: { owner: 403 },
      request: async (w) => {
        const { reviewId, caseId } = await reviewWithCase(w);
        return {
          url: `/api/reviews/${reviewId}/improvements`,
          payload: { caseId, description: 'Ring the client', ownerKind: 'client', dueDate: inAMonth() },
        };
      },
    },
    {
      method: 'POST',
      url: '/api/reviews/:id/obstacles',
      ok: HOLDER,
      except: { owner: 403 },
      request: async (w) => {
        const { reviewId, caseId } = await reviewWithCase(w);
        return {
          url: `/api/reviews/${reviewId}/obstacles`,
          payload: { caseId, category: 'awaiting-documents', description: 'Payslips', since: '2026-11-01' },
        };
      },
    },
    {
      method: 'POST',
      url: '/api/reviews/:id/complete',
      ok: HOLDER,
      except: { owner: 403 },
      request: async (w) => ({
        url: `/api/reviews/${await ownerReview(w, 'in-progress')}/complete`,
        payload: { summary: 'Agreed next steps.', nextReviewOn: inAMonth() },
      }),
    },
    // Sharing a reflection: the review's practitioner; the holder reads the review but may not (403).
    {
      method: 'POST',
      url: '/api/reviews/:id/reflections',
      ok: ['owner'],
      except: { supervisorA: 403 },
      request: async (w) => ({
        url: `/api/reviews/${await ownerReview(w, 'in-progress')}/reflections`,
        payload: { reflectionId: await ownerReflection(w) },
      }),
    },
    // The reflective log: one's own, nobody else's (supervisors included).
    {
      method: 'GET',
      url: '/api/reflections',
      ok: EVERYONE,
      request: async () => ({ url: '/api/reflections' }),
    },
    {
      method: 'POST',
      url: '/api/reflections',
      ok: EVERYONE,
      request: async () => ({
        url: '/api/reflections',
        payload: { title: 'Today', occurredOn: '2026-11-20' },
      }),
    },
    {
      method: 'GET',
      url: '/api/reflections/:id',
      ok: ['owner'],
      request: async (w) => ({ url: `/api/reflections/${await ownerReflection(w)}` }),
    },
    {
      method: 'PATCH',
      url: '/api/reflections/:id',
      ok: ['owner'],
      request: async (w) => ({
        url: `/api/reflections/${await ownerReflection(w)}`,
        payload: { feelings: 'Calmer' },
      }),
    },
  ];
}

/** An active item of the organisation's file-review checklist. */
async function fileReviewItemId(w: World): Promise<string> {
  const item = await t.db
    .selectFrom('file_review_items')
    .select('id')
    .where('org_id', '=', w.orgId)
    .where('active', '=', true)
    .orderBy('sort_order')
    .executeTakeFirstOrThrow();
  return item.id;
}

/** A due file review of a fresh case of the owner's (team A), chosen by supervisor A; optionally fully answered. */
async function freshFileReview(w: World, options: { answered?: boolean } = {}): Promise<string> {
  const c = await freshCase(w);
  const review = await t.db
    .insertInto('file_reviews')
    .values({
      org_id: w.orgId,
      case_id: c.id,
      practitioner_id: w.users.owner.id,
      period: '2026-Q4',
      selection: 'manual',
      selection_reason: 'Added by hand by a supervisor.',
      reviewer_id: null,
      selected_by: w.users.supervisorA.id,
      selected_at: new Date(),
      completed_at: null,
      summary: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.answered) {
    const items = await t.db
      .selectFrom('file_review_items')
      .select(['id', 'label'])
      .where('org_id', '=', w.orgId)
      .where('active', '=', true)
      .execute();
    await t.db
      .insertInto('file_review_answers')
      .values(
        items.map((i) => ({
          org_id: w.orgId,
          file_review_id: review.id,
          item_id: i.id,
          item_label: i.label,
          result: 'met' as const,
          comment: null,
        })),
      )
      .execute();
  }
  return review.id;
}

/** A corrective action on a fresh file review, assigned to the owner; optionally marked done. */
async function freshCorrectiveAction(w: World, done: boolean): Promise<string> {
  const row = await t.db
    .insertInto('corrective_actions')
    .values({
      org_id: w.orgId,
      file_review_id: await freshFileReview(w),
      item_id: null,
      description: 'Record the source of the hearing date',
      assigned_to: w.users.owner.id,
      due_on: '2026-12-31',
      done_at: done ? new Date() : null,
      done_note: done ? 'Source added' : null,
      verified_by: null,
      verified_at: null,
      verification_note: null,
      created_by: w.users.supervisorA.id,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// -- sar: helpers (hoisted; used by the rows above) --

/** A fresh subject access request about the client of a fresh case of the owner. */
async function freshSar(w: World) {
  const c = await freshCase(w);
  const row = await t.db
    .insertInto('subject_access_requests')
    .values({
      org_id: w.orgId,
      client_id: c.client_id,
      received_on: '2026-11-20',
      requester_kind: 'client',
      requester_name: null,
      requester_authority: null,
      identity_verified: true,
      identity_evidence: 'Passport',
      notes: null,
      due_on: '2026-12-21',
      created_by: w.bystander,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A fresh rectification request about the client of a fresh case; answers its id and the case id. */
async function freshRectification(w: World) {
  const c = await freshCase(w);
  const row = await t.db
    .insertInto('rectification_requests')
    .values({
      org_id: w.orgId,
      client_id: c.client_id,
      received_on: '2026-11-20',
      what: 'Phone',
      requested_change: 'New number',
      due_on: '2026-12-21',
      created_by: w.bystander,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, caseId: c.id };
}

/** A closed case of team A whose destruction date is today (retention rows). */
async function closedCaseDue(w: World) {
  const c = await freshCase(w);
  await t.db
    .updateTable('cases')
    .set({
      status: 'closed',
      outcome_key: 'resolved',
      closure_reason: 'Done',
      closed_at: new Date(Date.now() - 86_400_000),
      destruction_due_on: '2000-01-01',
    })
    .where('id', '=', c.id)
    .execute();
  return c;
}

/** A pending erasure request about a client without cases, recorded by the bystander (not a persona). */
async function pendingErasureRequest(w: World) {
  const client = await insertClient(t.db, { orgId: w.orgId, createdBy: by(w) });
  const row = await t.db
    .insertInto('erasure_requests')
    .values({
      org_id: w.orgId,
      client_id: client.id,
      received_on: '2026-01-05',
      reason: 'Asked by letter',
      recorded_by: w.bystander,
      recorded_at: new Date(),
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      case_count: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
