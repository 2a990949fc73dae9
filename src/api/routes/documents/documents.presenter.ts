import type { DocumentListResponse, DocumentResponse } from '../../../contract/documents.ts';
import type { DocumentResult } from '../../../services/documents/document-view.ts';

/** A document's metadata; a withheld one (restricted note) shows no filename. */
export function presentDocument({ document: d, withheld }: DocumentResult): DocumentResponse {
  return {
    id: d.id,
    caseId: d.case_id,
    noteId: d.note_id,
    filename: withheld ? null : d.filename,
    contentType: d.content_type,
    sizeBytes: d.size_bytes,
    sha256: d.sha256,
    withheld,
    uploadedBy: d.uploaded_by,
    uploadedByName: d.uploaded_by_name,
    uploadedAt: d.uploaded_at.toISOString(),
  };
}

export const presentDocumentList = (results: readonly DocumentResult[]): DocumentListResponse => ({
  documents: results.map(presentDocument),
});
