/** The evidence pack as a PDF (pdfkit): the figures first, then the register and the log. */
import PDFDocument from 'pdfkit';
import { instantWords } from '../../../domain/compliance/breach-deadline.ts';
import type { EvidencePack } from '../../../services/compliance/export-evidence-pack.ts';

export function renderEvidencePackPdf(p: EvidencePack, generatedBy: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: `Quality-mark evidence pack ${p.from} to ${p.to}`, Creator: 'Caseload' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const heading = (text: string) =>
    doc.moveDown().font('Helvetica-Bold').fontSize(12).fillColor('#000').text(text);
  const line = (text: string) => doc.font('Helvetica').fontSize(9).fillColor('#000').text(text);

  doc.font('Helvetica-Bold').fontSize(16).text(`Quality-mark evidence pack: ${p.from} to ${p.to}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(
      `${p.scope === 'organisation' ? 'Whole organisation' : 'Your teams'}. Produced ${instantWords(p.generatedAt, p.timeZone)} by ${generatedBy}. Case references only: no client names.`,
    );

  const k = p.keyDates.counts;
  heading('Key dates register');
  line(
    `Due in the period: ${p.keyDates.register.length}. Met ${k.met}, missed ${k.missed}, pending ${k.pending}, cancelled ${k.cancelled}.`,
  );
  for (const d of p.keyDates.register) line(`${d.dueDate}  ${d.reference}  ${d.kind}  ${d.outcome}`);

  const f = p.fileReviews.totals;
  heading('File reviews');
  line(
    `${f.reviews} reviews (${f.completed} completed). Checklist items met: ${f.met}, not met: ${f.notMet}` +
      `${f.percentMet === null ? '' : ` (${f.percentMet}% met)`}. Corrective actions: ${f.correctiveActions}, verified ${f.correctiveActionsVerified}.`,
  );
  for (const r of p.fileReviews.log) {
    line(
      `${r.reference}  ${r.practitionerName}  reviewer ${r.reviewerName ?? '—'}  ${r.period}  ${r.selection}  ${r.status}` +
        `${r.completedOn ? ` ${r.completedOn}` : ''}  met ${r.met}, not met ${r.notMet}, n/a ${r.notApplicable}; actions ${r.correctiveActions} (done ${r.correctiveActionsDone}, verified ${r.correctiveActionsVerified})`,
    );
  }

  heading('Supervision: caseload reviews held');
  if (p.supervision.length === 0) line('None completed in the period.');
  for (const s of p.supervision)
    line(`${s.practitionerName}: ${s.held} held, ${s.onTime} on time, ${s.late} late`);

  const t = p.timescales;
  heading('Service timescales (open cases at the time of export)');
  line(
    t.percent === null
      ? 'No open case has a service timescale.'
      : `${t.percent}% within timescale: ${t.withinCaseIds.length} of ${t.measured}. Breached: ${t.breachedReferences.join(', ') || 'none'}.`,
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text(`Evidence pack ${p.from} to ${p.to}`, 50, 30, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 40, {
      width: doc.page.width - 100,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
