/** The evidence pack as one CSV with sections (csv-stringify): a title row, a header row, the rows, a blank row. */
import { stringify } from 'csv-stringify/sync';
import type { EvidencePack } from '../../../services/compliance/export-evidence-pack.ts';

const pct = (p: number | null) => (p === null ? '' : String(p));

export function renderEvidencePackCsv(p: EvidencePack): string {
  const rows: (string | number | null)[][] = [];
  const section = (title: string, header: string[], body: (string | number | null)[][]) => {
    rows.push([title], header, ...body, []);
  };
  section(
    'Evidence pack',
    ['from', 'to', 'scope', 'generated at'],
    [[p.from, p.to, p.scope, p.generatedAt.toISOString()]],
  );
  const k = p.keyDates.counts;
  section(
    'Key dates: counts',
    ['met', 'missed', 'pending', 'cancelled'],
    [[k.met, k.missed, k.pending, k.cancelled]],
  );
  section(
    'Key dates register',
    ['case reference', 'kind', 'due date', 'status', 'outcome'],
    p.keyDates.register.map((d) => [d.reference, d.kind, d.dueDate, d.status, d.outcome]),
  );
  const f = p.fileReviews.totals;
  section(
    'File reviews: totals',
    ['reviews', 'completed', 'items met', 'items not met', 'percent met', 'corrective actions', 'verified'],
    [
      [
        f.reviews,
        f.completed,
        f.met,
        f.notMet,
        pct(f.percentMet),
        f.correctiveActions,
        f.correctiveActionsVerified,
      ],
    ],
  );
  section(
    'File-review log',
    [
      'case reference',
      'practitioner',
      'reviewer',
      'period',
      'selection',
      'status',
      'completed on',
      'met',
      'not met',
      'not applicable',
      'corrective actions',
      'done',
      'verified',
    ],
    p.fileReviews.log.map((r) => [
      r.reference,
      r.practitionerName,
      r.reviewerName,
      r.period,
      r.selection,
      r.status,
      r.completedOn,
      r.met,
      r.notMet,
      r.notApplicable,
      r.correctiveActions,
      r.correctiveActionsDone,
      r.correctiveActionsVerified,
    ]),
  );
  section(
    'Supervision: caseload reviews held',
    ['practitioner', 'held', 'on time', 'late'],
    p.supervision.map((s) => [s.practitionerName, s.held, s.onTime, s.late]),
  );
  const t = p.timescales;
  section(
    'Service timescales (open cases at the time of export)',
    ['cases measured', 'within timescale', 'breached', 'percent within', 'breached case references'],
    [
      [
        t.measured,
        t.withinCaseIds.length,
        t.breachedCaseIds.length,
        pct(t.percent),
        t.breachedReferences.join(' '),
      ],
    ],
  );
  return stringify(rows);
}
