/**
 * Documents attached to a case or to one of its notes (`/api/cases/{caseId}/documents`,
 * `/api/documents/{id}`). Uploads are the raw file as an `application/octet-stream` body; the
 * filename and the file's own type travel in the query string or in headers.
 */
import { z } from 'zod';

export const documentCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});
export const documentIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a document id (a UUID) as listed by GET /api/cases/{caseId}/documents' }),
});

// No .meta id: @fastify/swagger cannot resolve a $ref for query parameters.
export const uploadDocumentQuerySchema = z.strictObject({
  filename: z
    .string()
    .min(1, { message: 'Give the file’s name, e.g. ?filename=award-letter.pdf' })
    .max(1000, { message: 'Use a shorter filename' })
    .optional()
    .describe('The file’s name (or send the `x-filename` header, percent-encoded).'),
  contentType: z
    .string()
    .min(1, { message: 'Give the file’s type, e.g. ?contentType=application/pdf' })
    .max(200, { message: 'Use a content type such as application/pdf' })
    .optional()
    .describe(
      'The file’s own type, e.g. application/pdf (or send the `x-content-type` header). Allowed: PDF, ' +
        'PNG, JPEG, text/plain, .docx, .odt, message/rfc822 (.eml).',
    ),
  noteId: z
    .uuid({ message: 'Use a note id (a UUID) of this case, or leave noteId out' })
    .optional()
    .describe('Attach the document to this note of the case.'),
});
export type UploadDocumentQuery = z.infer<typeof uploadDocumentQuerySchema>;

export const documentSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    noteId: z.uuid().nullable(),
    filename: z
      .string()
      .nullable()
      .describe('null when the document belongs to a restricted note you may not read.'),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().describe('SHA-256 of the content, in hex.'),
    withheld: z
      .boolean()
      .describe('True when it belongs to a restricted note you may not read: you cannot download it.'),
    uploadedBy: z.uuid(),
    uploadedByName: z.string(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'Document' });
export type DocumentResponse = z.infer<typeof documentSchema>;

export const documentListSchema = z
  .object({ documents: z.array(documentSchema).describe('Newest first.') })
  .meta({ id: 'DocumentList' });
export type DocumentListResponse = z.infer<typeof documentListSchema>;
