/**
 * The readable version of a subject access export (pdfkit, A4, as the chronology PDF): the client's
 * details, then each kind of record, then the audit events. Text naming other people is marked
 * "REDACTION REVIEW" with the names, for the organisation to decide before release.
 */
import PDFDocument from 'pdfkit';
import type {
  RedactionHit,
  SubjectAccessExport,
} from '../../../services/subject-access/export-subject-access.ts';

const TITLES: Record<string, string> = {
  consents: 'Consents',
  clientFieldHistory: 'Changes to your details',
  cases: 'Cases',
  caseFieldHistory: 'Changes to your cases',
  caseFlags: 'Flags (safeguarding and vulnerability)',
  caseShares: 'Colleagues given access to a case',
  caseSpecialists: 'Specialists on a case',
  caseComplexityFactors: 'Complexity factors',
  goals: 'Goals',
  goalProgress: 'Progress towards goals',
  actions: 'Actions',
  obstacles: 'Obstacles',
  keyDates: 'Key dates',
  notes: 'Case notes (with amendments)',
  documents: 'Documents (the files are in the documents folder of the ZIP)',
  notifications: 'Notifications to staff about a case',
  alertsSent: 'Reminders sent',
  assessments: 'Priority assessments',
  caseloadReviews: 'Supervision (caseload reviews) that discussed a case',
  reviewCases: 'Cases discussed in supervision',
  fileReviews: 'File reviews',
  fileReviewAnswers: 'File review answers',
  correctiveActions: 'Corrective actions from file reviews',
  caseHandovers: 'Handovers between staff',
  referrals: 'Referrals',
  sharingRecords: 'Information sharing decisions',
  financialOutcomes: 'Financial outcomes',
  retentionExtensions: 'Cases kept longer than the retention schedule',
  equalityMonitoring: 'Your equality monitoring answers',
  subjectAccessRequests: 'Your subject access requests',
  rectificationRequests: 'Your requests to correct your data',
  rectificationNoteLinks: 'Amendment notes made to correct your data',
  erasureRequests: 'Your requests to erase your data',
  auditEvents: 'Audit log events about your records',
};

const label = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? v.join(', ') : JSON.stringify(v);
  return Object.entries(v)
    .filter(([, x]) => show(x) !== '')
    .map(([k, x]) => `${label(k).toLowerCase()}: ${show(x)}`)
    .join('; ');
};

/** Ids mean nothing to a reader: staff and case ids become names and references, other ids are left to data.json. */
function readable(key: string, value: unknown, staff: Map<string, string>): [string, string] | undefined {
  const isId = /(^id$|Id$|Ids$)/.test(key);
  const isBy = /By$/.test(key);
  if (!isId && !isBy) return [label(key), show(value)];
  if (typeof value === 'string' && staff.has(value)) {
    return [label(key.replace(/Id$/, '')), staff.get(value) ?? ''];
  }
  return undefined;
}

export function renderSubjectAccessPdf(x: SubjectAccessExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: 'Subject access response', Creator: 'Caseload' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  // Names of staff and case references stand in for ids, so the reader can follow the record.
  const staff = new Map(x.data.staff.map((u) => [u.id, u.displayName]));
  for (const c of x.data.sections.cases ?? []) staff.set(String(c.id), `case ${String(c.reference)}`);
  const hitsBy = new Map<string, RedactionHit[]>();
  for (const h of x.redactionReview.hits) {
    const key = `${h.section}|${h.recordId}`;
    hitsBy.set(key, [...(hitsBy.get(key) ?? []), h]);
  }

  doc.font('Helvetica-Bold').fontSize(16).text(`Subject access response — ${x.clientName}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(
      `Request received ${x.data.request.receivedOn}, due ${x.data.request.dueOn}. Produced ${x.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC by ${x.generatedBy}. Confidential: personal data.`,
    )
    .moveDown(0.5);
  doc
    .fillColor('#a00')
    .font('Helvetica-Bold')
    .text(
      `BEFORE RELEASE: ${x.redactionReview.count} passage(s) name other people and are marked REDACTION REVIEW.`,
    )
    .font('Helvetica')
    .fillColor('#000')
    .text(x.data.notice)
    .moveDown(0.5);
  if (x.redactionReview.unscannedDocuments > 0) {
    doc.text(
      `${x.redactionReview.unscannedDocuments} document(s) are not plain text and were not read for names.`,
    );
  }
  if (x.data.withheld.restrictedNotes.length > 0) {
    doc
      .font('Helvetica-Oblique')
      .text(`${x.data.withheld.reason} Withheld: ${x.data.withheld.restrictedNotes.length} note(s).`);
    doc.font('Helvetica');
  }

  heading(doc, 'Your details');
  record(doc, x.data.client, hitsBy.get(`client|${String(x.data.client.id)}`), staff);

  for (const [section, rows] of Object.entries(x.data.sections)) {
    heading(doc, `${TITLES[section] ?? label(section)} (${rows.length})`);
    if (rows.length === 0) doc.font('Helvetica').fontSize(9).text('None held.');
    for (const row of rows) {
      const id = row.id === undefined ? (row.seq === undefined ? null : String(row.seq)) : String(row.id);
      record(doc, row, hitsBy.get(`${section}|${id}`), staff);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text('Subject access response — confidential — review before release', 50, 30, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 40, {
      width: doc.page.width - 100,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc.moveDown(0.8).fillColor('#000').font('Helvetica-Bold').fontSize(12).text(text);
}

function record(
  doc: PDFKit.PDFDocument,
  row: Record<string, unknown>,
  hits: RedactionHit[] | undefined,
  staff: Map<string, string>,
) {
  doc.moveDown(0.3).fontSize(9).fillColor('#000');
  for (const [key, value] of Object.entries(row)) {
    const shown = readable(key, value, staff);
    if (!shown?.[1]) continue;
    const [name, text] = shown;
    const flagged = hits?.filter(
      (h) => h.field === key || h.field.startsWith(`${key}.`) || h.field.startsWith(`${key}[`),
    );
    doc.font('Helvetica-Bold').text(`${name}: `, { continued: true }).font('Helvetica').text(text);
    if (flagged && flagged.length > 0) {
      const names = [...new Set(flagged.map((h) => h.name))].join(', ');
      doc
        .font('Helvetica-Bold')
        .fillColor('#a00')
        .text(`REDACTION REVIEW — names: ${names}`)
        .fillColor('#000');
    }
  }
  doc.font('Helvetica').fillColor('#888').text('—').fillColor('#000');
}
