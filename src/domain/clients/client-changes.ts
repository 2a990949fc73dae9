/**
 * A client's details and how a change to them is applied: which fields changed (for the field
 * history and the audit) and what the record must still satisfy afterwards.
 */
import type { FieldError } from '../errors.ts';

export interface SafeContact {
  /** May we leave a voicemail? undefined: not asked yet. */
  readonly voicemail?: boolean;
  /** May we send letters? */
  readonly letters?: boolean;
  readonly safeTimes?: string;
  readonly safeAddress?: string;
  readonly safePhone?: string;
  readonly notes?: string;
}

export interface AccessNeeds {
  readonly interpreter?: boolean;
  /** The language an interpreter is needed for. */
  readonly language?: string;
  readonly bsl?: boolean;
  readonly easyRead?: boolean;
  readonly other?: string;
}

export interface ClientDetails {
  readonly legalName: string;
  readonly preferredName: string | null;
  readonly pronouns: string | null;
  readonly dateOfBirth: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly safeContact: SafeContact;
  readonly accessNeeds: AccessNeeds;
}

/** A partial object of which `null` members clear a value. */
type Clearing<T> = { readonly [K in keyof T]?: T[K] | null };

export interface ClientPatch {
  readonly legalName?: string;
  readonly preferredName?: string | null;
  readonly pronouns?: string | null;
  readonly dateOfBirth?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  /** Merged into the current answers; a `null` member clears that answer. */
  readonly safeContact?: Clearing<SafeContact>;
  readonly accessNeeds?: Clearing<AccessNeeds>;
}

export interface FieldChange {
  /** `legalName`, or `safeContact.voicemail` for a member of a group. */
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

const SCALARS = [
  'legalName',
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'email',
  'phone',
  'address',
] as const;

function mergeGroup<T extends object>(
  group: string,
  before: T,
  patch: Clearing<T> | undefined,
  changes: FieldChange[],
): T {
  if (!patch) return before;
  const after = { ...before } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const old = (before as Record<string, unknown>)[key] ?? null;
    if (value === null) delete after[key];
    else after[key] = value;
    if (old !== value) changes.push({ field: `${group}.${key}`, oldValue: old, newValue: value });
  }
  return after as T;
}

/** The details after `patch`, and every field whose value changed (in a stable order). */
export function applyClientPatch(
  before: ClientDetails,
  patch: ClientPatch,
): { after: ClientDetails; changes: FieldChange[] } {
  const changes: FieldChange[] = [];
  const after: Record<string, unknown> = { ...before };
  for (const field of SCALARS) {
    const value = patch[field];
    if (value === undefined || value === before[field]) continue;
    after[field] = value;
    changes.push({ field, oldValue: before[field], newValue: value });
  }
  const safeContact = mergeGroup('safeContact', before.safeContact, patch.safeContact, changes);
  const accessNeeds = mergeGroup('accessNeeds', before.accessNeeds, patch.accessNeeds, changes);
  return { after: { ...(after as unknown as ClientDetails), safeContact, accessNeeds }, changes };
}

/**
 * What a client's record must satisfy whatever the route: a legal name, a date of birth in the
 * past (and not before 1900), and the language of a requested interpreter.
 */
export function clientDetailsProblems(details: ClientDetails, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (details.legalName.trim() === '') {
    problems.push({ field: 'legalName', message: 'Enter the client’s legal name' });
  }
  const dob = details.dateOfBirth;
  if (dob !== null && dob > today) {
    problems.push({ field: 'dateOfBirth', message: 'The date of birth cannot be in the future' });
  } else if (dob !== null && dob < '1900-01-01') {
    problems.push({ field: 'dateOfBirth', message: 'Check the date of birth: it is before 1900' });
  }
  if (details.accessNeeds.interpreter === true && !details.accessNeeds.language?.trim()) {
    problems.push({
      field: 'accessNeeds.language',
      message: 'Say which language the interpreter is for (for BSL, tick "bsl" instead)',
    });
  }
  return problems;
}
