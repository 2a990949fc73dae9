import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './case-clocks.ts';
import { DEFAULT_PRIORITY_POLICY } from './policy.ts';
import { type CurrentAssessment, keyDateLabel, reassess } from './reassessment.ts';

const NOW = new Date('2026-11-26T09:00:00Z');
const CLOCK = { today: '2026-11-26', timeZone: 'Europe/London', nation: 'england-and-wales' } as const;
const FACTS: CaseFacts = {
  safeguardingRaisedAt: null,
  vulnerability: 1,
  impact: 'financial-loss',
  nearestKeyDate: null,
  openedAt: new Date('2026-11-23T10:00:00Z'),
  lastAttentionAt: new Date('2026-11-25T10:00:00Z'),
  firstContactAt: new Date('2026-11-23T11:00:00Z'),
};
const TIMESCALE = { firstContactDays: 5, reviewDays: 20, resolutionDays: 90 };
const run = (facts: Partial<CaseFacts> = {}, current: CurrentAssessment | null = null, policyVersion = 0) =>
  reassess({
    facts: { ...FACTS, ...facts },
    timescale: TIMESCALE,
    policy: DEFAULT_PRIORITY_POLICY,
    policyVersion,
    current,
    clock: CLOCK,
    now: NOW,
  });
const asCurrent = (
  r: ReturnType<typeof run>,
  override: CurrentAssessment['override'] = null,
): CurrentAssessment => ({
  policyVersion: 0,
  score: r.assessment.score,
  band: override?.band ?? r.assessment.band,
  computedBand: r.assessment.computedBand,
  reasons: override ? [`overridden`, ...r.assessment.reasons] : r.assessment.reasons,
  override,
});

describe('reassess', () => {
  it('is a change when there is no current assessment', () => {
    const first = run();
    expect(first.changed).toBe(true);
    expect(first.assessment).toMatchObject({ band: 'green', score: 25 });
    expect(first.turnedRed).toBe(false);
  });

  it('is no change when the same facts give the same result under the same version', () => {
    const first = run();
    expect(run({}, asCurrent(first)).changed).toBe(false);
  });

  it('is a change when only the policy version differs', () => {
    const first = run();
    expect(run({}, asCurrent(first), 2).changed).toBe(true);
  });

  it('is a change when only the reasons differ (the key date moved a day, same points)', () => {
    const before = run({ nearestKeyDate: { date: '2026-12-09', label: 'hearing' } });
    const after = run({ nearestKeyDate: { date: '2026-12-10', label: 'hearing' } }, asCurrent(before));
    expect(after.assessment.score).toBe(before.assessment.score);
    expect(after.changed).toBe(true);
  });

  it('turns red once: red after not red, and not again while it stays red', () => {
    const green = run();
    const red = run({ safeguardingRaisedAt: new Date('2026-11-20T10:00:00Z') }, asCurrent(green));
    expect(red).toMatchObject({ turnedRed: true, changed: true });
    expect(red.assessment.reasons[0]).toBe(
      'Red: safeguarding concern raised 20 Nov; financial loss if not actioned; client vulnerability 1 of 3',
    );
    const still = run({ safeguardingRaisedAt: new Date('2026-11-20T10:00:00Z') }, asCurrent(red));
    expect(still).toMatchObject({ turnedRed: false, changed: false });
  });

  it('carries an override while the computed band is the one overridden', () => {
    const green = run();
    const override = { band: 'amber' as const, rationale: 'Client cannot read English; letters pile up.' };
    const again = run({ lastAttentionAt: new Date('2026-11-26T08:00:00Z') }, asCurrent(green, override));
    expect(again.overrideCarried).toBe(true);
    expect(again.overrideLapsed).toBe(false);
    expect(again.assessment).toMatchObject({ band: 'amber', computedBand: 'green', override });
  });

  it('lets an override lapse when the facts move the computed band', () => {
    const green = run();
    const override = { band: 'amber' as const, rationale: 'Chasing the council this week.' };
    const moved = run(
      { nearestKeyDate: { date: '2026-11-27', label: 'hearing' } },
      asCurrent(green, override),
    );
    expect(moved.overrideCarried).toBe(false);
    expect(moved.overrideLapsed).toBe(true);
    expect(moved.assessment.override).toBeUndefined();
    expect(moved.assessment.band).toBe('red');
    expect(moved.turnedRed).toBe(true);
  });
});

describe('keyDateLabel', () => {
  it('starts a description lower-case to follow "Red: "', () => {
    expect(keyDateLabel('Tribunal appeal deadline')).toBe('tribunal appeal deadline');
  });
  it('keeps abbreviations and collapses spaces', () => {
    expect(keyDateLabel('FtT  appeal\ndeadline')).toBe('FtT appeal deadline');
    expect(keyDateLabel('PIP review')).toBe('PIP review');
    expect(keyDateLabel('A hearing')).toBe('a hearing');
  });
  it('cuts long descriptions', () => {
    const label = keyDateLabel(`Hearing ${'x'.repeat(200)}`);
    expect(label).toHaveLength(80);
    expect(label.endsWith('…')).toBe(true);
  });
});
