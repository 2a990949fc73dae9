import type { Band } from '../../domain/priority/levels.ts';
import { BANDS } from '../../domain/priority/levels.ts';
import {
  bandDefaultFor,
  DEFAULT_SERVICE_TIMESCALES,
  type EffectiveTimescale,
  type ServiceTimescale,
  timescaleFor,
} from '../../domain/priority/service-timescales.ts';
import { listCaseTypesOf } from '../../store/case-types.ts';
import type { DbOrTx } from '../../store/db.ts';
import { listServiceTimescales } from '../../store/service-timescales.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface ServiceTimescalesView {
  readonly builtIn: readonly (ServiceTimescale & { readonly band: Band })[];
  readonly bandDefaults: readonly (EffectiveTimescale & { readonly band: Band })[];
  readonly caseTypes: readonly {
    readonly id: string;
    readonly key: string;
    readonly name: string;
    readonly bands: readonly (EffectiveTimescale & { readonly band: Band })[];
  }[];
}

/**
 * The organisation's service timescales as they apply: for every active case type and band the
 * working days to first contact, between reviews and to the target resolution, and where they come
 * from (the case type's own setting, the organisation's band default, or built in); and the band
 * defaults and built-in values they inherit. Organisation settings, not case data: anyone signed in.
 * @throws AppError UNAUTHENTICATED
 */
export async function getServiceTimescales(
  ctx: ServiceContext,
  db: DbOrTx = ctx.db,
): Promise<ServiceTimescalesView> {
  const actor = requireActor(ctx);
  const settings = await listServiceTimescales(db, actor.orgId);
  const caseTypes = await listCaseTypesOf(db, actor.orgId, { activeOnly: true });
  return {
    builtIn: BANDS.map((band) => ({ band, ...DEFAULT_SERVICE_TIMESCALES[band] })),
    bandDefaults: BANDS.map((band) => ({ band, ...bandDefaultFor(settings, band) })),
    caseTypes: caseTypes.map((t) => ({
      id: t.id,
      key: t.key,
      name: t.name,
      bands: BANDS.map((band) => ({ band, ...timescaleFor(settings, t.id, band) })),
    })),
  };
}
