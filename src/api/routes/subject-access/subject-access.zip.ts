/** The subject access ZIP (yazl): data.json, report.pdf, redaction-review.json and documents/. */
import { ZipFile } from 'yazl';
import type { SubjectAccessExport } from '../../../services/subject-access/export-subject-access.ts';
import { renderSubjectAccessPdf } from './subject-access.pdf.ts';

const safeName = (name: string) => name.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'document';

export async function buildSubjectAccessZip(x: SubjectAccessExport): Promise<Buffer> {
  const pdf = await renderSubjectAccessPdf(x);
  const zip = new ZipFile();
  const mtime = x.generatedAt;
  zip.addBuffer(Buffer.from(JSON.stringify(x.data, null, 2)), 'data.json', { mtime });
  zip.addBuffer(pdf, 'report.pdf', { mtime });
  zip.addBuffer(Buffer.from(JSON.stringify(x.redactionReview, null, 2)), 'redaction-review.json', { mtime });
  for (const d of x.documents)
    zip.addBuffer(d.content, `documents/${d.id}-${safeName(d.filename)}`, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
