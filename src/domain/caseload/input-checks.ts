/**
 * Guards for the numbers the caseload calculations take. They throw RangeError: a bad figure is a
 * caller's mistake (the edge validates user input with zod before it reaches the domain).
 */

export interface NumberRule {
  /** Smallest allowed value (inclusive). */
  readonly min?: number;
  /** Whether the value must be a whole number. */
  readonly integer?: boolean;
}

/**
 * Returns `value` when it is a finite number obeying `rule`.
 *
 * @example
 * checkNumber(3, 'effortHours', { min: 0 }); // 3
 * checkNumber(-1, 'effortHours', { min: 0 }); // throws RangeError
 * @throws RangeError naming `what` when the value is not finite, below `min` or not whole.
 */
export function checkNumber(value: number, what: string, rule: NumberRule = {}): number {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number; got ${value}.`);
  if (rule.min !== undefined && value < rule.min) {
    throw new RangeError(`${what} must be at least ${rule.min}; got ${value}.`);
  }
  if (rule.integer && !Number.isInteger(value)) {
    throw new RangeError(`${what} must be a whole number; got ${value}.`);
  }
  return value;
}

/**
 * Throws when two items share a case id: every figure is per case, so a duplicate is a mistake.
 *
 * @throws RangeError naming the duplicated case id.
 */
export function checkUniqueCaseIds(items: readonly { readonly caseId: string }[]): void {
  const seen = new Set<string>();
  for (const { caseId } of items) {
    if (seen.has(caseId)) throw new RangeError(`Case ${caseId} appears more than once.`);
    seen.add(caseId);
  }
}
