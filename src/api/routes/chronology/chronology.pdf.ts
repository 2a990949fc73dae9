/** The chronology as an A4 PDF (pdfkit): case reference on every page, "Page n of m". */
import PDFDocument from 'pdfkit';
import type { ChronologyEntry } from '../../../domain/cases/chronology.ts';

const when = (d: Date, timeZone: string) =>
  d.toLocaleString('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

export function renderChronologyPdf(input: {
  reference: string;
  entries: readonly ChronologyEntry[];
  generatedAt: Date;
  generatedBy: string;
  timeZone: string;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: `Case chronology ${input.reference}`, Creator: 'Caseload' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(16).text(`Case chronology — ${input.reference}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(
      `Produced ${when(input.generatedAt, input.timeZone)} by ${input.generatedBy}. Confidential: personal data.`,
    )
    .moveDown();
  if (input.entries.length === 0) doc.fillColor('#000').fontSize(10).text('Nothing recorded yet.');
  for (const e of input.entries) writeEntry(doc, e, input.timeZone);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - 40;
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text(`${input.reference} — confidential`, 50, 30, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, 50, bottom, {
      width: doc.page.width - 100,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

function writeEntry(doc: PDFKit.PDFDocument, e: ChronologyEntry, timeZone: string) {
  doc.moveDown(0.5).fillColor('#000');
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(`${when(e.at, timeZone)}  ${e.title}`);
  doc.font('Helvetica').fontSize(9);
  const meta: string[] = [];
  if (e.by) meta.push(`by ${e.by}`);
  if (e.note?.recordedAt) meta.push(`recorded ${when(e.note.recordedAt, timeZone)}`);
  if (e.note?.lateEntry) meta.push('LATE ENTRY');
  if (e.note?.amendedBy.length) meta.push('amended — see the amendment below');
  if (meta.length) doc.fillColor('#444').text(meta.join(' · ')).fillColor('#000');
  if (e.detail) doc.text(e.detail);
  if (e.notification) {
    const read = e.notification.recipients.map(
      (r) => `${r.name}: ${r.readAt ? `read ${when(r.readAt, timeZone)}` : 'not read yet'}`,
    );
    doc.fillColor('#444').text(read.join(' · ')).fillColor('#000');
  }
  const note = e.note;
  if (!note) return;
  if (note.restricted) {
    doc.font('Helvetica-Oblique').text('Restricted note: content withheld.').font('Helvetica');
    return;
  }
  if (note.amends) doc.text(`Amends an earlier note. Reason: ${note.amends.reason}`);
  const sections: [string, string | undefined][] = [
    ['Facts', note.sections?.facts],
    ['Advice given', note.sections?.advice],
    ['Actions agreed', note.sections?.actionsAgreed],
    ['Professional judgement (opinion)', note.sections?.professionalJudgement],
  ];
  for (const [label, text] of sections) {
    if (!text?.trim()) continue;
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(text);
  }
}
