import type { Actor } from '../../domain/access/actor.ts';
import { type CaseAccessView, canReadNoteContent } from '../../domain/cases/case-access.ts';
import {
  type ChronologyEntry,
  type ChronologyKind,
  describeFieldChange,
  orderChronology,
} from '../../domain/cases/chronology.ts';
import { assessmentEntries } from '../../domain/cases/chronology-assessments.ts';
import { handoverEntries, referralEntries, sharingEntries } from '../../domain/cases/chronology-exchange.ts';
import { notificationEntries } from '../../domain/cases/chronology-notifications.ts';
import { isLateEntry } from '../../domain/notes/note-rules.ts';
import { listCaseAssessments } from '../../store/assessments.ts';
import { type CaseHistory, loadCaseHistory } from '../../store/chronology.ts';
import { listCaseHandovers } from '../../store/handovers.ts';
import { listCaseNotifications } from '../../store/notifications.ts';
import { getOrganisation } from '../../store/organisations.ts';
import { listCaseReferrals } from '../../store/referrals.ts';
import type { CaseRow } from '../../store/schema.ts';
import { listCaseSharingRecords } from '../../store/sharing-records.ts';
import { displayNamesOf, getUser } from '../../store/users.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import { recordSettings, requireActor, type ServiceContext } from '../context.ts';

export interface CaseChronology {
  readonly caseRow: CaseRow;
  readonly entries: ChronologyEntry[];
  /** The organisation's time zone, for showing times. */
  readonly timeZone: string;
  /** Who is reading (for "produced by" on exports). */
  readonly readerName: string;
}

/**
 * The whole history of a case in time order, optionally only some kinds. Restricted notes the
 * reader may not read appear as "restricted note" without their content. The read is audited.
 * @throws AppError CASE_NOT_FOUND
 */
export async function getCaseChronology(
  ctx: ServiceContext,
  caseId: string,
  kinds?: readonly ChronologyKind[],
): Promise<CaseChronology> {
  const actor = requireActor(ctx);
  const { row, access } = await loadCase(ctx, caseId, 'view');
  const [history, notifications, assessments, referrals, sharing, handovers] = await Promise.all([
    loadCaseHistory(ctx.db, actor.orgId, row.id),
    listCaseNotifications(ctx.db, actor.orgId, row.id),
    listCaseAssessments(ctx.db, actor.orgId, row.id),
    listCaseReferrals(ctx.db, actor.orgId, row.id),
    listCaseSharingRecords(ctx.db, actor.orgId, row.id),
    listCaseHandovers(ctx.db, actor.orgId, row.id),
  ]);
  const names = await displayNamesOf(ctx.db, actor.orgId, userIdsOf(history));
  const entries = orderChronology(
    [
      ...buildEntries(history, row, {
        actor,
        access,
        names,
        now: ctx.clock.now(),
        lateHours: recordSettings(ctx).lateEntryHours,
      }),
      ...notificationEntries(
        notifications.map((n) => ({
          id: n.id,
          kind: n.kind,
          recipientName: n.recipient_name,
          message: n.message,
          createdAt: n.created_at,
          readAt: n.read_at,
          sentByName: n.sent_by_name ?? undefined,
        })),
      ),
      ...assessmentEntries(
        assessments.map((a) => ({
          id: a.id,
          band: a.band,
          computedBand: a.computed_band,
          trigger: a.trigger,
          policyVersion: a.policy_version,
          reasons: a.reasons as string[],
          rationale: a.rationale,
          override:
            a.override_band && a.override_rationale
              ? { band: a.override_band, rationale: a.override_rationale }
              : null,
          assessedByName: a.assessed_by_name ?? undefined,
          assessedAt: a.assessed_at,
        })),
      ),
      ...referralEntries(
        referrals.map((r) => ({
          id: r.id,
          direction: r.direction,
          organisation: r.organisation,
          service: r.service,
          reason: r.reason,
          status: r.status,
          outcome: r.outcome,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
          createdByName: r.created_by_name,
        })),
      ),
      ...sharingEntries(
        sharing.map((s) => ({
          id: s.id,
          decision: s.decision,
          recipient: s.recipient,
          information: s.information,
          purpose: s.purpose,
          lawfulBasis: s.lawful_basis,
          withConsent: s.consent_id !== null,
          rationale: s.rationale,
          correctsId: s.corrects_id,
          recordedAt: s.recorded_at,
          recordedByName: s.recorded_by_name,
        })),
      ),
      ...handoverEntries(
        handovers.map((h) => ({
          id: h.id,
          fromName: h.from_name,
          toName: h.to_name,
          note: h.note,
          byName: h.by_name,
          handedOverAt: h.handed_over_at,
          acknowledgedAt: h.acknowledged_at,
        })),
      ),
    ],
    kinds,
  );
  await auditRead(ctx, {
    action: 'case.chronology_viewed',
    entityType: 'case',
    entityId: row.id,
    details: kinds && kinds.length > 0 ? { kinds: [...kinds] } : {},
  });
  const [org, reader] = await Promise.all([
    getOrganisation(ctx.db, actor.orgId),
    getUser(ctx.db, actor.orgId, actor.id),
  ]);
  return {
    caseRow: row,
    entries,
    timeZone: org?.time_zone ?? 'Europe/London',
    readerName: reader?.display_name ?? 'Caseload',
  };
}

function userIdsOf(h: CaseHistory): string[] {
  return [
    ...h.actions.flatMap((a) => [a.created_by, a.owner_user_id ?? a.created_by]),
    ...h.goals.map((g) => g.created_by),
    ...h.progress.map((p) => p.recorded_by),
    ...h.keyDates.map((k) => k.created_by),
    ...h.obstacles.map((o) => o.created_by),
    ...h.flags.flatMap((f) => [f.raised_by, f.resolved_by ?? f.raised_by]),
    ...h.changes.map((c) => c.changed_by),
    ...h.shares.map((s) => s.granted_by),
  ];
}

interface BuildContext {
  readonly actor: Actor;
  readonly access: CaseAccessView;
  readonly names: Map<string, string>;
  readonly now: Date;
  readonly lateHours: number;
}

const fmtDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

function buildEntries(h: CaseHistory, row: CaseRow, b: BuildContext): ChronologyEntry[] {
  const by = (id: string | null | undefined) => (id ? b.names.get(id) : undefined);
  const entries: ChronologyEntry[] = [
    {
      kind: 'change',
      at: row.opened_at,
      id: `case:${row.id}:opened`,
      title: `Case opened (${row.reference})`,
      detail: row.presenting_issue,
      by: by(row.created_by),
    },
  ];
  const amendedBy = new Map<string, { noteId: string; recordedAt: Date | null }[]>();
  for (const n of h.notes) {
    if (n.amends_note_id) {
      amendedBy.set(n.amends_note_id, [
        ...(amendedBy.get(n.amends_note_id) ?? []),
        { noteId: n.id, recordedAt: n.recorded_at },
      ]);
    }
  }
  for (const n of h.notes) {
    const readable = canReadNoteContent(
      b.actor,
      b.access,
      { authorId: n.author_id, status: 'filed', sensitivity: n.sensitivity },
      b.now,
    );
    const channel = n.contact_channel ? ` (${n.contact_channel.replace('-', ' ')})` : '';
    entries.push({
      kind: 'note',
      at: n.occurred_at,
      id: `note:${n.id}`,
      title: `${n.amends_note_id ? 'Amendment: ' : ''}${n.type.replace('-', ' ')} note${channel}`,
      by: n.author_name,
      note: {
        noteId: n.id,
        type: n.type,
        recordedAt: n.recorded_at,
        lateEntry: n.recorded_at ? isLateEntry(n.occurred_at, n.recorded_at, b.lateHours) : false,
        restricted: !readable,
        ...(readable
          ? {
              sections: {
                facts: n.facts,
                advice: n.advice,
                actionsAgreed: n.actions_agreed,
                professionalJudgement: n.judgement,
              },
            }
          : {}),
        ...(readable && n.amends_note_id && n.amendment_reason
          ? { amends: { noteId: n.amends_note_id, reason: n.amendment_reason } }
          : {}),
        amendedBy: amendedBy.get(n.id) ?? [],
      },
    });
  }
  for (const a of h.actions) {
    entries.push({
      kind: 'action',
      at: a.created_at,
      id: `action:${a.id}:agreed`,
      title: 'Action agreed',
      detail: a.description + (a.due_date ? ` (due ${fmtDate(a.due_date)})` : ''),
      by: by(a.created_by),
    });
    if (a.completed_at) {
      entries.push({
        kind: 'action',
        at: a.completed_at,
        id: `action:${a.id}:${a.status}`,
        title: a.status === 'done' ? 'Action completed' : 'Action cancelled',
        detail: [a.description, a.result].filter(Boolean).join(' — '),
      });
    }
  }
  for (const g of h.goals) {
    entries.push({
      kind: 'goal',
      at: g.created_at,
      id: `goal:${g.id}:set`,
      title: 'Goal agreed',
      detail: g.description,
      by: by(g.created_by),
    });
    if (g.result_at)
      entries.push({
        kind: 'goal',
        at: g.result_at,
        id: `goal:${g.id}:result`,
        title: `Goal ${g.status.replace('_', ' ')}`,
        detail: [g.description, g.result_note].filter(Boolean).join(' — '),
      });
  }
  for (const p of h.progress)
    entries.push({
      kind: 'goal',
      at: p.recorded_at,
      id: `progress:${p.id}`,
      title: 'Goal progress',
      detail: `${p.goal}: ${p.text}`,
      by: by(p.recorded_by),
    });
  for (const k of h.keyDates) {
    entries.push({
      kind: 'key-date',
      at: k.created_at,
      id: `key-date:${k.id}:added`,
      title: `Key date added: ${k.kind.replaceAll('-', ' ')} on ${fmtDate(k.due_date)}`,
      detail: k.description,
      by: by(k.created_by),
    });
    if (k.status !== 'pending')
      entries.push({
        kind: 'key-date',
        at: k.updated_at,
        id: `key-date:${k.id}:${k.status}`,
        title: `Key date ${k.status}`,
        detail: [k.description, k.status_note].filter(Boolean).join(' — '),
      });
  }
  for (const o of h.obstacles) {
    entries.push({
      kind: 'obstacle',
      at: o.created_at,
      id: `obstacle:${o.id}:raised`,
      title: `Obstacle: ${o.category.replaceAll('-', ' ')}`,
      detail: o.description,
      by: by(o.created_by),
    });
    if (o.resolved_at)
      entries.push({
        kind: 'obstacle',
        at: o.resolved_at,
        id: `obstacle:${o.id}:resolved`,
        title: 'Obstacle resolved',
        detail: o.resolution ?? o.description,
      });
  }
  for (const f of h.flags) {
    entries.push({
      kind: 'flag',
      at: f.raised_at,
      id: `flag:${f.id}:raised`,
      title: `${f.kind === 'safeguarding' ? 'Safeguarding' : 'Vulnerability'} flag raised: ${f.category}`,
      ...(f.description ? { detail: f.description } : {}),
      by: by(f.raised_by),
    });
    if (f.resolved_at)
      entries.push({
        kind: 'flag',
        at: f.resolved_at,
        id: `flag:${f.id}:resolved`,
        title: 'Flag resolved',
        ...(f.resolution ? { detail: f.resolution } : {}),
        by: by(f.resolved_by),
      });
  }
  for (const c of h.changes) {
    entries.push({
      kind: 'change',
      at: c.changed_at,
      id: `change:${c.id}`,
      title: describeFieldChange(c.field, c.old_value, c.new_value),
      ...(c.reason ? { detail: c.reason } : {}),
      by: by(c.changed_by),
    });
  }
  for (const s of h.shares) {
    const title =
      s.kind === 'break-glass'
        ? `Emergency (break-glass) access by ${s.user_name}`
        : `Shared with ${s.user_name}`;
    entries.push({
      kind: 'share',
      at: s.granted_at,
      id: `share:${s.id}`,
      title,
      detail: s.reason,
      by: by(s.granted_by),
    });
    if (s.revoked_at)
      entries.push({
        kind: 'share',
        at: s.revoked_at,
        id: `share:${s.id}:revoked`,
        title: `Share with ${s.user_name} ended`,
      });
  }
  return entries;
}
