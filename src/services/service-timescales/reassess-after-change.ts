/** Shared step of the timescale changes: re-assess the organisation's open cases afterwards. */

import type { ServiceContext } from '../context.ts';
import { reassessOpenCases } from '../priority/reassess-cases.ts';

/**
 * Re-assesses the organisation's open cases against changed timescales (the waiting criterion reads
 * them). The change is already committed, so a failure here is logged and answered as null rather
 * than failing the request: the daily re-assessment catches up.
 */
export async function reassessAfterTimescaleChange(
  ctx: ServiceContext,
  orgId: string,
): Promise<{ assessed: number; changed: number } | null> {
  try {
    return await reassessOpenCases(ctx, orgId, 'timescales');
  } catch (error) {
    ctx.log?.warn({ err: error, orgId }, 're-assessment after a timescale change failed');
    return null;
  }
}
