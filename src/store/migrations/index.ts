import type { Migration } from 'kysely';
import * as foundation from './2026-11-24T0000-foundation.ts';
import * as caseRecords from './2026-11-24T0200-case-records.ts';
import * as priorityPolicies from './2026-11-24T0300-priority-policies.ts';
import * as priorities from './2026-11-24T0400-priorities.ts';
import * as caseloadReviews from './2026-11-24T0500-caseload-reviews.ts';
import * as exchange from './2026-11-24T0510-exchange.ts';
import * as reviews from './2026-11-24T0520-reviews.ts';
import * as subjectAccess from './2026-11-24T0600-subject-access.ts';
import * as retention from './2026-11-24T0610-retention.ts';
import * as compliance from './2026-11-24T0630-compliance.ts';
import * as rateLimits from './2026-11-24T0700-rate-limits.ts';
import * as worklistIndexes from './2026-11-24T0710-worklist-indexes.ts';
import * as assessmentWrites from './2026-11-24T0730-assessment-writes.ts';
import * as auditChainHead from './2026-11-24T0740-audit-chain-head.ts';

/**
 * Every migration, in order. Forward-only: a migration is never edited once it has landed, and
 * none has a `down`. Name new files `YYYY-MM-DDTHHMM-what.ts` and add them here.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24T0000-foundation': foundation,
  '2026-11-24T0200-case-records': caseRecords,
  '2026-11-24T0300-priority-policies': priorityPolicies,
  '2026-11-24T0400-priorities': priorities,
  '2026-11-24T0500-caseload-reviews': caseloadReviews,
  '2026-11-24T0510-exchange': exchange,
  '2026-11-24T0520-reviews': reviews,
  '2026-11-24T0600-subject-access': subjectAccess,
  '2026-11-24T0610-retention': retention,
  '2026-11-24T0630-compliance': compliance,
  '2026-11-24T0700-rate-limits': rateLimits,
  '2026-11-24T0710-worklist-indexes': worklistIndexes,
  '2026-11-24T0730-assessment-writes': assessmentWrites,
  '2026-11-24T0740-audit-chain-head': auditChainHead,
};
