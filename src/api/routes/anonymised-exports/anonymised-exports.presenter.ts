/** The anonymised export as the API returns it (the service's result already holds no identifiers). */
import type { AnonymisedExport } from '../../../contract/anonymised-exports.ts';
import type { AnonymisedExportResult } from '../../../services/anonymise/create-anonymised-export.ts';

export function presentAnonymisedExport(x: AnonymisedExportResult): AnonymisedExport {
  return {
    exportId: x.exportId,
    purpose: x.purpose,
    producedOn: x.producedOn,
    method: x.method,
    cases: x.cases,
    replacements: { ...x.replacements } as Record<string, number>,
  };
}
