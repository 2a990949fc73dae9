/**
 * Subject access requests (`/api/subject-access-requests`: register, extend, complete or refuse,
 * the restricted-notes decision, the ZIP export) and rectification requests
 * (`/api/rectification-requests`: register, resolve with linked changes, link an amendment note).
 */
import { z } from 'zod';
import { updateClientRequestSchema } from './clients.ts';

const text = (what: string, max: number) =>
  z
    .string({ message: `Enter ${what}` })
    .trim()
    .min(1, { message: `Enter ${what}` })
    .max(max, { message: `Use at most ${max} characters for ${what}` });

const dateSchema = (what: string) =>
  z.iso.date({ message: `Give ${what} as a calendar date such as 2026-11-20` });

export const subjectAccessIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a request id (a UUID) as listed by GET /api/subject-access-requests' }),
});
export const rectificationIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a request id (a UUID) as listed by GET /api/rectification-requests' }),
});
export const dataProtectionListQuerySchema = z.strictObject({
  clientId: z
    .uuid({ message: 'Use a client id (a UUID)' })
    .optional()
    .describe('Only this client’s requests.'),
  open: z
    .enum(['true', 'false'], { message: 'Answer open with true or false' })
    .optional()
    .describe('true: only requests not yet closed.'),
});

const personRef = z.object({ id: z.uuid(), displayName: z.string() });
const dueSchema = z.object({
  state: z.enum(['closed', 'due', 'due-today', 'overdue']),
  words: z.string().describe('E.g. "Due in 5 days (24 Dec 2026)", "Overdue by 3 days (due 1 Mar 2027)".'),
  daysLeft: z.number().int().nullable(),
});

export const requesterSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('client') }),
      z.strictObject({
        kind: z.literal('representative'),
        name: text('the representative’s name', 200),
        authority: text('the representative’s authority (e.g. signed authority, power of attorney)', 1000),
      }),
    ],
    { message: 'Say who asked: kind client, or kind representative with name and authority' },
  )
  .describe('The client themself, or a representative acting with their authority.');

export const registerSubjectAccessRequestSchema = z
  .strictObject({
    clientId: z.uuid({ message: 'Use a client id (a UUID) as found by GET /api/clients?q=' }),
    receivedOn: dateSchema('the date the request was received').describe('Not in the future.'),
    requester: requesterSchema,
    identityVerified: z
      .boolean({ message: 'Answer identityVerified with true or false' })
      .describe('Whether the requester’s identity (and a representative’s authority) has been checked.'),
    identityEvidence: text('the identity evidence seen', 1000).optional(),
    notes: text('notes', 4000).optional(),
  })
  .meta({ id: 'RegisterSubjectAccessRequest' });
export type RegisterSubjectAccessRequest = z.infer<typeof registerSubjectAccessRequestSchema>;

export const extendSubjectAccessRequestSchema = z
  .strictObject({
    reason: text('why the response needs longer (complexity or number of requests)', 2000),
    noticeSentOn: dateSchema('the date the requester was told of the extension'),
    months: z
      .union([z.literal(1), z.literal(2)], { message: 'Extend by 1 or 2 months' })
      .optional()
      .describe('Further months (default 2, the most the law allows).'),
  })
  .meta({ id: 'ExtendSubjectAccessRequest' });

export const completeSubjectAccessRequestSchema = z
  .strictObject({
    outcome: z.enum(['completed', 'refused'], { message: 'Choose the outcome: completed or refused' }),
    on: dateSchema('the date the response was sent').describe('Not in the future.'),
    reason: text('the reason', 2000)
      .optional()
      .describe(
        'Required when refused (e.g. manifestly unfounded or excessive); the requester must be told.',
      ),
  })
  .meta({ id: 'CompleteSubjectAccessRequest' });

export const restrictedNotesDecisionSchema = z
  .strictObject({
    include: z.boolean({ message: 'Answer include with true or false' }),
    reason: text('the reason for the decision', 2000),
  })
  .meta({ id: 'RestrictedNotesDecision' });

export const subjectAccessRequestSchema = z
  .object({
    id: z.uuid(),
    client: z.object({ id: z.uuid(), name: z.string() }),
    receivedOn: z.iso.date(),
    requester: z.object({
      kind: z.enum(['client', 'representative']),
      name: z.string().nullable(),
      authority: z.string().nullable(),
    }),
    identityVerified: z.boolean(),
    identityEvidence: z.string().nullable(),
    notes: z.string().nullable(),
    status: z.enum(['received', 'in-progress', 'extended', 'completed', 'refused']),
    dueOn: z.iso.date().describe('One calendar month after receipt (ICO rule), or the extended date.'),
    originalDueOn: z.iso.date(),
    due: dueSchema,
    extension: z
      .object({ reason: z.string(), noticeSentOn: z.iso.date().nullable(), dueOn: z.iso.date() })
      .nullable(),
    closedOn: z.iso.date().nullable(),
    closureReason: z.string().nullable(),
    restrictedNotesDecision: z
      .object({
        include: z.boolean(),
        reason: z.string(),
        decidedBy: personRef.nullable(),
        decidedAt: z.iso.datetime().nullable(),
      })
      .nullable(),
    lastExportedAt: z.iso.datetime().nullable(),
    createdBy: personRef,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SubjectAccessRequest' });
export type SubjectAccessRequestResponse = z.infer<typeof subjectAccessRequestSchema>;

export const subjectAccessRequestListSchema = z
  .object({ requests: z.array(subjectAccessRequestSchema).describe('Open first, by due date.') })
  .meta({ id: 'SubjectAccessRequestList' });

export const registerRectificationRequestSchema = z
  .strictObject({
    clientId: z.uuid({ message: 'Use a client id (a UUID) as found by GET /api/clients?q=' }),
    receivedOn: dateSchema('the date the request was received'),
    what: text('what the person says is wrong', 4000),
    requestedChange: text('the change they ask for', 4000),
  })
  .meta({ id: 'RegisterRectificationRequest' });

export const resolveRectificationRequestSchema = z
  .strictObject({
    outcome: z.enum(['rectified', 'refused'], { message: 'Choose the outcome: rectified or refused' }),
    reason: text('the reason (what was done, or why the data stays)', 4000),
    changes: updateClientRequestSchema
      .optional()
      .describe(
        'Rectified: the client’s details to change now; each change is kept in the field history linked to this request.',
      ),
    fieldChangeIds: z
      .array(z.number().int().positive(), {
        message: 'Give field-change ids as listed by GET /api/clients/{id}/history',
      })
      .max(100)
      .optional()
      .describe(
        'Rectified: changes already made to the client’s details (by a practitioner) to link to this request.',
      ),
  })
  .meta({ id: 'ResolveRectificationRequest' });
export type ResolveRectificationRequest = z.infer<typeof resolveRectificationRequestSchema>;

export const linkRectificationNoteSchema = z
  .strictObject({
    noteId: z.uuid({ message: 'Use the id (a UUID) of the amendment note that corrects the record' }),
  })
  .meta({ id: 'LinkRectificationNote' });

export const rectificationRequestSchema = z
  .object({
    id: z.uuid(),
    client: z.object({ id: z.uuid(), name: z.string() }),
    receivedOn: z.iso.date(),
    what: z.string(),
    requestedChange: z.string(),
    dueOn: z.iso.date(),
    due: dueSchema,
    status: z.enum(['received', 'rectified', 'refused']),
    outcomeReason: z.string().nullable(),
    resolvedBy: personRef.nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    fieldChanges: z
      .array(
        z.object({
          id: z.number().int(),
          field: z.string(),
          changedAt: z.iso.datetime(),
          changedBy: personRef,
        }),
      )
      .describe('The client-field changes linked to this request (values are in the client’s history).'),
    amendmentNoteIds: z.array(z.uuid()).describe('Amendment notes linked to this request.'),
    createdBy: personRef,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'RectificationRequest' });
export type RectificationRequestResponse = z.infer<typeof rectificationRequestSchema>;

export const rectificationRequestListSchema = z
  .object({ requests: z.array(rectificationRequestSchema).describe('Open first, by due date.') })
  .meta({ id: 'RectificationRequestList' });

export const dataProtectionClientLookupQuerySchema = z.strictObject({
  q: z
    .string({ message: 'Type part of a name, or a date of birth such as 1980-05-17' })
    .trim()
    .min(2, { message: 'Type at least 2 characters of a name, or a date of birth' })
    .max(200, { message: 'Use at most 200 characters' }),
});

export const dataProtectionClientLookupSchema = z
  .object({
    clients: z
      .array(
        z.object({
          id: z.uuid(),
          legalName: z.string(),
          preferredName: z.string().nullable(),
          dateOfBirth: z.iso.date().nullable(),
          caseReferences: z.array(z.string()),
        }),
      )
      .describe('At most 20, by name.'),
  })
  .meta({ id: 'DataProtectionClientLookup' });
