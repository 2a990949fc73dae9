/** The annual file-review analysis as CSV (csv-stringify): one row per checklist item, overall and per practitioner. */
import { stringify } from 'csv-stringify/sync';
import type { FileReviewReportResponse } from '../../../contract/file-reviews.ts';

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is prefixed with '. */
export const safeCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const HEADER = [
  'Practitioner',
  'Checklist item',
  'Key',
  'Met',
  'Not met',
  'Not applicable',
  '% met of applicable',
];

type Items = FileReviewReportResponse['items'];

const rows = (who: string, items: Items) =>
  items.map((i) => [
    safeCell(who),
    safeCell(i.label),
    i.key ?? '',
    i.met,
    i.notMet,
    i.notApplicable,
    i.percentMet === null ? '' : i.percentMet,
  ]);

export function renderReportCsv(report: FileReviewReportResponse): string {
  return stringify(
    [
      HEADER,
      ...rows('All practitioners', report.items),
      ...report.practitioners.flatMap((p) => rows(p.practitioner.displayName, p.items)),
    ],
    { record_delimiter: 'windows' },
  );
}
