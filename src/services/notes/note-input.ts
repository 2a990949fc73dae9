/**
 * A note's editable content: how request fields apply to a draft (or to the note an amendment
 * corrects), and the checks that need the clock and the database (links in the same case).
 */
import { AppError, type FieldError } from '../../domain/errors.ts';
import { noteHeadingProblems } from '../../domain/notes/note-rules.ts';
import type { DbOrTx } from '../../store/db.ts';
import { findCaseLinks, type NewNote, type NoteRecord } from '../../store/notes.ts';
import type { ContactChannel, NoteType } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

/** The editable content of a note, by store column. */
export interface NoteContent {
  readonly type: NoteType;
  readonly contact_channel: ContactChannel | null;
  readonly occurred_at: Date;
  readonly facts: string;
  readonly advice: string;
  readonly actions_agreed: string;
  readonly judgement: string;
  readonly sensitivity: 'normal' | 'restricted';
  readonly goal_ids: string[];
  readonly action_ids: string[];
}

/** Request fields (all optional: a draft is saved piece by piece). */
export interface NoteInput {
  readonly type?: NoteType | undefined;
  readonly contactChannel?: ContactChannel | null | undefined;
  readonly occurredAt?: string | undefined;
  readonly facts?: string | undefined;
  readonly advice?: string | undefined;
  readonly actionsAgreed?: string | undefined;
  readonly judgement?: string | undefined;
  readonly sensitivity?: 'normal' | 'restricted' | undefined;
  readonly goalIds?: readonly string[] | undefined;
  readonly actionIds?: readonly string[] | undefined;
}

export const contentOf = (n: NoteRecord): NoteContent => ({
  type: n.type,
  contact_channel: n.contact_channel,
  occurred_at: n.occurred_at,
  facts: n.facts,
  advice: n.advice,
  actions_agreed: n.actions_agreed,
  judgement: n.judgement,
  sensitivity: n.sensitivity,
  goal_ids: n.goal_ids,
  action_ids: n.action_ids,
});

/** Content of a new draft: the type and time from the request, everything else empty. */
/**
 * The row of a note the actor starts on a case now: a draft, or (`filed`) a note filed at once,
 * recorded at `now`. Never an amendment (amendNote makes those).
 */
export const newNoteRow = (
  author: { readonly id: string; readonly orgId: string },
  caseId: string,
  content: NoteContent,
  now: Date,
  filed: boolean,
): NewNote => ({
  ...content,
  org_id: author.orgId,
  case_id: caseId,
  author_id: author.id,
  status: filed ? 'filed' : 'draft',
  recorded_at: filed ? now : null,
  amends_note_id: null,
  amendment_reason: null,
  created_at: now,
  updated_at: now,
});

export const blankContent = (type: NoteType, occurredAt: string): NoteContent => ({
  type,
  contact_channel: null,
  occurred_at: new Date(occurredAt),
  facts: '',
  advice: '',
  actions_agreed: '',
  judgement: '',
  sensitivity: 'normal',
  goal_ids: [],
  action_ids: [],
});

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date
    ? a.getTime() === b.getTime()
    : Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && a.every((x, i) => x === b[i])
      : a === b;

/**
 * Applies the request fields given to `base`. A channel is kept for contact notes only. Returns
 * the content and the request fields whose value changed (for the audit: names, never text).
 */
export function applyNoteInput(
  base: NoteContent,
  input: NoteInput,
): { content: NoteContent; changed: string[] } {
  const type = input.type ?? base.type;
  const channel = input.contactChannel !== undefined ? input.contactChannel : base.contact_channel;
  const content: NoteContent = {
    type,
    contact_channel: type === 'contact' ? channel : null,
    occurred_at: input.occurredAt !== undefined ? new Date(input.occurredAt) : base.occurred_at,
    facts: input.facts ?? base.facts,
    advice: input.advice ?? base.advice,
    actions_agreed: input.actionsAgreed ?? base.actions_agreed,
    judgement: input.judgement ?? base.judgement,
    sensitivity: input.sensitivity ?? base.sensitivity,
    goal_ids: input.goalIds ? [...input.goalIds] : base.goal_ids,
    action_ids: input.actionIds ? [...input.actionIds] : base.action_ids,
  };
  const fields: [string, keyof NoteContent][] = [
    ['type', 'type'],
    ['contactChannel', 'contact_channel'],
    ['occurredAt', 'occurred_at'],
    ['facts', 'facts'],
    ['advice', 'advice'],
    ['actionsAgreed', 'actions_agreed'],
    ['judgement', 'judgement'],
    ['sensitivity', 'sensitivity'],
    ['goalIds', 'goal_ids'],
    ['actionIds', 'action_ids'],
  ];
  const changed = fields.filter(([, column]) => !same(content[column], base[column])).map(([field]) => field);
  return { content, changed };
}

/**
 * Checks content against the rules: nothing occurs in the future, linked goals and actions belong
 * to the same case, and (when filing) a contact note names its channel. Every problem is named at once.
 * @throws AppError VALIDATION_FAILED (contactChannel, occurredAt, goalIds, actionIds)
 */
export async function checkNoteContent(
  ctx: ServiceContext,
  db: DbOrTx,
  kase: { org_id: string; id: string },
  content: NoteContent,
  stage: 'draft' | 'filing',
): Promise<void> {
  const problems: FieldError[] = noteHeadingProblems(
    { type: content.type, contactChannel: content.contact_channel, occurredAt: content.occurred_at },
    ctx.clock.now(),
    stage,
  );
  const found = await findCaseLinks(
    db,
    { orgId: kase.org_id, caseId: kase.id },
    { goalIds: content.goal_ids, actionIds: content.action_ids },
  );
  const links = [
    { field: 'goalIds', what: 'goals', ids: content.goal_ids, found: found.goalIds },
    { field: 'actionIds', what: 'actions', ids: content.action_ids, found: found.actionIds },
  ] as const;
  for (const link of links) {
    const strangers = link.ids.filter((id) => !link.found.includes(id));
    if (strangers.length > 0) {
      problems.push({
        field: link.field,
        message: `Link only ${link.what} of this case: ${strangers.join(', ')} is not one of them.`,
      });
    }
  }
  const [first] = problems;
  if (first)
    throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, { fields: problems });
}
