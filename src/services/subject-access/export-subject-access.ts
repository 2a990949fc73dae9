/**
 * The subject access export: everything held about the client (src/store/subject-access-export.ts),
 * as machine-readable JSON, with the names of other people found in its text listed for redaction
 * review, and restricted notes left out (listed as withheld) unless a decision to include them has
 * been recorded with a reason. Read in one REPEATABLE READ transaction, so the picture is
 * consistent; then the export is recorded on the request and audited (ids and counts only) in a
 * transaction of its own before anything is returned.
 */
import { type KnownName, type NameHit, nameMatcher } from '../../domain/data-protection/third-party-names.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type ExportRow,
  readClientEverything,
  readDocumentContents,
} from '../../store/subject-access-export.ts';
import { updateSubjectAccessRequest } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import {
  calendarOf,
  requireDataProtectionOfficer,
  requireSubjectAccessRequest,
  type SubjectAccessView,
  subjectAccessView,
} from './common.ts';

export const RELEASE_NOTICE =
  'Text that names other people is listed in redaction-review.json and marked in report.pdf. Nothing has been redacted: deciding what to release, redact or withhold (UK GDPR, DPA 2018 Schedule 2 Part 3) is the organisation’s decision, made by a person before release.';

export interface RedactionHit {
  readonly section: string;
  readonly recordId: string | null;
  readonly field: string;
  readonly name: string;
  readonly source: string;
  readonly matched: string;
  readonly excerpt: string;
}

export interface SubjectAccessExport {
  readonly request: SubjectAccessView;
  readonly clientName: string;
  readonly timeZone: string;
  readonly generatedAt: Date;
  readonly generatedBy: string;
  /** data.json */
  readonly data: {
    readonly format: 'caseload-subject-access/1';
    readonly notice: string;
    readonly generatedAt: string;
    readonly request: { id: string; receivedOn: string; dueOn: string };
    readonly client: Record<string, unknown>;
    readonly sections: Record<string, Record<string, unknown>[]>;
    readonly withheld: {
      readonly reason: string;
      readonly restrictedNotes: { id: string; caseId: string; recordedAt: unknown }[];
      readonly documents: { id: string; noteId: string }[];
    };
    readonly staff: { id: string; displayName: string }[];
  };
  readonly redactionReview: {
    readonly notice: string;
    readonly count: number;
    /** Documents not read for names (not plain text). */
    readonly unscannedDocuments: number;
    readonly unscannedNote: string;
    readonly hits: RedactionHit[];
  };
  readonly documents: { id: string; filename: string; content: Buffer }[];
}

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A database row as JSON: camelCase keys, instants as ISO strings, bigints as strings. */
function jsonRow(row: ExportRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'org_id') continue;
    out[camel(k)] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v;
  }
  return out;
}

const STRUCTURAL =
  /(^id$|Id$|Ids$|^seq$|At$|On$|^sha256$|^contentType$|^status$|^kind$|^reference$|^sensitivity$|^type$)/;

/** Every free-text string of a JSON value, with its path. */
function* texts(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* texts(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (STRUCTURAL.test(k)) continue;
      yield* texts(v, path ? `${path}.${k}` : k);
    }
  }
}

function excerpt(text: string, hit: NameHit): string {
  const from = Math.max(0, hit.index - 40);
  const to = Math.min(text.length, hit.index + hit.matched.length + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/**
 * Builds the export of a request and records it (status in progress, last exported, audited).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CLIENT_NOT_FOUND
 */
export async function exportSubjectAccess(ctx: ServiceContext, id: string): Promise<SubjectAccessExport> {
  const actor = await requireDataProtectionOfficer(ctx);
  const built = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const row = await requireSubjectAccessRequest(tx, actor, id);
      const everything = await readClientEverything(tx, actor.orgId, row.client_id);
      if (!everything) throw new AppError('CLIENT_NOT_FOUND');
      const { today, timeZone } = await calendarOf(ctx, actor, tx);
      const now = ctx.clock.now();

      // Restricted notes (and documents filed with them) only after a decision to include them.
      const include = row.restricted_decision === true;
      const notes = everything.sections.notes ?? [];
      // An amendment copies what it does not change from the note it amends, so an amendment of a
      // withheld note is withheld with it (whatever its own sensitivity).
      const withheldIds = new Set(
        include ? [] : notes.filter((n) => n.sensitivity === 'restricted').map((n) => String(n.id)),
      );
      for (let grew = true; grew && !include; ) {
        grew = false;
        for (const n of notes) {
          if (
            typeof n.amends_note_id === 'string' &&
            withheldIds.has(n.amends_note_id) &&
            !withheldIds.has(String(n.id))
          ) {
            withheldIds.add(String(n.id));
            grew = true;
          }
        }
      }
      const withheldNotes = notes.filter((n) => withheldIds.has(String(n.id)));
      const docs = everything.sections.documents ?? [];
      const withheldDocs = docs.filter((d) => typeof d.note_id === 'string' && withheldIds.has(d.note_id));
      everything.sections.notes = notes.filter((n) => !withheldIds.has(String(n.id)));
      everything.sections.documents = docs.filter((d) => !withheldDocs.includes(d));

      const client = jsonRow(everything.client);
      const sections = Object.fromEntries(
        Object.entries(everything.sections).map(([k, rows]) => [k, rows.map(jsonRow)]),
      );

      // Names held by the system other than the client's own.
      const [others, staff, actionOwners] = await Promise.all([
        tx
          .selectFrom('clients')
          .select(['legal_name', 'preferred_name'])
          .where('org_id', '=', actor.orgId)
          .where('id', '<>', row.client_id)
          .execute(),
        tx.selectFrom('users').select(['id', 'display_name']).where('org_id', '=', actor.orgId).execute(),
        tx
          .selectFrom('actions')
          .select('owner_name')
          .distinct()
          .where('org_id', '=', actor.orgId)
          .where('owner_name', 'is not', null)
          .execute(),
      ]);
      const known: KnownName[] = [
        ...others.flatMap((c) => [
          { name: c.legal_name, source: 'another client' },
          ...(c.preferred_name ? [{ name: c.preferred_name, source: 'another client' }] : []),
        ]),
        ...staff.map((u) => ({ name: u.display_name, source: 'staff' })),
        ...actionOwners.map((a) => ({ name: a.owner_name ?? '', source: 'third party (action owner)' })),
      ];
      const own = [everything.client.legal_name, everything.client.preferred_name].filter(
        (n): n is string => typeof n === 'string',
      );
      const find = nameMatcher(known, own);
      const hits: RedactionHit[] = [];
      const scan = (section: string, record: Record<string, unknown>) => {
        for (const [field, text] of texts(record, '')) {
          for (const h of find(text)) {
            hits.push({
              section,
              recordId:
                record.id === undefined
                  ? record.seq === undefined
                    ? null
                    : String(record.seq)
                  : String(record.id),
              field,
              name: h.name,
              source: h.source,
              matched: h.matched,
              excerpt: excerpt(text, h),
            });
          }
        }
      };
      scan('client', client);
      for (const [section, rows] of Object.entries(sections)) for (const r of rows) scan(section, r);

      const referenced = new Set<string>();
      const collect = (v: unknown, key = ''): void => {
        if (typeof v === 'string' && /(By|Id|^actorId)$/.test(key)) referenced.add(v);
        else if (Array.isArray(v)) for (const x of v) collect(x, key);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
      };
      collect({ client, sections });
      const staffList = staff
        .filter((u) => referenced.has(u.id))
        .map((u) => ({ id: u.id, displayName: u.display_name }));

      const contents = await readDocumentContents(
        tx,
        actor.orgId,
        everything.sections.documents.map((d) => String(d.id)),
      );
      const documents = everything.sections.documents.map((d) => ({
        id: String(d.id),
        filename: String(d.filename),
        content: contents.get(String(d.id)) ?? Buffer.alloc(0),
      }));

      // Text documents are read for names too; other files (PDF, images) are for a person to read.
      for (const d of everything.sections.documents) {
        const content = contents.get(String(d.id));
        if (!content || !String(d.content_type).startsWith('text/')) continue;
        const text = content.toString('utf8');
        for (const h of find(text)) {
          hits.push({
            section: 'documents',
            recordId: String(d.id),
            field: 'content',
            name: h.name,
            source: h.source,
            matched: h.matched,
            excerpt: excerpt(text, h),
          });
        }
      }
      const unscannedDocuments =
        documents.length -
        everything.sections.documents.filter((d) => String(d.content_type).startsWith('text/')).length;

      const counts = Object.fromEntries(Object.entries(sections).map(([k, rows]) => [k, rows.length]));
      const auditDetails = {
        clientId: row.client_id,
        counts,
        documents: documents.length,
        withheldRestrictedNotes: withheldNotes.length,
        redactionHits: hits.length,
        restrictedIncluded: include,
      };
      const generatedBy = staff.find((u) => u.id === actor.id)?.display_name ?? 'unknown';
      return {
        auditDetails,
        today,
        clientName: String(everything.client.legal_name),
        timeZone,
        generatedAt: now,
        generatedBy,
        data: {
          format: 'caseload-subject-access/1' as const,
          notice: RELEASE_NOTICE,
          generatedAt: now.toISOString(),
          request: { id, receivedOn: row.received_on },
          client,
          sections,
          withheld: {
            reason: include
              ? 'Restricted notes are included: a decision to include them was recorded with a reason.'
              : row.restricted_decision === false
                ? 'Restricted notes are withheld: a decision not to include them was recorded with a reason.'
                : 'Restricted notes are withheld: no decision to include them has been recorded.',
            restrictedNotes: withheldNotes.map((n) => ({
              id: String(n.id),
              caseId: String(n.case_id),
              recordedAt: n.recorded_at instanceof Date ? n.recorded_at.toISOString() : null,
            })),
            documents: withheldDocs.map((d) => ({ id: String(d.id), noteId: String(d.note_id) })),
          },
          staff: staffList,
        },
        redactionReview: {
          notice: RELEASE_NOTICE,
          count: hits.length,
          unscannedDocuments,
          unscannedNote:
            'Documents that are not plain text (PDF, images, word-processor files) were not read for names: review them yourself.',
          hits,
        },
        documents,
      };
    });

  // Recorded in a transaction of its own, not the REPEATABLE READ one above: the audit chain's head
  // must be read after waiting for the organisation's audit lock, and a snapshot taken before that
  // wait would miss an event another request appended meanwhile (a duplicate sequence number).
  // Nothing leaves the server unless this commits.
  const now = built.generatedAt;
  const request = await inTransaction(ctx, async (tx) => {
    const current = await requireSubjectAccessRequest(tx, actor, id, { forUpdate: true });
    await updateSubjectAccessRequest(tx, actor.orgId, id, {
      ...(current.status === 'received' ? { status: 'in-progress' as const } : {}),
      last_exported_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'subject_access.exported',
      entityType: 'subject_access_request',
      entityId: id,
      details: built.auditDetails,
    });
    return subjectAccessView(await requireSubjectAccessRequest(tx, actor, id), built.today);
  });
  const { auditDetails: _details, today: _today, ...rest } = built;
  return {
    ...rest,
    request,
    data: { ...rest.data, request: { ...rest.data.request, dueOn: request.dueOn } },
  };
}
