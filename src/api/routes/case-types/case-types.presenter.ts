import type { CaseTypeListResponse, CaseTypeResponse } from '../../../contract/case-types.ts';
import type { CaseTypeRow } from '../../../services/case-types/list-case-types.ts';

export const presentCaseType = (row: CaseTypeRow): CaseTypeResponse => ({
  id: row.id,
  key: row.key,
  name: row.name,
  baseWeight: Number(row.base_weight),
  active: row.active,
  sortOrder: row.sort_order,
  createdAt: row.created_at.toISOString(),
});

export const presentCaseTypeList = (rows: readonly CaseTypeRow[]): CaseTypeListResponse => ({
  caseTypes: rows.map(presentCaseType),
});
