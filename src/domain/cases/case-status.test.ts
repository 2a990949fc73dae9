import { describe, expect, it } from 'vitest';
import { type CaseStatusState, planStatusChange, type StatusChangeRequest } from './case-status.ts';

const now = new Date('2026-12-01T10:00:00Z');
const earlier = new Date('2026-11-20T09:30:00Z');

const open: CaseStatusState = {
  status: 'open',
  holdReason: null,
  outcome: null,
  closureReason: null,
  closedAt: null,
};
const onHold: CaseStatusState = { ...open, status: 'on_hold', holdReason: 'Waiting for the DWP decision' };
const closed: CaseStatusState = {
  status: 'closed',
  holdReason: null,
  outcome: 'Sanction overturned',
  closureReason: 'Advice complete',
  closedAt: earlier,
};

const hold: StatusChangeRequest = { status: 'on_hold', reason: '  Client in hospital  ' };
const close: StatusChangeRequest = {
  status: 'closed',
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

  it('closes an open case with outcome, closure reason and the closing time', () => {
    const plan = planStatusChange(open, close, now);
    expect(plan.ok && plan.next).toEqual({
      status: 'closed',
      holdReason: null,
      outcome: 'Debt relief order',
      closureReason: 'Resolved',
      closedAt: now,
    });
    expect(plan.ok && plan.changes.map((c) => c.field)).toEqual([
      'status',
      'outcome',
      'closure_reason',
      'closed_at',
    ]);
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

  it.each([
    ['outcome', { status: 'closed', outcome: ' ', closureReason: 'Resolved' }],
    ['closureReason', { status: 'closed', outcome: 'Won', closureReason: '' }],
  ] as const)('refuses a closure without %s', (field, request) => {
    expect(planStatusChange(open, request, now)).toEqual({ ok: false, refusal: 'TEXT_REQUIRED', field });
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
