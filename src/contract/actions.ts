/** Actions: agreed next steps and follow-ups of a case (`/api/cases/{caseId}/actions`, `/api/actions/{id}`). */
import { z } from 'zod';

export const actionCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});
export const actionIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use an action id (a UUID) as listed by GET /api/cases/{caseId}/actions' }),
});

export const actionOwnerKindSchema = z
  .enum(['practitioner', 'client', 'third_party'], {
    message: 'Choose who owns the action: practitioner, client or third_party',
  })
  .describe('Who is to do it: a practitioner of your organisation, the client, or a third party by name.');

const descriptionSchema = z
  .string({ message: 'Describe the action: what is to be done' })
  .trim()
  .min(1, { message: 'Describe the action: what is to be done' })
  .max(2000, { message: 'Use at most 2000 characters for the description' });
const ownerUserIdSchema = z
  .uuid({ message: 'Use the user id (a UUID) of the practitioner who owns the action' })
  .describe('With ownerKind practitioner: the user who owns the action.');
const ownerNameSchema = z
  .string({ message: 'Name the third party, e.g. "DWP" or "the landlord"' })
  .trim()
  .min(1, { message: 'Name the third party, e.g. "DWP" or "the landlord"' })
  .max(200, { message: 'Use at most 200 characters for the name' })
  .describe('With ownerKind third_party: who they are.');
const dueDateSchema = z.iso
  .date({ message: 'Use a calendar date such as 2026-12-31' })
  .describe('The date it is due (YYYY-MM-DD); overdue from the next day in the organisation’s time zone.');
const goalIdSchema = z
  .uuid({ message: 'Use a goal id (a UUID) of this case, as listed by GET /api/cases/{caseId}/goals' })
  .describe('The goal of the same case that this action works towards.');
const closingTextSchema = (what: string) =>
  z
    .string({ message: `Say ${what}` })
    .trim()
    .min(1, { message: `Say ${what}` })
    .max(2000, { message: 'Use at most 2000 characters' });

interface OwnerFields {
  ownerKind?: 'practitioner' | 'client' | 'third_party' | undefined;
  ownerUserId?: string | undefined;
  ownerName?: string | undefined;
}

/** The owner fields must fit the kind of owner: a user for a practitioner, a name for a third party. */
function checkOwner(body: OwnerFields, issues: z.RefinementCtx, kindRequired: boolean) {
  const add = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
  if (!body.ownerKind) {
    if (kindRequired) return;
    if (body.ownerUserId !== undefined || body.ownerName !== undefined) {
      add('ownerKind', 'Send ownerKind too when you change the owner');
    }
    return;
  }
  if (body.ownerKind === 'practitioner') {
    if (body.ownerUserId === undefined) add('ownerUserId', 'Choose the practitioner who owns the action');
    if (body.ownerName !== undefined) add('ownerName', 'Leave out ownerName for a practitioner');
  } else if (body.ownerKind === 'third_party') {
    if (body.ownerName === undefined) add('ownerName', 'Name the third party, e.g. "DWP" or "the landlord"');
    if (body.ownerUserId !== undefined) add('ownerUserId', 'Leave out ownerUserId for a third party');
  } else {
    if (body.ownerUserId !== undefined) add('ownerUserId', 'Leave out ownerUserId when the client owns it');
    if (body.ownerName !== undefined) add('ownerName', 'Leave out ownerName when the client owns it');
  }
}

export const createActionRequestSchema = z
  .strictObject({
    description: descriptionSchema,
    ownerKind: actionOwnerKindSchema,
    ownerUserId: ownerUserIdSchema.optional(),
    ownerName: ownerNameSchema.optional(),
    dueDate: dueDateSchema.optional(),
    goalId: goalIdSchema.optional(),
  })
  .superRefine((body, issues) => checkOwner(body, issues, true))
  .meta({ id: 'CreateActionRequest' });
export type CreateActionRequest = z.infer<typeof createActionRequestSchema>;

export const updateActionRequestSchema = z
  .strictObject({
    description: descriptionSchema.optional(),
    ownerKind: actionOwnerKindSchema.optional(),
    ownerUserId: ownerUserIdSchema.optional(),
    ownerName: ownerNameSchema.optional(),
    dueDate: dueDateSchema.nullable().optional().describe('null removes the due date.'),
    goalId: goalIdSchema.nullable().optional().describe('null unlinks the goal.'),
  })
  .superRefine((body, issues) => {
    if (Object.values(body).every((v) => v === undefined)) {
      issues.addIssue({
        code: 'custom',
        path: [],
        message: 'Send at least one of description, ownerKind (with its owner), dueDate or goalId',
      });
    }
    checkOwner(body, issues, false);
  })
  .meta({ id: 'UpdateActionRequest' });
export type UpdateActionRequest = z.infer<typeof updateActionRequestSchema>;

export const completeActionRequestSchema = z
  .strictObject({ result: closingTextSchema('what came of it (the result)') })
  .meta({ id: 'CompleteActionRequest' });
export const cancelActionRequestSchema = z
  .strictObject({ reason: closingTextSchema('why the action is no longer needed') })
  .meta({ id: 'CancelActionRequest' });

export const actionSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    description: z.string(),
    ownerKind: actionOwnerKindSchema,
    ownerUserId: z.uuid().nullable(),
    ownerName: z
      .string()
      .nullable()
      .describe('The third party’s name, or the owning practitioner’s display name; null for the client.'),
    dueDate: z.iso.date().nullable(),
    status: z.enum(['open', 'done', 'cancelled']),
    overdue: z.boolean().describe('Open and due before today (in the organisation’s time zone).'),
    completedAt: z.iso.datetime().nullable().describe('When it was done or cancelled.'),
    result: z.string().nullable().describe('What came of it (done).'),
    cancellationReason: z.string().nullable().describe('Why it was cancelled (cancelled).'),
    goalId: z.uuid().nullable(),
    reviewId: z
      .uuid()
      .nullable()
      .describe('The caseload review at which it was agreed as an improvement; null otherwise.'),
    createdBy: z.uuid(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Action' });
export type ActionResponse = z.infer<typeof actionSchema>;

export const actionListSchema = z.object({ actions: z.array(actionSchema) }).meta({ id: 'ActionList' });
export type ActionListResponse = z.infer<typeof actionListSchema>;
