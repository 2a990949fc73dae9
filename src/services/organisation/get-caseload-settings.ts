import { DEFAULT_STALLED_AFTER_DAYS } from '../../domain/caseload/stalled.ts';
import { AppError } from '../../domain/errors.ts';
import { type CaseloadSettings, getCaseloadSettings as readSettings } from '../../store/caseload-settings.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/** The built-in caseload settings of a new organisation (as the migration's column defaults). */
export const DEFAULT_CASELOAD_SETTINGS: CaseloadSettings = {
  stalledAfterDays: DEFAULT_STALLED_AFTER_DAYS,
  reviewCadenceWeeks: 4,
  recordsFinancialOutcomes: true,
};

/**
 * The organisation's caseload settings: after how many working days without attention a case is
 * stalled, the default weeks between caseload reviews, and whether financial outcomes are
 * recorded. Anyone signed in may read them.
 * @throws AppError UNAUTHENTICATED, NOT_FOUND
 */
export async function getCaseloadSettings(ctx: ServiceContext): Promise<CaseloadSettings> {
  const actor = requireActor(ctx);
  const settings = await readSettings(ctx.db, actor.orgId);
  if (!settings) throw new AppError('NOT_FOUND');
  return settings;
}
