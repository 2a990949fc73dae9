import { describe, expect, it } from 'vitest';
import { type CaseStatusState, planStatusChange as plan4, type StatusChangeRequest } from './case-status.ts';

const now = new Date('2026-12-01T10:00:00Z');
const earlier = new Date('2026-11-20T09:30:00Z');

const OPTIONS = { activeOutcomeKeys: ['resolved', 'partly-resolved', 'referred-on'] };
const planStatusChange = (state: CaseStatusState, request: StatusChangeRequest, at: Date) =>
  plan4(state, request, at, OPTIONS);

const open: CaseStatusState = {
  status: 'open',
  holdReason: null,
  outcomeKey: null,
  outcome: null,
  closureReason: null,
  closedAt: null,
};
const onHold: CaseStatusState = { ...open, status: 'on_hold', holdReason: 'Waiting for the DWP decision' };
const closed: CaseStatusState = {
  status: 'closed',
  holdReason: null,
  outcomeKey: 'resolved',
  outcome: 'Sanction overturned',
  closureReason: 'Advice complete',
  closedAt: earlier,
};

const hold: StatusChangeRequest = { status: 'on_hold', reason: '  Client in hospital  ' };
const close: StatusChangeRequest = {
  status: 'closed',
  outcomeKey: 'partly-resolved',
  outcome: 'Debt relief order',
  closureReason: 'Resolved',
};

describe('planStatusChange', () => {
  it('puts an open case on hold with the trimmed reason', () => {
    const plan = planStatusChange(open, hold, now);
    expect(plan).toEqual({
      ok: true,
      next: { ...open, status: 'on_hold', holdReason: 'Client in hospital' },
      changes: [
        { field: 'status', oldValue: 'open', newValue: 'on_hold' },
        { field: 'hold_reason', oldValue: null, newValue: 'Client in hospital' },
      ],
    });
  });

  it('refuses a hold without a reason, naming the field', () => {
    expect(planStatusChange(open, { status: 'on_hold', reason: '   ' }, now)).toEqual({
      ok: false,
      refusal: 'TEXT_REQUIRED',
      field: 'reason',
    });
  });

  it('closes an open case with the outcome key, details, closure reason and the closing time', () => {
    const plan = planStatusChange(open, close, now);
    expect(plan.ok && plan.next).toEqual({
      status: 'closed',
      holdReason: null,
      outcomeKey: 'partly-resolved',
      outcome: 'Debt relief order',
      closureReason: 'Resolved',
      closedAt: now,
    });
    expect(plan.ok && plan.changes.map((c) => c.field)).toEqual([
      'status',
      'outcome_key',
      'outcome',
      'closure_reason',
      'closed_at',
    ]);
  });

  it('closes without outcome details: they are optional (blank counts as none)', () => {
    const plan = planStatusChange(
      open,
      { status: 'closed', outcomeKey: ' resolved ', outcome: '  ', closureReason: 'Done' },
      now,
    );
    expect(plan.ok && plan.next).toMatchObject({ outcomeKey: 'resolved', outcome: null });
    expect(plan.ok && plan.changes.map((c) => c.field)).not.toContain('outcome');
  });

  it.each([
    ['', 'OUTCOME_REQUIRED'],
    ['   ', 'OUTCOME_REQUIRED'],
    ['won', 'OUTCOME_UNKNOWN'],
    // Inactive outcomes are not in the list of active keys the service passes.
    ['no-contact', 'OUTCOME_UNKNOWN'],
  ] as const)('refuses a closure with outcome key %j (%s), naming outcomeKey', (outcomeKey, refusal) => {
    expect(planStatusChange(open, { status: 'closed', outcomeKey, closureReason: 'Done' }, now)).toEqual({
      ok: false,
      refusal,
      field: 'outcomeKey',
    });
  });

  it('refuses every closure while the organisation has no active outcome', () => {
    expect(plan4(open, close, now, { activeOutcomeKeys: [] })).toMatchObject({
      ok: false,
      refusal: 'OUTCOME_UNKNOWN',
    });
  });

  it('closes a case on hold and records that the hold reason ends', () => {
    const plan = planStatusChange(onHold, close, now);
    expect(plan.ok && plan.changes).toContainEqual({
      field: 'hold_reason',
      oldValue: 'Waiting for the DWP decision',
      newValue: null,
    });
    expect(plan.ok && plan.next.holdReason).toBeNull();
  });

  it('refuses a closure without a closure reason', () => {
    expect(
      planStatusChange(open, { status: 'closed', outcomeKey: 'resolved', closureReason: ' ' }, now),
    ).toEqual({ ok: false, refusal: 'TEXT_REQUIRED', field: 'closureReason' });
  });

  it('resumes a case on hold without needing a reason', () => {
    const plan = planStatusChange(onHold, { status: 'open' }, now);
    expect(plan).toEqual({
      ok: true,
      next: open,
      changes: [
        { field: 'status', oldValue: 'on_hold', newValue: 'open' },
        { field: 'hold_reason', oldValue: 'Waiting for the DWP decision', newValue: null },
      ],
    });
  });

  it('reopens a closed case with a reason, and the changes keep the old outcome', () => {
    const plan = planStatusChange(closed, { status: 'open', reason: 'New letter from the council' }, now);
    expect(plan.ok && plan.next).toEqual(open);
    expect(plan.ok && plan.changes).toEqual([
      { field: 'status', oldValue: 'closed', newValue: 'open' },
      { field: 'outcome_key', oldValue: 'resolved', newValue: null },
      { field: 'outcome', oldValue: 'Sanction overturned', newValue: null },
      { field: 'closure_reason', oldValue: 'Advice complete', newValue: null },
      { field: 'closed_at', oldValue: earlier.toISOString(), newValue: null },
    ]);
  });

  it.each([undefined, '', '   '])('refuses to reopen a closed case without a reason (%j)', (reason) => {
    expect(planStatusChange(closed, { status: 'open', reason }, now)).toEqual({
      ok: false,
      refusal: 'REOPEN_REASON_REQUIRED',
      field: 'reason',
    });
  });

  it('refuses to put a closed case on hold: it must be reopened first', () => {
    expect(planStatusChange(closed, hold, now)).toEqual({
      ok: false,
      refusal: 'CLOSED_TO_ON_HOLD',
      field: 'status',
    });
  });

  it.each([
    ['open', open, { status: 'open', reason: 'again' }],
    ['on_hold', onHold, hold],
    ['closed', closed, close],
  ] as const)('refuses a change from %s to itself', (_name, state, request) => {
    expect(planStatusChange(state, request, now)).toEqual({
      ok: false,
      refusal: 'SAME_STATUS',
      field: 'status',
    });
  });
});
