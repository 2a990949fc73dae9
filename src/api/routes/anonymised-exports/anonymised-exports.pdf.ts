/** The anonymised export as a readable A4 PDF (pdfkit), and the ZIP holding it with export.json (yazl). */
import PDFDocument from 'pdfkit';
import { ZipFile } from 'yazl';
import type { AnonymisedCase, AnonymisedExport } from '../../../contract/anonymised-exports.ts';

const PURPOSES: Record<AnonymisedExport['purpose'], string> = {
  training: 'training',
  'quality-audit': 'a quality audit',
  'evidence-portfolio': 'an evidence portfolio',
};

export function renderAnonymisedExportPdf(x: AnonymisedExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: 'Anonymised case export', Creator: 'Caseload' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(16).text('Anonymised case export');
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(`Produced ${x.producedOn} for ${PURPOSES[x.purpose]}. ${x.method}`)
    .moveDown();
  for (const [i, c] of x.cases.entries()) {
    if (i > 0) doc.addPage();
    writeCase(doc, c);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text('Anonymised — review before use', 50, 30, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 40, {
      width: doc.page.width - 100,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string, size = 12) {
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(size).fillColor('#000').text(text);
  doc.font('Helvetica').fontSize(10);
}

function line(doc: PDFKit.PDFDocument, label: string, value: string | null | undefined) {
  if (!value) return;
  doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
  doc.font('Helvetica').text(value);
}

const dayText = (d: number | null) => (d === null ? null : `day ${d}`);

function writeCase(doc: PDFKit.PDFDocument, c: AnonymisedCase) {
  heading(doc, `${c.label} — ${c.caseType}`, 14);
  line(
    doc,
    'Client',
    `${c.client.pseudonym}${c.client.ageBandAtOpening ? `, aged ${c.client.ageBandAtOpening}` : ''}`,
  );
  line(doc, 'Adviser', c.adviser);
  line(doc, 'Status', c.status);
  line(doc, 'Presenting issue', c.presentingIssue);
  line(doc, 'Desired outcome', c.desiredOutcome);
  line(doc, 'Vulnerability', c.vulnerabilityIndicators.join('; '));
  line(doc, 'Closed', dayText(c.closedDay));
  line(doc, 'Outcome', [c.outcome, c.outcomeDetails].filter(Boolean).join(' — '));
  line(doc, 'Closure reason', c.closureReason);
  if (c.keyDates.length > 0) {
    heading(doc, 'Key dates');
    for (const k of c.keyDates) doc.text(`Day ${k.dueDay} · ${k.kind} · ${k.status}: ${k.description}`);
  }
  if (c.goals.length > 0) {
    heading(doc, 'Goals');
    for (const g of c.goals) {
      doc.text(`${g.description} (${g.status}${g.targetDay === null ? '' : `, target day ${g.targetDay}`})`);
      for (const p of g.progress) doc.text(`   Day ${p.day}: ${p.text}`);
      if (g.result) doc.text(`   Result: ${g.result}`);
    }
  }
  if (c.actions.length > 0) {
    heading(doc, 'Actions');
    for (const a of c.actions) {
      const due = a.dueDay === null ? '' : `, due day ${a.dueDay}`;
      doc.text(
        `${a.description} (${a.owner ?? a.ownerKind}${due}, ${a.status})${a.result ? ` — ${a.result}` : ''}`,
      );
    }
  }
  heading(doc, 'Notes');
  if (c.notes.length === 0) doc.text('No notes.');
  for (const n of c.notes) {
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .text(`Day ${n.day} · ${n.type} · ${n.author}${n.isAmendment ? ' · amendment' : ''}`);
    doc.font('Helvetica');
    line(doc, 'Amendment reason', n.amendmentReason);
    line(doc, 'Facts', n.facts);
    line(doc, 'Advice given', n.advice);
    line(doc, 'Actions agreed', n.actionsAgreed);
    line(doc, 'Professional judgement (opinion)', n.judgement);
  }
  if (c.restrictedNotesLeftOut > 0) {
    doc.moveDown(0.3).text(`${c.restrictedNotesLeftOut} restricted note(s) left out.`);
  }
}

/** export.json and export.pdf in one ZIP. */
export async function buildAnonymisedExportZip(x: AnonymisedExport, mtime: Date): Promise<Buffer> {
  const pdf = await renderAnonymisedExportPdf(x);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(x, null, 2)), 'export.json', { mtime });
  zip.addBuffer(pdf, 'export.pdf', { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
