/** The printable record of a caseload review as an A4 PDF (pdfkit), like the chronology's. */
import PDFDocument from 'pdfkit';
import type { ReviewResponse } from '../../../contract/reviews.ts';
import { formatDate } from '../../../domain/time/calendar.ts';

const BAND_WORDS: Record<string, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  'not-assessed': 'Not yet assessed',
};

const GIBBS: readonly [keyof ReviewResponse['reflections'][number], string][] = [
  ['description', 'Description'],
  ['feelings', 'Feelings'],
  ['evaluation', 'Evaluation'],
  ['analysis', 'Analysis'],
  ['conclusion', 'Conclusion'],
  ['actionPlan', 'Action plan'],
];

const when = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

type Improvement = ReviewResponse['cases'][number]['improvements'][number];
const ownerWords = (a: Improvement) =>
  a.ownerKind === 'client'
    ? 'the client'
    : (a.ownerName ?? (a.ownerKind === 'third_party' ? 'a third party' : 'a practitioner'));

/** Renders the review's record; `review` is what GET /api/reviews/:id answers the same reader. */
export function renderReviewPdf(input: {
  review: ReviewResponse;
  generatedAt: Date;
  generatedBy: string;
  timeZone: string;
}): Promise<Buffer> {
  const { review: r, timeZone } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: `Caseload review: ${r.practitioner.displayName}`, Creator: 'Caseload' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) =>
    doc.moveDown(0.8).fillColor('#000').font('Helvetica-Bold').fontSize(12).text(text);
  const body = () => doc.font('Helvetica').fontSize(9.5).fillColor('#000');
  const muted = () => doc.font('Helvetica').fontSize(9).fillColor('#444');

  doc.font('Helvetica-Bold').fontSize(16).text(`Caseload review — ${r.practitioner.displayName}`);
  muted().text(
    `Produced ${when(input.generatedAt.toISOString(), timeZone)} by ${input.generatedBy}. Confidential: personal data.`,
  );
  body()
    .moveDown(0.5)
    .text(`Supervisor: ${r.supervisor.displayName}`)
    .text(`Started: ${when(r.startedAt, timeZone)}`)
    .text(
      r.completedAt
        ? `Completed: ${when(r.completedAt, timeZone)}`
        : 'Status: in progress (not yet completed)',
    )
    .text(`Period: ${formatDate(r.period.from)} to ${formatDate(r.period.to)}`)
    .text(`Next review: ${r.nextReviewOn ? formatDate(r.nextReviewOn) : 'not yet agreed'}`);

  heading('Snapshot of the caseload when the review began');
  muted().text(`Figures as they were on ${formatDate(r.snapshot.today)}; they do not change afterwards.`);
  body();
  if (r.snapshot.capacity) doc.text(r.snapshot.capacity.summary);
  for (const f of r.snapshot.figures) doc.text(`${f.label}: ${f.value === null ? 'no value' : f.value}`);

  if (r.externalFactors.length > 0) {
    heading('External factors in the period');
    body();
    for (const f of r.externalFactors) {
      const dates = f.endsOn
        ? `${formatDate(f.startsOn)} to ${formatDate(f.endsOn)}`
        : formatDate(f.startsOn);
      doc.text(`${f.title} (${dates})${f.description ? `: ${f.description}` : ''}`);
    }
  }

  heading('Cases discussed');
  body();
  if (r.cases.length === 0) doc.text('No cases were on this review.');
  for (const c of r.cases) {
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .text(`${c.reference} — ${BAND_WORDS[c.band] ?? c.band}${c.proposed ? '' : ' (added at the review)'}`);
    body();
    for (const reason of c.reasons) doc.text(`• ${reason.label}: ${reason.reason}`);
    doc.text(`Decision: ${c.decision ?? 'none recorded'}`);
    if (c.obstacles) doc.text(`Obstacles: ${c.obstacles}`);
    for (const o of c.obstacleRecords)
      doc.text(`Obstacle recorded: ${o.description}${o.plan ? ` — plan: ${o.plan}` : ''}`);
    for (const a of c.improvements) {
      const due = a.dueDate ? `, due ${formatDate(a.dueDate)}` : '';
      doc.text(`Improvement (action): ${a.description} — by ${ownerWords(a)}${due}`);
    }
  }
  if (r.hiddenCases > 0) {
    muted().text(`${r.hiddenCases} more case(s) on this review are not shown: you may not view them.`);
  }

  if (r.reflections.length > 0) {
    heading('Reflections shared by the practitioner');
    for (const f of r.reflections) {
      doc
        .moveDown(0.4)
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${f.title} (${formatDate(f.occurredOn)})`);
      body();
      for (const [field, label] of GIBBS) {
        const text = f[field];
        if (typeof text === 'string' && text.trim() !== '') doc.text(`${label}: ${text}`);
      }
    }
  }

  heading('Summary');
  body().text(r.summary ?? 'Not yet written: the review is in progress.');
  doc.moveDown(0.3).text(`Next review: ${r.nextReviewOn ? formatDate(r.nextReviewOn) : 'not yet agreed'}`);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text(`Caseload review, ${r.practitioner.displayName} — confidential`, 50, 30, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 40, {
      width: doc.page.width - 100,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
