import type {
  ServiceTimescalesChangeResponse,
  ServiceTimescalesResponse,
} from '../../../contract/service-timescales.ts';
import type { ServiceTimescalesView } from '../../../services/service-timescales/get-service-timescales.ts';
import type { TimescaleChange } from '../../../services/service-timescales/set-service-timescale.ts';

const days = (t: { firstContactDays: number; reviewDays: number; resolutionDays: number }) => ({
  firstContactDays: t.firstContactDays,
  reviewDays: t.reviewDays,
  resolutionDays: t.resolutionDays,
});

export const presentServiceTimescales = (v: ServiceTimescalesView): ServiceTimescalesResponse => ({
  builtIn: v.builtIn.map((t) => ({ band: t.band, ...days(t) })),
  bandDefaults: v.bandDefaults.map((t) => ({
    band: t.band,
    ...days(t),
    source: t.source === 'organisation' ? 'organisation' : 'default',
  })),
  caseTypes: v.caseTypes.map((c) => ({
    caseTypeId: c.id,
    key: c.key,
    name: c.name,
    bands: c.bands.map((t) => ({ band: t.band, ...days(t), source: t.source })),
  })),
});

export const presentTimescaleChange = (c: TimescaleChange): ServiceTimescalesChangeResponse => ({
  timescales: presentServiceTimescales(c.timescales),
  reassessment: c.reassessment
    ? { assessed: c.reassessment.assessed, changed: c.reassessment.changed }
    : null,
});
