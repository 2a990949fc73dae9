/**
 * Documents of a case: upload (the raw file as the request body), list (metadata), download
 * (through the access check, always as an attachment).
 *
 * Upload: `POST /api/cases/{caseId}/documents?filename=…&contentType=…[&noteId=…]` with
 * `Content-Type: application/octet-stream` and the file's bytes as the body. Instead of the query
 * parameters, `x-filename` (percent-encoded) and `x-content-type` headers may be sent. Only this
 * plugin accepts octet-stream bodies, up to the configured upload limit (CASELOAD_MAX_UPLOAD_MB).
 */
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  documentCaseParamsSchema,
  documentIdParamsSchema,
  documentListSchema,
  documentSchema,
  uploadDocumentQuerySchema,
} from '../../../contract/documents.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { attachmentDisposition } from '../../../domain/documents/document-rules.ts';
import { AppError } from '../../../domain/errors.ts';
import { downloadDocument } from '../../../services/documents/download-document.ts';
import { listDocuments } from '../../../services/documents/list-documents.ts';
import { documentTooLarge, uploadDocument } from '../../../services/documents/upload-document.ts';
import { errorHandler } from '../../errors.ts';
import { presentDocument, presentDocumentList } from './documents.presenter.ts';

export interface DocumentsRoutesOptions {
  /** The upload limit in bytes (config records.maxUploadBytes). */
  readonly maxUploadBytes: number;
}

const problems = problemResponses(400, 401, 403, 404, 409, 413, 415);
const tags = ['documents'];
const ACCESS = 'A case you may not see answers 404.';

/** A header's value when sent once as text. */
function headerText(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** x-filename is percent-encoded so that any name survives an HTTP header; a bare name is used as is. */
function decodeFilename(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const documentsRoutes: FastifyPluginAsync<DocumentsRoutesOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: opts.maxUploadBytes },
    (_request, body, done) => done(null, body),
  );
  // Over the limit, the parser stops reading: say so as DOCUMENT_TOO_LARGE with the limit.
  app.setErrorHandler((error, request, reply) =>
    errorHandler(
      (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? documentTooLarge(opts.maxUploadBytes)
        : error,
      request,
      reply,
    ),
  );

  app.get(
    '/cases/:caseId/documents',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The documents of a case (metadata), newest first',
        description:
          'Anyone who may see the case; the read is audited. Documents of a restricted note you may not read ' +
          `are listed as withheld, without their filename. ${ACCESS}`,
        tags,
        params: documentCaseParamsSchema,
        response: { 200: documentListSchema, ...problems },
      },
    },
    async (request) => presentDocumentList(await listDocuments(request.ctx, request.params.caseId)),
  );

  app.post(
    '/cases/:caseId/documents',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Attach a file to a case, or to one of its notes',
        description:
          'Send the file as the body with `Content-Type: application/octet-stream`; give its name as ' +
          '`?filename=` (or the percent-encoded `x-filename` header) and its own type as `?contentType=` ' +
          '(or `x-content-type`). Allowed: PDF, PNG, JPEG, plain text, Word .docx, OpenDocument .odt, email ' +
          '.eml; PDF, PNG, JPEG, .docx and .odt must start with their signature. Errors: DOCUMENT_TOO_LARGE ' +
          '(413), DOCUMENT_TYPE_NOT_ALLOWED (415), NOTE_NOT_FOUND (noteId). The case’s owner, a supervisor ' +
          `of its team, or a colleague it is shared with may upload. ${ACCESS}`,
        tags,
        params: documentCaseParamsSchema,
        querystring: uploadDocumentQuerySchema,
        response: { 201: documentSchema, ...problems },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file itself as the request body, with Content-Type: application/octet-stream.',
        );
      }
      const rawName = request.query.filename ?? headerText(request.headers['x-filename']);
      const contentType = request.query.contentType ?? headerText(request.headers['x-content-type']);
      if (rawName === undefined) {
        throw AppError.field('filename', 'Give the file’s name as ?filename= or the x-filename header.');
      }
      if (contentType === undefined) {
        throw AppError.field(
          'contentType',
          'Give the file’s type as ?contentType= or the x-content-type header, e.g. application/pdf.',
        );
      }
      const result = await uploadDocument(request.ctx, {
        caseId: request.params.caseId,
        noteId: request.query.noteId,
        filename: request.query.filename ?? decodeFilename(rawName),
        contentType,
        content: request.body,
      });
      return reply.code(201).send(presentDocument(result));
    },
  );

  app.get(
    '/documents/:id',
    {
      config: { policy: signedIn },
      // A HEAD would run the access check and audit a download that sends nothing.
      exposeHeadRoute: false,
      schema: {
        summary: 'Download a document (as an attachment, with its stored type)',
        description:
          'Anyone who may see the case; a document of a restricted note only for those who may read the note ' +
          '(FORBIDDEN otherwise). Audited as document.downloaded. The Repr-Digest header carries the ' +
          `SHA-256. ${ACCESS.replace('404', '404 DOCUMENT_NOT_FOUND')}`,
        tags,
        params: documentIdParamsSchema,
        response: {
          200: z.instanceof(Buffer).describe('The file’s bytes, with its stored Content-Type.'),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { document, content } = await downloadDocument(request.ctx, request.params.id);
      return reply
        .header('content-type', document.content_type)
        .header('content-disposition', attachmentDisposition(document.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('repr-digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`)
        .send(content);
    },
  );
};
