/** What the resources panel of a case shows, loaded for an actor who may view the case. */
import { canContributeToCase, canManageCase, isLiveShare } from '../../domain/cases/case-access.ts';
import { resourceProblems } from '../../domain/worklist/resources.ts';
import {
  type CaseSpecialistWithNames,
  listCaseSpecialists,
  loadResourceFacts,
} from '../../store/case-specialists.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { CaseRow } from '../../store/schema.ts';
import type { LoadedCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface SpecialistView {
  readonly row: CaseSpecialistWithNames;
  /** The specialist has a live share of the case (or owns it now). */
  readonly canSeeCase: boolean;
}

export interface CaseResourcesView {
  readonly row: CaseRow;
  readonly owner: { readonly id: string; readonly name: string; readonly active: boolean };
  /** Current specialists only. */
  readonly specialists: readonly SpecialistView[];
  /** The worklist's resources check: what a red open case lacks, in plain words. */
  readonly problems: readonly string[];
  readonly yourAccess: { readonly contribute: boolean; readonly manage: boolean };
}

/** Whether the user has a live share of the loaded case, or owns it. */
export function seesCase(loaded: LoadedCase, userId: string, now: Date): boolean {
  return (
    loaded.row.owner_id === userId ||
    loaded.access.shares.some((s) => s.userId === userId && s.kind === 'share' && isLiveShare(s, now))
  );
}

export const specialistViews = (
  loaded: LoadedCase,
  rows: readonly CaseSpecialistWithNames[],
  now: Date,
): SpecialistView[] =>
  rows.map((row) => ({ row, canSeeCase: row.removed_at === null && seesCase(loaded, row.user_id, now) }));

/**
 * Loads the resources of a case the caller has loaded with loadCase (access checked). Pass the
 * transaction when called after a write in it.
 */
export async function loadCaseResourcesView(
  ctx: ServiceContext,
  loaded: LoadedCase,
  db: DbOrTx = ctx.db,
): Promise<CaseResourcesView> {
  const actor = requireActor(ctx);
  const { row, access } = loaded;
  const now = ctx.clock.now();
  const facts = await loadResourceFacts(db, row.org_id, { caseId: row.id, ownerId: row.owner_id });
  const specialists = await listCaseSpecialists(db, row.org_id, row.id, { currentOnly: true });
  return {
    row,
    owner: { id: row.owner_id, name: facts.ownerName, active: facts.ownerActive },
    specialists: specialistViews(loaded, specialists, now),
    problems:
      row.status === 'closed' || row.priority_band === null
        ? []
        : resourceProblems(row.priority_band, {
            ownerActive: facts.ownerActive,
            hasNextActionWithDueDate: facts.hasNextActionWithDueDate,
            allocatedHours: row.allocated_hours === null ? null : Number(row.allocated_hours),
          }),
    yourAccess: {
      contribute: canContributeToCase(actor, access, now),
      manage: canManageCase(actor, access),
    },
  };
}
