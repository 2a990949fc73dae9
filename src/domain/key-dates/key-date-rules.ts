/**
 * Rules of key dates (deadlines, hearings, appointments…): a pending date can be edited; any
 * status can be corrected to another, but setting the status it already has is a mistake.
 */

export type KeyDateStatus = 'pending' | 'met' | 'missed' | 'cancelled';

/** Only a pending key date can be edited: a met, missed or cancelled one is history. */
export const canEditKeyDate = (status: KeyDateStatus): boolean => status === 'pending';

/** Why a key date cannot move from `from` to `to`, or undefined when it can. */
export function keyDateStatusProblem(from: KeyDateStatus, to: KeyDateStatus): string | undefined {
  if (from === to) return `This key date is already ${to}.`;
  return undefined;
}

/** 'HH:MM' of a PostgreSQL time value ('HH:MM:SS'), or null. */
export const hoursAndMinutes = (time: string | null): string | null =>
  time === null ? null : time.slice(0, 5);
