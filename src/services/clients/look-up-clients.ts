import { hasRole } from '../../domain/access/actor.ts';
import { canViewClient } from '../../domain/cases/client-access.ts';
import { parseLookupQuery } from '../../domain/clients/lookup-query.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type ClientCaseView,
  listClientCases,
  lookUpClients as lookUpClientRows,
} from '../../store/clients.ts';
import type { ClientRow } from '../../store/schema.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { clientAccessView, visibleCases } from './load-client.ts';

export interface ClientMatch {
  readonly row: ClientRow;
  /** The client's cases that the actor may see. */
  readonly cases: readonly ClientCaseView[];
}

/** At most this many clients are answered: the look-up helps pick one, it is not a register. */
export const LOOKUP_LIMIT = 20;

/**
 * Finds clients the actor may see by part of a name (legal or preferred) or a date of birth, for
 * choosing the client when opening a case. Showing any is audited (ids only, never the query).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (query.q)
 */
export async function lookUpClients(ctx: ServiceContext, q: string): Promise<ClientMatch[]> {
  const actor = requireActor(ctx);
  const query = parseLookupQuery(q);
  if (!query) {
    throw AppError.field('query.q', 'Type at least 2 characters of a name, or a real date of birth');
  }
  const now = ctx.clock.now();
  const rows = await lookUpClientRows(
    ctx.db,
    {
      orgId: actor.orgId,
      actorId: actor.id,
      supervisedTeamIds: hasRole(actor, 'supervisor') ? actor.supervisedTeamIds : [],
      now,
    },
    query.kind === 'name' ? { name: query.text } : { dateOfBirth: query.date },
    LOOKUP_LIMIT * 2,
  );
  const cases = await listClientCases(
    ctx.db,
    actor.orgId,
    rows.map((r) => r.id),
  );
  const matches = rows
    .map((row) => ({ row, cases: cases.filter((c) => c.clientId === row.id) }))
    // The query narrows; the policy decides.
    .filter((m) => canViewClient(actor, clientAccessView(m.row, m.cases), now))
    .slice(0, LOOKUP_LIMIT)
    .map((m) => ({ row: m.row, cases: visibleCases(actor, m.cases, now) }));
  if (matches.length > 0) {
    await inTransaction(ctx, (tx) =>
      audit(ctx, tx, {
        action: 'client.looked-up',
        entityType: 'client',
        details: { by: query.kind, clientIds: matches.map((m) => m.row.id) },
      }),
    );
  }
  return matches;
}
