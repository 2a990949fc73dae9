/**
 * The anonymised export of selected cases (training, quality audits, evidence portfolios). Every
 * case is loaded with loadCase 'view', so a case the requester may not see refuses the whole
 * export (CASE_NOT_FOUND) — never a partial one. The pseudonyms' seed is drawn at random and not
 * kept. One audit event per case (`cases.anonymised_export`) with the export id, purpose and
 * counts — never content.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { exportAnonymisedCases } from '../../domain/anonymise/access.ts';
import {
  ANONYMISATION_METHOD,
  type AnonymisedCaseRecord,
  anonymiseCase,
  type CaseForAnonymising,
  thirdPartyKey,
} from '../../domain/anonymise/anonymise-case.ts';
import type { IdentifierKind } from '../../domain/anonymise/identifiers.ts';
import { createPseudonymiser, fnv1a, type KnownPerson } from '../../domain/anonymise/pseudonymiser.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import {
  listClientsForAnonymising,
  listGoalProgressOfCases,
  listStaffNames,
  loadExportLabels,
} from '../../store/anonymised-exports.ts';
import { type CaseHistory, loadCaseHistory } from '../../store/chronology.ts';
import { getOrganisation } from '../../store/organisations.ts';
import type { CaseRow } from '../../store/schema.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export type AnonymisedExportPurpose = 'training' | 'quality-audit' | 'evidence-portfolio';

export interface AnonymisedExportResult {
  exportId: string;
  purpose: AnonymisedExportPurpose;
  producedOn: string;
  method: string;
  cases: AnonymisedCaseRecord[];
  replacements: Partial<Record<IdentifierKind, number>>;
}

/**
 * Produces the anonymised export of `caseIds`.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CASE_NOT_FOUND
 */
export async function createAnonymisedExport(
  ctx: ServiceContext,
  input: { caseIds: readonly string[]; purpose: AnonymisedExportPurpose },
): Promise<AnonymisedExportResult> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, exportAnonymisedCases, undefined);
  const rows: CaseRow[] = [];
  for (const id of input.caseIds) rows.push((await loadCase(ctx, id, 'view')).row);

  const [histories, clients, staff, labels, org, progress] = await Promise.all([
    Promise.all(rows.map((r) => loadCaseHistory(ctx.db, actor.orgId, r.id))),
    listClientsForAnonymising(ctx.db, actor.orgId, [...new Set(rows.map((r) => r.client_id))]),
    listStaffNames(ctx.db, actor.orgId),
    loadExportLabels(ctx.db, actor.orgId),
    getOrganisation(ctx.db, actor.orgId),
    listGoalProgressOfCases(
      ctx.db,
      actor.orgId,
      rows.map((r) => r.id),
    ),
  ]);
  const timeZone = org?.time_zone ?? 'Europe/London';
  const on = (d: Date) => calendarDateIn(d, timeZone);

  const people: KnownPerson[] = [
    ...clients.map(
      (c): KnownPerson => ({
        key: `client:${c.id}`,
        role: 'client',
        names: [c.legal_name, ...(c.preferred_name ? [c.preferred_name] : [])],
        dateOfBirth: c.date_of_birth,
        identifiers: [
          ...(c.email ? [{ kind: 'email' as const, value: c.email }] : []),
          ...(c.phone ? [{ kind: 'phone' as const, value: c.phone }] : []),
          ...(c.address ? [{ kind: 'address' as const, value: c.address }] : []),
          ...(c.safe_contact.safeAddress
            ? [{ kind: 'address' as const, value: c.safe_contact.safeAddress }]
            : []),
          ...(c.safe_contact.safePhone ? [{ kind: 'phone' as const, value: c.safe_contact.safePhone }] : []),
        ],
      }),
    ),
    ...staff.map(
      (u): KnownPerson => ({
        key: `user:${u.id}`,
        role: 'staff',
        names: [u.display_name],
        identifiers: [{ kind: 'email', value: u.email }],
      }),
    ),
    ...histories.flatMap((h) =>
      h.actions
        .filter((a) => a.owner_kind === 'third_party' && a.owner_name)
        .map(
          (a): KnownPerson => ({
            key: thirdPartyKey(a.owner_name ?? ''),
            role: 'third-party',
            names: [a.owner_name ?? ''],
          }),
        ),
    ),
  ];
  const seed = randomBytes(16).toString('hex');
  const pseudonymiser = createPseudonymiser({ people, seed });
  const clientsById = new Map(clients.map((c) => [c.id, c]));
  const order = rows
    .map((row, i) => ({ row, history: histories[i] as CaseHistory, rank: fnv1a(`${seed}:${row.id}`) }))
    .sort((a, b) => a.rank - b.rank);

  const cases: AnonymisedCaseRecord[] = [];
  const perCase: { caseId: string; counts: Record<string, number> }[] = [];
  for (const [i, { row, history }] of order.entries()) {
    const client = clientsById.get(row.client_id);
    const input: CaseForAnonymising = toCaseInput(row, history, {
      on,
      caseType: labels.caseTypes.get(row.case_type_id) ?? 'Case',
      outcome: row.outcome_key ? (labels.outcomes.get(row.outcome_key) ?? row.outcome_key) : null,
      pronouns: client?.pronouns ?? null,
      dateOfBirth: client?.date_of_birth ?? null,
      progress,
    });
    const record = anonymiseCase(input, `Case ${i + 1}`, pseudonymiser);
    cases.push(record);
    perCase.push({
      caseId: row.id,
      counts: {
        notes: record.notes.length,
        restrictedNotesLeftOut: record.restrictedNotesLeftOut,
        actions: record.actions.length,
        goals: record.goals.length,
        keyDates: record.keyDates.length,
      },
    });
  }

  const exportId = randomUUID();
  await inTransaction(ctx, async (tx) => {
    for (const c of perCase) {
      await audit(ctx, tx, {
        action: 'cases.anonymised_export',
        entityType: 'case',
        entityId: c.caseId,
        details: { exportId, purpose: input.purpose, caseCount: rows.length, ...c.counts },
      });
    }
  });
  return {
    exportId,
    purpose: input.purpose,
    producedOn: on(ctx.clock.now()),
    method: ANONYMISATION_METHOD,
    cases,
    replacements: pseudonymiser.counts(),
  };
}

function toCaseInput(
  row: CaseRow,
  h: CaseHistory,
  x: {
    on: (d: Date) => string;
    caseType: string;
    outcome: string | null;
    pronouns: string | null;
    dateOfBirth: string | null;
    progress: readonly { goal_id: string; text: string; recorded_at: Date }[];
  },
): CaseForAnonymising {
  return {
    caseType: x.caseType,
    openedOn: x.on(row.opened_at),
    closedOn: row.closed_at ? x.on(row.closed_at) : null,
    status: row.status,
    presentingIssue: row.presenting_issue,
    desiredOutcome: row.desired_outcome,
    vulnerabilityIndicators: row.vulnerability_indicators,
    outcome: x.outcome,
    outcomeDetails: row.outcome,
    closureReason: row.closure_reason,
    clientKey: `client:${row.client_id}`,
    clientPronouns: x.pronouns,
    clientDateOfBirth: x.dateOfBirth,
    ownerKey: `user:${row.owner_id}`,
    notes: h.notes.map((n) => ({
      occurredOn: x.on(n.occurred_at),
      type: n.type,
      contactChannel: n.contact_channel,
      authorKey: `user:${n.author_id}`,
      sensitivity: n.sensitivity,
      isAmendment: n.amends_note_id !== null,
      amendmentReason: n.amendment_reason,
      facts: n.facts,
      advice: n.advice,
      actionsAgreed: n.actions_agreed,
      judgement: n.judgement,
    })),
    actions: h.actions.map((a) => ({
      description: a.description,
      ownerKind: a.owner_kind,
      ownerKey:
        a.owner_kind === 'practitioner' && a.owner_user_id
          ? `user:${a.owner_user_id}`
          : a.owner_kind === 'client'
            ? `client:${row.client_id}`
            : a.owner_name
              ? thirdPartyKey(a.owner_name)
              : null,
      dueOn: a.due_date,
      status: a.status,
      completedOn: a.completed_at ? x.on(a.completed_at) : null,
      result: a.result,
    })),
    goals: h.goals.map((g) => ({
      description: g.description,
      measure: g.measure,
      targetOn: g.target_date,
      status: g.status,
      resultNote: g.result_note,
      resultOn: g.result_at ? x.on(g.result_at) : null,
      progress: x.progress
        .filter((p) => p.goal_id === g.id)
        .map((p) => ({ on: x.on(p.recorded_at), text: p.text })),
    })),
    keyDates: h.keyDates.map((k) => ({
      kind: k.kind,
      dueOn: k.due_date,
      description: k.description,
      source: k.source,
      status: k.status,
    })),
  };
}
