/**
 * Case notes: drafts (their author's alone), filing (frozen from then on), amendments, reading,
 * and clarity hints for the editor. Registered under /api. Resource checks (case access, draft
 * author, restricted content) happen in the services.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  amendNoteRequestSchema,
  caseNoteListSchema,
  clarityHintListSchema,
  clarityHintsRequestSchema,
  createNoteRequestSchema,
  draftListSchema,
  noteCaseParamsSchema,
  noteIdParamsSchema,
  noteSchema,
  updateNoteRequestSchema,
  visibleNoteSchema,
} from '../../../contract/notes.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { amendNote } from '../../../services/notes/amend-note.ts';
import { checkNoteClarity } from '../../../services/notes/check-note-clarity.ts';
import { createNoteDraft } from '../../../services/notes/create-note-draft.ts';
import { deleteNoteDraft } from '../../../services/notes/delete-note-draft.ts';
import { fileNewNote } from '../../../services/notes/file-new-note.ts';
import { fileNote } from '../../../services/notes/file-note.ts';
import { getNote } from '../../../services/notes/get-note.ts';
import { listCaseNotes } from '../../../services/notes/list-case-notes.ts';
import { listMyDrafts } from '../../../services/notes/list-my-drafts.ts';
import { updateNoteDraft } from '../../../services/notes/update-note-draft.ts';
import {
  presentCaseNotes,
  presentDrafts,
  presentFullNote,
  presentHints,
  presentNote,
} from './notes.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['notes'];

export const notesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/cases/:caseId/notes',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The notes of a case: filed notes and your own drafts, in the order they occurred',
        description:
          'Restricted notes you may not read show only that they exist (no content fields). ' +
          'Audited (note.listed). Errors: CASE_NOT_FOUND.',
        tags,
        params: noteCaseParamsSchema,
        response: { 200: caseNoteListSchema, ...problems },
      },
    },
    async (request) =>
      presentCaseNotes(request.params.caseId, await listCaseNotes(request.ctx, request.params.caseId)),
  );

  app.post(
    '/cases/:caseId/notes',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Start a note (a draft only you see until you file it), or write and file it at once',
        description:
          'Needs the right to add to the case (owner, team supervisor, or a colleague it is shared with). ' +
          'With `fileNow: true` the note is filed in the same request, exactly as filing a draft would ' +
          '(frozen, recorded at the server clock, attention to the case, the case re-assessed; audited ' +
          'once, note.filed): the answer is the filed note. ' +
          'Errors: CASE_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (contactChannel, occurredAt, goalIds, ' +
          'actionIds), NOTE_EMPTY (fileNow only).',
        tags,
        params: noteCaseParamsSchema,
        body: createNoteRequestSchema,
        response: { 201: noteSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { fileNow, ...input } = request.body;
      const view = await (fileNow ? fileNewNote : createNoteDraft)(request.ctx, request.params.caseId, input);
      return reply.code(201).send(presentFullNote(view));
    },
  );

  app.get(
    '/notes/drafts',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Your drafts on every case, the most recently saved first',
        tags,
        response: { 200: draftListSchema, ...problems },
      },
    },
    async (request) => presentDrafts(await listMyDrafts(request.ctx)),
  );

  app.post(
    '/notes/clarity-hints',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Clarity hints for a note being written (advisory: never blocks filing)',
        tags,
        body: clarityHintsRequestSchema,
        response: { 200: clarityHintListSchema, ...problems },
      },
    },
    async (request) => presentHints(await checkNoteClarity(request.ctx, request.body)),
  );

  app.get(
    '/notes/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'One note as you may see it, with the amendments that correct it',
        description: 'Audited (note.viewed). Errors: NOTE_NOT_FOUND (also for someone else’s draft).',
        tags,
        params: noteIdParamsSchema,
        response: { 200: visibleNoteSchema, ...problems },
      },
    },
    async (request) => presentNote(await getNote(request.ctx, request.params.id)),
  );

  app.patch(
    '/notes/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change your draft (auto-save): only the fields sent change',
        description:
          'A filed note never changes: NOTE_IMMUTABLE (record an amendment instead). ' +
          'Errors: NOTE_NOT_FOUND, NOTE_IMMUTABLE, FORBIDDEN, VALIDATION_FAILED.',
        tags,
        params: noteIdParamsSchema,
        body: updateNoteRequestSchema,
        response: { 200: noteSchema, ...problems },
      },
    },
    async (request) => presentFullNote(await updateNoteDraft(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/notes/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Throw away your draft',
        description: 'A filed note is never deleted: NOTE_IMMUTABLE. Errors: NOTE_NOT_FOUND, NOTE_IMMUTABLE.',
        tags,
        params: noteIdParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteNoteDraft(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notes/:id/file',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'File your draft: it is frozen from now on, recorded at the server clock',
        description:
          'Needs facts, advice given or actions agreed (NOTE_EMPTY, field facts). ' +
          'Errors: NOTE_NOT_FOUND, NOTE_IMMUTABLE (filed already), NOTE_EMPTY, FORBIDDEN.',
        tags,
        params: noteIdParamsSchema,
        response: { 200: noteSchema, ...problems },
      },
    },
    async (request) => presentFullNote(await fileNote(request.ctx, request.params.id)),
  );

  app.post(
    '/notes/:id/amendments',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Correct a filed note: a new note, filed at once, naming the original and why',
        description:
          'Fields left out are copied from the original, which stays and shows amendedBy. ' +
          'Errors: NOTE_NOT_FOUND, CONFLICT (a draft), FORBIDDEN, NOTE_EMPTY, VALIDATION_FAILED.',
        tags,
        params: noteIdParamsSchema,
        body: amendNoteRequestSchema,
        response: { 201: noteSchema, ...problems },
      },
    },
    async (request, reply) => {
      const view = await amendNote(request.ctx, request.params.id, request.body);
      return reply.code(201).send(presentFullNote(view));
    },
  );
};
