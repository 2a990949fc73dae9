import { canViewClient, createClients } from '../../domain/cases/client-access.ts';
import {
  applyClientPatch,
  type ClientDetails,
  type ClientPatch,
  clientDetailsProblems,
} from '../../domain/clients/client-changes.ts';
import { possibleDuplicates } from '../../domain/clients/client-names.ts';
import { AppError } from '../../domain/errors.ts';
import { insertClient, listClientCases, listClientsBornOn, lockDuplicateCheck } from '../../store/clients.ts';
import type { Tx } from '../../store/db.ts';
import type { ClientRow } from '../../store/schema.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { ClientView } from './client-view.ts';
import { clientAccessView, throwIfProblems, valuesOf, visibleCases } from './load-client.ts';
import { organisationToday } from './organisation-today.ts';

export interface CreateClientInput extends ClientPatch {
  readonly legalName: string;
  /** The person checked a POSSIBLE_DUPLICATE_CLIENT warning and it names somebody else. */
  readonly confirmNotDuplicate?: boolean | undefined;
}

const blank = (legalName: string): ClientDetails => ({
  legalName,
  preferredName: null,
  pronouns: null,
  dateOfBirth: null,
  email: null,
  phone: null,
  address: null,
  safeContact: {},
  accessNeeds: {},
});

type Outcome = { kind: 'created'; row: ClientRow } | { kind: 'duplicate'; matches: DuplicateRow[] };
type DuplicateRow = Awaited<ReturnType<typeof listClientsBornOn>>[number];

/**
 * An adviser or supervisor records a new client. When the organisation already has a client with
 * the same legal name (ignoring case and spacing) and date of birth, nothing is written and
 * POSSIBLE_DUPLICATE_CLIENT names the matches the actor may see (ids and their visible case
 * references) and counts the others; `confirmNotDuplicate: true` records the client anyway.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (dateOfBirth, accessNeeds.language),
 *   POSSIBLE_DUPLICATE_CLIENT (field legalName; extra matches, otherMatches)
 */
export async function createClient(ctx: ServiceContext, input: CreateClientInput): Promise<ClientView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, createClients, undefined);
  const { confirmNotDuplicate, ...patch } = input;
  const { after: details, changes } = applyClientPatch(blank(''), patch);
  throwIfProblems(clientDetailsProblems(details, await organisationToday(ctx)));

  const outcome = await inTransaction(ctx, async (tx): Promise<Outcome> => {
    const matches = await findDuplicates(tx, actor.orgId, details);
    if (matches.length > 0 && confirmNotDuplicate !== true) return { kind: 'duplicate', matches };
    const row = await insertClient(tx, {
      orgId: actor.orgId,
      createdBy: actor.id,
      at: ctx.clock.now(),
      values: valuesOf(details),
    });
    await audit(ctx, tx, {
      action: 'client.created',
      entityType: 'client',
      entityId: row.id,
      details: {
        fields: changes.map((c) => c.field),
        ...(matches.length > 0 ? { confirmedNotDuplicateOf: matches.map((m) => m.id) } : {}),
      },
    });
    return { kind: 'created', row };
  });
  if (outcome.kind === 'duplicate') throw await duplicateWarning(ctx, outcome.matches);
  return {
    row: outcome.row,
    consents: [],
    recordingConsent: { status: 'none', consentId: null, expiresOn: null, flagged: true },
    cases: [],
  };
}

async function findDuplicates(tx: Tx, orgId: string, details: ClientDetails): Promise<DuplicateRow[]> {
  if (!details.dateOfBirth) return [];
  // Until this transaction ends, a second recording of the same person waits and then sees this one.
  await lockDuplicateCheck(tx, orgId, details.dateOfBirth);
  const candidates = await listClientsBornOn(tx, orgId, details.dateOfBirth);
  return possibleDuplicates(
    details,
    candidates.map((c) => ({ ...c, legalName: c.legal_name, dateOfBirth: c.date_of_birth })),
  );
}

/** The warning, naming only what the actor may see; showing it is audited as a read. */
async function duplicateWarning(ctx: ServiceContext, matches: readonly DuplicateRow[]): Promise<AppError> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const cases = await listClientCases(
    ctx.db,
    actor.orgId,
    matches.map((m) => m.id),
  );
  const visible = matches
    .map((m) => ({ row: m, cases: cases.filter((c) => c.clientId === m.id) }))
    .filter((m) => canViewClient(actor, clientAccessView(m.row, m.cases), now))
    .map((m) => ({
      clientId: m.row.id,
      caseReferences: visibleCases(actor, m.cases, now).map((c) => c.reference),
    }));
  const otherMatches = matches.length - visible.length;
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'client.duplicate-warned',
      entityType: 'client',
      entityId: visible[0]?.clientId ?? null,
      details: { clientIds: visible.map((v) => v.clientId), otherMatches },
    }),
  );
  const message =
    visible.length > 0
      ? 'A client with the same legal name and date of birth is already recorded: open that record ' +
        'instead. If it is a different person, confirm that and save again (confirmNotDuplicate).'
      : 'A client with the same legal name and date of birth is already recorded by another team: ' +
        'ask a supervisor before recording them again. If it is a different person, confirm that and ' +
        'save again (confirmNotDuplicate).';
  return new AppError('POSSIBLE_DUPLICATE_CLIENT', message, {
    fields: [{ field: 'legalName', message }],
    extra: { matches: visible, otherMatches },
  });
}
