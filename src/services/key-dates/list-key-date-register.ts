import { AppError } from '../../domain/errors.ts';
import type { KeyDateStatus } from '../../domain/key-dates/key-date-rules.ts';
import {
  type KeyDateCountdown,
  keyDateCountdown,
  type RegisterScope,
  viewKeyDateRegister,
} from '../../domain/key-dates/register.ts';
import type { CalendarDate } from '../../domain/time/calendar.ts';
import {
  type KeyDateRegisterRow,
  type KeyDateRegisterScope,
  listKeyDateRegister as listRegisterRows,
} from '../../store/key-dates.ts';
import { listMemberships } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface KeyDateRegisterInput {
  readonly scope: 'mine' | 'team' | 'user';
  readonly teamId?: string | undefined;
  readonly userId?: string | undefined;
  readonly from?: CalendarDate | undefined;
  readonly to?: CalendarDate | undefined;
  readonly status: KeyDateStatus | 'all';
}

export interface KeyDateRegister {
  readonly scope: KeyDateRegisterInput['scope'];
  readonly teamId: string | null;
  readonly userId: string | null;
  /** Today in the organisation's time zone. */
  readonly today: CalendarDate;
  readonly rows: (KeyDateRegisterRow & KeyDateCountdown)[];
}

/**
 * The key dates register: the key dates (pending ones by default, including those that passed
 * while still pending) of the actor's own cases, of a team they supervise (the backup diary), or of
 * one member of such a team — only of cases the actor may view, filtered in the query. Each date
 * says how many working days away it is in the organisation's nation. The read is audited
 * (`key_dates.register_viewed`, with the ids of the key dates and cases shown).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (query.teamId, query.userId, query.to), FORBIDDEN (another team's or person's register)
 */
export async function listKeyDateRegister(
  ctx: ServiceContext,
  input: KeyDateRegisterInput,
): Promise<KeyDateRegister> {
  const actor = requireActor(ctx);
  checkCombination(input);
  const teamId = input.scope === 'team' ? (input.teamId ?? null) : null;
  const userId = input.scope === 'user' ? (input.userId ?? null) : null;
  const scope = await registerScope(ctx, input);
  await requireAccess(
    ctx,
    viewKeyDateRegister,
    scope,
    userId
      ? { entityType: 'user', entityId: userId }
      : teamId
        ? { entityType: 'team', entityId: teamId }
        : undefined,
  );
  const storeScope: KeyDateRegisterScope =
    scope.kind === 'team'
      ? { kind: 'team', teamIds: scope.teamId ? [scope.teamId] : actor.supervisedTeamIds }
      : scope.kind === 'user'
        ? { kind: 'user', userId: scope.userId }
        : { kind: 'mine' };
  const now = ctx.clock.now();
  const { today, nation } = await organisationCalendar(ctx.db, actor.orgId, now);
  const found = await listRegisterRows(ctx.db, {
    actor,
    scope: storeScope,
    status: input.status,
    from: input.from,
    to: input.to,
    now,
  });
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'key_dates.register_viewed',
      entityType: 'key_date',
      details: {
        scope: input.scope,
        ...(teamId ? { teamId } : {}),
        ...(userId ? { userId } : {}),
        status: input.status,
        keyDateIds: found.map((r) => r.id),
        caseIds: [...new Set(found.map((r) => r.case_id))],
      },
    }),
  );
  return {
    scope: input.scope,
    teamId,
    userId,
    today,
    rows: found.map((r) => ({ ...r, ...keyDateCountdown(r.due_date, today, nation) })),
  };
}

/** teamId only with scope=team, userId required with (and only with) scope=user, from not after to. */
function checkCombination(input: KeyDateRegisterInput): void {
  if (input.scope === 'user' && !input.userId) {
    throw AppError.field('query.userId', 'Name the person whose key dates to list (userId) with scope=user');
  }
  if (input.scope !== 'user' && input.userId) {
    throw AppError.field('query.userId', 'Give userId with scope=user only');
  }
  if (input.scope !== 'team' && input.teamId) {
    throw AppError.field('query.teamId', 'Give teamId with scope=team only');
  }
  if (input.from && input.to && input.from > input.to) {
    throw AppError.field('query.to', 'The last date (to) cannot be before the first (from)');
  }
}

async function registerScope(ctx: ServiceContext, input: KeyDateRegisterInput): Promise<RegisterScope> {
  const actor = requireActor(ctx);
  if (input.scope === 'team') return { kind: 'team', teamId: input.teamId ?? null };
  if (input.scope === 'user' && input.userId) {
    const memberships = await listMemberships(ctx.db, actor.orgId, [input.userId]);
    return { kind: 'user', userId: input.userId, userTeamIds: memberships.map((m) => m.teamId) };
  }
  return { kind: 'mine' };
}
