/**
 * What the caseload views read for one practitioner, after the access check: their open cases
 * that the reader may view, the organisation's calendar and service timescales, the practitioner's
 * weekly capacity and (for the effect) the attention of the last weeks — as the domain's
 * CaseloadEffectInput. Shared by get-caseload-effect.ts and forecast-caseload-what-if.ts.
 */

import { attentionWindow } from '../../domain/caseload/attention.ts';
import { viewCaseloadEffect } from '../../domain/caseload/caseload-access.ts';
import type { CaseloadEffectInput } from '../../domain/caseload/effect.ts';
import { DEFAULT_HORIZON_WEEKS } from '../../domain/caseload/forecast.ts';
import { AppError } from '../../domain/errors.ts';
import {
  addCalendarDays,
  type CalendarDate,
  calendarDateIn,
  startOfDayIn,
} from '../../domain/time/calendar.ts';
import { type CaseloadCaseRow, listAttentionEvents, listCaseloadCases } from '../../store/caseload.ts';
import { listServiceTimescales } from '../../store/service-timescales.ts';
import { getUser, listMemberships } from '../../store/users.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface Practitioner {
  readonly id: string;
  readonly displayName: string;
  readonly weeklyCapacityHours: number;
}

export interface LoadedCaseload {
  readonly practitioner: Practitioner;
  readonly today: CalendarDate;
  /** The open cases shown, by id. */
  readonly cases: ReadonlyMap<string, CaseloadCaseRow>;
  readonly input: CaseloadEffectInput;
}

/**
 * Loads a practitioner's caseload for the caseload views: the actor's own when `userId` is left
 * out; another person's only for a supervisor of a team that person belongs to (a refusal is
 * audited). Only cases the actor may view are included.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, USER_NOT_FOUND
 */
export async function loadCaseload(
  ctx: ServiceContext,
  options: { readonly userId?: string | undefined; readonly withAttention: boolean },
): Promise<LoadedCaseload> {
  const actor = requireActor(ctx);
  const userId = options.userId ?? actor.id;
  const memberships = userId === actor.id ? [] : await listMemberships(ctx.db, actor.orgId, [userId]);
  await requireAccess(
    ctx,
    viewCaseloadEffect,
    { userId, userTeamIds: memberships.map((m) => m.teamId) },
    { entityType: 'user', entityId: userId },
  );
  const now = ctx.clock.now();
  const [user, { today, timeZone, nation }, timescales] = await Promise.all([
    getUser(ctx.db, actor.orgId, userId),
    organisationCalendar(ctx.db, actor.orgId, now),
    listServiceTimescales(ctx.db, actor.orgId),
  ]);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const scope = { actor, ownerId: userId, now };
  const window = attentionWindow(today, DEFAULT_HORIZON_WEEKS);
  const [rows, events] = await Promise.all([
    listCaseloadCases(ctx.db, scope),
    options.withAttention
      ? listAttentionEvents(ctx.db, {
          ...scope,
          since: startOfDayIn(window.from, timeZone),
          until: startOfDayIn(addCalendarDays(today, 1), timeZone),
        })
      : Promise.resolve([]),
  ]);
  const weeklyCapacityHours = Number(user.weekly_capacity_hours);
  return {
    practitioner: { id: user.id, displayName: user.display_name, weeklyCapacityHours },
    today,
    cases: new Map(rows.map((r) => [r.id, r])),
    input: {
      cases: rows.map((r) => ({
        caseId: r.id,
        caseTypeId: r.caseTypeId,
        band: r.band ?? 'green',
        score: r.score,
        lastAttentionOn: calendarDateIn(r.lastAttentionAt, timeZone),
        attendedBefore: r.attended,
        estimatedEffortHours: r.estimatedEffortHours,
      })),
      timescales,
      today,
      nation,
      weeklyCapacityHours,
      events: events.map((e) => ({
        caseId: e.caseId,
        band: e.band,
        on: calendarDateIn(e.occurredAt, timeZone),
      })),
      weeks: DEFAULT_HORIZON_WEEKS,
    },
  };
}
