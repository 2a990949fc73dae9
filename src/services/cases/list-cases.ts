import { type CaseListScope, listVisibleCases, type VisibleCaseRow } from '../../store/cases.ts';
import type { CaseStatus } from '../../store/schema.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';

export interface ListCasesInput {
  readonly scope: CaseListScope;
  readonly status: CaseStatus | 'all';
  readonly limit: number;
}

/**
 * The cases the actor may view in a scope (mine, team, shared) and status, filtered in the query
 * itself, longest without attention first. The list shows client names, so it is audited
 * (`case.listed`, with the ids of the cases shown).
 * @throws AppError UNAUTHENTICATED
 */
export async function listCases(ctx: ServiceContext, input: ListCasesInput): Promise<VisibleCaseRow[]> {
  const actor = requireActor(ctx);
  const rows = await listVisibleCases(ctx.db, { actor, ...input, now: ctx.clock.now() });
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'case.listed',
      entityType: 'case',
      details: { scope: input.scope, status: input.status, caseIds: rows.map((r) => r.id) },
    }),
  );
  return rows;
}
