/**
 * Money in whole pence: financial outcomes are stored and sent as pence (no floating point), and
 * income is annualised for reports. Pure.
 */

export const FINANCIAL_FREQUENCIES = ['one-off', 'weekly', 'monthly', 'annual'] as const;
export type FinancialFrequency = (typeof FINANCIAL_FREQUENCIES)[number];

const PER_YEAR: Readonly<Record<FinancialFrequency, number>> = {
  'one-off': 1,
  weekly: 52,
  monthly: 12,
  annual: 1,
};

/**
 * An amount a year: weekly × 52, monthly × 12, annual as is; a one-off amount counts once, as is.
 * @example annualisedPence(2500, 'weekly') // 130000 (£25 a week is £1,300 a year)
 */
export const annualisedPence = (amountPence: number, frequency: FinancialFrequency): number =>
  amountPence * PER_YEAR[frequency];

/** Up to £1,000,000,000 (the column's limit), whole pence. */
export const MAX_AMOUNT_PENCE = 100_000_000_000;

/**
 * Pounds as a person types them ("1,234.5", "£20", "0.99") in whole pence, or null when it is not
 * an amount of pounds and pence above zero.
 * @example poundsToPence('£1,234.50') // 123450
 * @example poundsToPence('12.345') // null (at most two decimals)
 */
export function poundsToPence(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '');
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const pence = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return pence > 0 && pence <= MAX_AMOUNT_PENCE ? pence : null;
}

/**
 * Pence as pounds for people: "£1,234.50".
 * @example formatPence(130000) // '£1,300.00'
 */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.round(pence));
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** Pence as a plain decimal of pounds for CSV ("1234.50"). */
export function penceAsPounds(pence: number): string {
  const abs = Math.abs(Math.round(pence));
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
