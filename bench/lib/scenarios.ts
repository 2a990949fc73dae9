/**
 * The measured work through the app's HTTP API, as the adviser: the worklist, writing notes, and
 * full-text search.
 */
import { getJson, getOperation, type HttpClient, outcomeOf, postJson, type Session } from './http.ts';
import { closedLoop, fixedRate, type LatencySummary, type Operation, sequential, warmUp } from './load.ts';

export interface LoadPlan {
  /** Fixed-rate run: requests a second and seconds. */
  readonly rate: number;
  readonly rateSeconds: number;
  /** Closed-loop run: concurrent workers and seconds. */
  readonly concurrency: number;
  readonly maxSeconds: number;
}

export interface RateAndMax {
  readonly fixedRate: LatencySummary & { readonly saturated: boolean };
  readonly max: LatencySummary;
}

/** Warms up, then the fixed-rate run and the closed-loop (maximum throughput) run of one operation. */
export async function rateAndMax(op: Operation, plan: LoadPlan, label: string): Promise<RateAndMax> {
  await warmUp(op, 200);
  console.error(`  ${label}: ${plan.rate} req/s for ${plan.rateSeconds} s (open loop)…`);
  const fixed = await fixedRate(op, plan.rate, plan.rateSeconds);
  console.error(`  ${label}: ${plan.concurrency} concurrent for ${plan.maxSeconds} s (closed loop)…`);
  const max = await closedLoop(op, plan.concurrency, plan.maxSeconds);
  return { fixedRate: fixed, max };
}

interface WorklistBody {
  rows: { case: { id: string } }[];
}

/** The adviser's worklist once: its open case ids (at least one, or the bench cannot write notes). */
export async function worklistCaseIds(client: HttpClient, session: Session): Promise<string[]> {
  const body = await getJson<WorklistBody>(client, '/api/worklist', session);
  const ids = body.rows.map((r) => r.case.id);
  if (ids.length === 0) throw new Error('the adviser has no open cases');
  return ids;
}

export const worklistOperation = (client: HttpClient, session: Session) =>
  getOperation(client, '/api/worklist', session);

export interface NoteWriteRun {
  /** Notes filed per second, all writers together (closed loop). */
  readonly notesPerSecond: number;
  /** The latency of one note (all its requests together). */
  readonly perNote: LatencySummary;
}

export interface NoteWrites extends NoteWriteRun {
  /**
   * The headline: one request per note, `POST /api/cases/:id/notes` with `fileNow: true` (written
   * and filed in one transaction).
   */
  readonly perNote: LatencySummary;
  /** The same notes as a draft then filed: `POST /api/cases/:id/notes`, then `POST /api/notes/:id/file`. */
  readonly draftThenFile: NoteWriteRun;
  readonly writers: number;
}

const NOTE_TEXT = [
  'Client called about the rent arrears letter from the housing association; went through the figures.',
  'Checked the universal credit statement: the housing element is missing for two assessment periods.',
  'Explained the options for a discretionary housing payment and the evidence the council will want.',
];

const noteBody = (i: number) => ({
  type: 'advice',
  occurredAt: new Date().toISOString(),
  facts: NOTE_TEXT[i % NOTE_TEXT.length],
  advice: 'Advised to apply for a discretionary housing payment and to keep paying the current rent.',
  actionsAgreed: 'Client to send the last three payslips; adviser to call the landlord on Friday.',
});

/**
 * `writers` advisers' worth of note writing on the adviser's cases for `seconds`, back to back,
 * twice: every note filed in one request (the headline), then every note a draft started and filed
 * (two requests). Filing appends to the audit chain, indexes the text for search and re-assesses
 * the case, in one transaction.
 */
export async function writeNotes(
  client: HttpClient,
  session: Session,
  caseIds: readonly string[],
  writers: number,
  seconds: number,
): Promise<NoteWrites> {
  const caseOf = (i: number) => caseIds[i % caseIds.length] ?? '';
  const fileNow: Operation = async (i) => {
    try {
      const filed = await postJson<{ status: string }>(
        client,
        `/api/cases/${caseOf(i)}/notes`,
        session,
        { ...noteBody(i), fileNow: true },
        201,
      );
      return filed.status === 'filed' ? { ok: true } : { ok: false, error: 'not filed' };
    } catch (error) {
      return outcomeOf(error);
    }
  };
  const draftThenFile: Operation = async (i) => {
    try {
      const draft = await postJson<{ id: string }>(
        client,
        `/api/cases/${caseOf(i)}/notes`,
        session,
        noteBody(i),
        201,
      );
      await postJson(client, `/api/notes/${draft.id}/file`, session, undefined, 200);
      return { ok: true };
    } catch (error) {
      return outcomeOf(error);
    }
  };
  await warmUp(fileNow, 10, 2);
  console.error(`  note writes, one request each: ${writers} writers for ${seconds} s (closed loop)…`);
  const perNote = await closedLoop(fileNow, writers, seconds);
  await warmUp(draftThenFile, 10, 2);
  console.error(`  note writes, draft then file: ${writers} writers for ${seconds} s (closed loop)…`);
  const twoStep = await closedLoop(draftThenFile, writers, seconds);
  return {
    notesPerSecond: perNote.throughput,
    perNote,
    draftThenFile: { notesPerSecond: twoStep.throughput, perNote: twoStep },
    writers,
  };
}

/**
 * Words and phrases of advice notes, each found in the generator's vocabulary
 * (src/domain/synthetic/vocabulary.ts): housing, benefits, debt, employment, and a few rarer ones.
 */
export const SEARCH_QUERIES = [
  'possession claim',
  'universal credit',
  'tribunal',
  'bailiff',
  'council tax',
  'sanction',
  'PIP',
  'rent arrears',
  'mandatory reconsideration',
  'housing element',
  'debt relief order',
  'section 21',
  'landlord',
  'payslips',
  'employment tribunal',
  'disability',
  'food bank',
  'energy arrears',
  'appeal',
  'overpayment',
  'homeless',
  'overdraft',
  'court hearing',
  'payment plan',
];

/** `n` searches one after another, cycling through the queries; every answer must be 200. */
export async function searchSequentially(client: HttpClient, session: Session, n: number) {
  const op = getOperation(
    client,
    (i) => `/api/search?q=${encodeURIComponent(SEARCH_QUERIES[i % SEARCH_QUERIES.length] ?? '')}`,
    session,
  );
  await warmUp(op, SEARCH_QUERIES.length, 1);
  console.error(`  search: ${n} queries one after another…`);
  return { queries: SEARCH_QUERIES.length, ...(await sequential(op, n)) };
}
