import { describe, expect, it } from 'vitest';
import { annualisedPence, formatPence, penceAsPounds, poundsToPence } from './money.ts';

describe('annualisedPence', () => {
  it('counts weekly × 52, monthly × 12, annual and one-off as they are', () => {
    expect(annualisedPence(2500, 'weekly')).toBe(130_000);
    expect(annualisedPence(10_000, 'monthly')).toBe(120_000);
    expect(annualisedPence(99_999, 'annual')).toBe(99_999);
    expect(annualisedPence(50_000, 'one-off')).toBe(50_000);
  });
});

describe('poundsToPence', () => {
  it.each([
    ['20', 2000],
    ['£1,234.50', 123_450],
    ['0.99', 99],
    ['12.5', 1250],
    [' 7 ', 700],
    ['1000000000', 100_000_000_000],
  ])('%j is %i pence', (text, pence) => {
    expect(poundsToPence(text)).toBe(pence);
  });

  it.each(['', 'abc', '12.345', '-5', '0', '0.00', '1e3', '1000000000.01', '£'])(
    '%j is not an amount',
    (text) => {
      expect(poundsToPence(text)).toBeNull();
    },
  );
});

describe('formatting', () => {
  it('shows pounds with thousands and two decimals', () => {
    expect(formatPence(130_000)).toBe('£1,300.00');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatPence(123_456_789)).toBe('£1,234,567.89');
  });

  it('writes plain decimals of pounds for CSV', () => {
    expect(penceAsPounds(123_450)).toBe('1234.50');
    expect(penceAsPounds(0)).toBe('0.00');
  });
});
