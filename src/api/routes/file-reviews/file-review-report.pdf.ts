/** The annual file-review analysis as an A4 PDF (pdfkit): figures only, "Page n of m". */
import PDFDocument from 'pdfkit';
import type { FileReviewReportResponse } from '../../../contract/file-reviews.ts';

const pc = (n: number | null) => (n === null ? '—' : `${n}%`);

export function renderReportPdf(input: {
  report: FileReviewReportResponse;
  generatedAt: Date;
  generatedBy: string;
  timeZone: string;
}): Promise<Buffer> {
  const { report } = input;
  const title = `File reviews: annual analysis ${report.year}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: title, Creator: 'Caseload' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const when = input.generatedAt.toLocaleString('en-GB', {
    timeZone: input.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  doc.font('Helvetica-Bold').fontSize(16).text(title);
  const scope =
    report.scope === 'organisation'
      ? 'The whole organisation'
      : `Teams: ${report.teams.map((t) => t.name).join(', ') || 'none'}`;
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(`${scope}. Produced ${when} by ${input.generatedBy}.`)
    .moveDown();
  doc.fillColor('#000').fontSize(10);
  doc.text(
    `Completed reviews: ${report.reviews} (not yet completed: ${report.reviewsNotCompleted}). ` +
      `Items met, of those that applied: ${pc(report.percentMet)}.`,
  );
  const ca = report.correctiveActions;
  doc.text(
    `Corrective actions raised: ${ca.raised} — open ${ca.open}, overdue ${ca.overdue}, ` +
      `done and awaiting verification ${ca.awaitingVerification}, verified ${ca.verified}.`,
  );
  itemTable(doc, 'Checklist items', report.items);
  for (const p of report.practitioners) {
    itemTable(doc, `${p.practitioner.displayName} — ${p.reviews} reviews, ${pc(p.percentMet)} met`, p.items);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text(title, 50, 30, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 40, {
      width: doc.page.width - 100,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

function itemTable(doc: PDFKit.PDFDocument, heading: string, items: FileReviewReportResponse['items']) {
  doc.moveDown().fillColor('#000').font('Helvetica-Bold').fontSize(11).text(heading, 50);
  doc.font('Helvetica').fontSize(9);
  if (items.length === 0) {
    doc.text('No checklist items.');
    return;
  }
  for (const i of items) {
    doc
      .font('Helvetica-Bold')
      .text(i.label, 50)
      .font('Helvetica')
      .text(
        `Met ${i.met} · not met ${i.notMet} · not applicable ${i.notApplicable} · ${pc(i.percentMet)} met of applicable`,
        60,
      );
  }
}
