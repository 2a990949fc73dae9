import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PractitionerLoad, reallocationWhatIf } from './reallocation.ts';

const person = (
  userId: string,
  capacity: number,
  weights: readonly number[],
  prefix = userId,
): PractitionerLoad => ({
  userId,
  capacity,
  cases: weights.map((weight, i) => ({ caseId: `${prefix}-${i + 1}`, weight })),
});

describe('reallocationWhatIf: before and after for both people', () => {
  it('moves the case’s weight from one load to the other and gives both RAGs', () => {
    const from = person('ana', 10, [4, 3.5, 2.75]); // 10.25 of 10: red
    const to = person('ben', 10, [3, 2]); // 5 of 10: blue
    const w = reallocationWhatIf(from, to, 'ana-2');
    expect(w.caseId).toBe('ana-2');
    expect(w.weight).toBe(3.5);
    expect(w.from).toEqual({
      userId: 'ana',
      before: {
        load: 10.25,
        capacity: 10,
        share: 1.025,
        rag: 'red',
        summary: 'Over capacity: 10.25 of 10 points (103%).',
      },
      after: {
        load: 6.75,
        capacity: 10,
        share: 0.675,
        rag: 'blue',
        summary: 'Under-used: 6.75 of 10 points (68%).',
      },
    });
    expect(w.to.userId).toBe('ben');
    expect(w.to.before).toMatchObject({ load: 5, rag: 'blue' });
    expect(w.to.after).toMatchObject({
      load: 8.5,
      rag: 'green',
      summary: 'Within capacity: 8.5 of 10 points (85%).',
    });
    expect(w.warnings).toEqual([]);
  });

  it('warns when the move takes the receiver over capacity', () => {
    const w = reallocationWhatIf(person('ana', 10, [3]), person('ben', 10, [8]), 'ana-1');
    expect(w.to.before.rag).toBe('green');
    expect(w.to.after.rag).toBe('red');
    expect(w.warnings).toEqual([
      'The move takes the new owner over capacity: Over capacity: 11 of 10 points (110%).',
    ]);
  });

  it('warns when the receiver is over capacity already and goes further over', () => {
    const w = reallocationWhatIf(person('ana', 10, [1]), person('ben', 10, [12]), 'ana-1');
    expect(w.warnings).toEqual([
      'The new owner is over capacity already and goes further over: Over capacity: 13 of 10 points (130%).',
    ]);
  });

  it('warns when the move brings the receiver near capacity from below', () => {
    const w = reallocationWhatIf(person('ana', 10, [2]), person('ben', 10, [7.5]), 'ana-1');
    expect(w.to.after).toMatchObject({ load: 9.5, rag: 'amber' });
    expect(w.warnings).toEqual([
      'The move brings the new owner near capacity: Near capacity: 9.5 of 10 points (95%).',
    ]);
  });

  it('does not warn when the receiver stays near capacity, or reaches exactly 100%', () => {
    expect(reallocationWhatIf(person('ana', 10, [0.5]), person('ben', 10, [9]), 'ana-1').warnings).toEqual(
      [],
    );
    const full = reallocationWhatIf(person('ana', 10, [1]), person('ben', 10, [9]), 'ana-1');
    expect(full.to.after).toMatchObject({ load: 10, rag: 'amber' });
    expect(full.warnings).toEqual([]);
  });

  it('warns when the receiver has no capacity at all', () => {
    const w = reallocationWhatIf(person('ana', 10, [1.5]), person('ben', 0, []), 'ana-1');
    expect(w.to.before).toMatchObject({
      rag: 'green',
      summary: 'Within capacity: 0 of 0 points (no capacity set).',
    });
    expect(w.to.after.rag).toBe('red');
    expect(w.warnings).toEqual([
      'The move takes the new owner over capacity: Over capacity: 1.5 of 0 points (no capacity set).',
    ]);
  });

  it('leaves the giver at 0, never below, when the case was all they held', () => {
    const w = reallocationWhatIf(person('ana', 10, [2.5]), person('ben', 10, []), 'ana-1');
    expect(w.from.after).toMatchObject({ load: 0, rag: 'blue' });
  });

  it('follows the thresholds given', () => {
    const t = { underUsedBelow: 0.5, nearFrom: 0.6, overAbove: 0.8 };
    const w = reallocationWhatIf(person('ana', 10, [2]), person('ben', 10, [5]), 'ana-1', t);
    expect(w.to.before.rag).toBe('green');
    expect(w.to.after.rag).toBe('amber');
    expect(w.warnings).toHaveLength(1);
  });
});

describe('reallocationWhatIf: refusals', () => {
  it('refuses a move to the same person', () => {
    const ana = person('ana', 10, [1]);
    expect(() => reallocationWhatIf(ana, ana, 'ana-1')).toThrow(
      new RangeError('The case would stay with the same practitioner.'),
    );
  });

  it('refuses a case that is not on the giver’s caseload', () => {
    expect(() => reallocationWhatIf(person('ana', 10, [1]), person('ben', 10, [1]), 'ben-1')).toThrow(
      /is not on the current owner's caseload/,
    );
  });

  it('refuses a case the receiver holds already', () => {
    const from = person('ana', 10, [1]);
    const to = { ...person('ben', 10, []), cases: [{ caseId: 'ana-1', weight: 1 }] };
    expect(() => reallocationWhatIf(from, to, 'ana-1')).toThrow(/is already theirs/);
  });
});

describe('properties of the what-if', () => {
  const weights = fc.array(
    fc.integer({ min: 1, max: 1000 }).map((n) => n / 100),
    {
      minLength: 1,
      maxLength: 30,
    },
  );
  const capacity = fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100);

  it('conserves the load: what one loses the other gains, to the hundredth', () => {
    fc.assert(
      fc.property(weights, weights, capacity, capacity, fc.nat(), (a, b, ca, cb, pick) => {
        const from = person('ana', ca, a);
        const to = person('ben', cb, b);
        const moving = from.cases[pick % from.cases.length];
        if (!moving) return;
        const w = reallocationWhatIf(from, to, moving.caseId);
        expect(w.weight).toBe(moving.weight);
        const lost = Math.round((w.from.before.load - w.from.after.load) * 100);
        const gained = Math.round((w.to.after.load - w.to.before.load) * 100);
        expect(lost).toBe(Math.round(moving.weight * 100));
        expect(gained).toBe(Math.round(moving.weight * 100));
        // A warning exactly when the receiver ends amber from below or red.
        const warned =
          w.to.after.rag === 'red' || (w.to.after.rag === 'amber' && w.to.before.rag !== 'amber');
        expect(w.warnings.length).toBe(warned ? 1 : 0);
      }),
    );
  });
});
