/**
 * The key dates register grouped for reading: dates that passed while still pending first, then one
 * group per week (Monday to Sunday) with a heading that says which week it is.
 */
import type { KeyDateRegisterRow } from '../../contract/key-date-register.ts';

export interface RegisterGroup {
  /** Stable id for headings: 'missed' or 'week-YYYY-MM-DD' (the Monday). */
  id: string;
  heading: string;
  rows: KeyDateRegisterRow[];
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const epochDay = (date: string) =>
  Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS,
  );

/** The Monday of the week of `date` ('YYYY-MM-DD'). */
export function mondayOf(date: string): string {
  const day = epochDay(date);
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
  const monday = day - ((weekday + 6) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/** "Mon 30 Nov 2026". */
export function longDate(date: string): string {
  const d = new Date(epochDay(date) * DAY_MS);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function weekHeading(monday: string, thisMonday: string): string {
  const weeks = Math.round((epochDay(monday) - epochDay(thisMonday)) / 7);
  const of = `week of ${longDate(monday)}`;
  if (weeks === 0) return `This week (${of})`;
  if (weeks === 1) return `Next week (${of})`;
  return of.charAt(0).toUpperCase() + of.slice(1);
}

/**
 * Groups register rows (already in date order): pending dates before today under "Missed — still
 * pending", the rest by week, each week's heading naming its Monday ("This week", "Next week").
 * @example groupRegister(rows, '2026-11-26').map((g) => g.heading)
 * // ['Missed — still pending', 'This week (week of Mon 23 Nov 2026)', 'Next week (week of Mon 30 Nov 2026)']
 */
export function groupRegister(rows: readonly KeyDateRegisterRow[], today: string): RegisterGroup[] {
  const groups: RegisterGroup[] = [];
  const missed = rows.filter((r) => r.overdue && r.status === 'pending');
  if (missed.length > 0) groups.push({ id: 'missed', heading: 'Missed — still pending', rows: missed });
  const thisMonday = mondayOf(today);
  for (const row of rows) {
    if (row.overdue && row.status === 'pending') continue;
    const monday = mondayOf(row.dueDate);
    const id = `week-${monday}`;
    let group = groups.at(-1);
    if (group?.id !== id) {
      group = { id, heading: weekHeading(monday, thisMonday), rows: [] };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups;
}

/**
 * When a key date is, in words that do not rely on colour: a tag for what needs attention (a missed
 * date, one due today) and the rest as text.
 * @example whenOf({ overdue: true, workingDaysAway: -2, status: 'pending' }) // { tag: 'Missed', text: '2 working days ago' }
 * @example whenOf({ overdue: false, workingDaysAway: 3, status: 'pending' }) // { tag: null, text: 'In 3 working days' }
 */
export function whenOf(row: Pick<KeyDateRegisterRow, 'workingDaysAway' | 'overdue' | 'status'>): {
  tag: 'Missed' | 'Today' | null;
  text: string;
} {
  const days = (n: number) => (n === 1 ? '1 working day' : `${n} working days`);
  if (row.overdue) {
    const ago = -row.workingDaysAway;
    const when = ago > 0 ? `${days(ago)} ago` : 'over the weekend or a bank holiday';
    return row.status === 'pending' ? { tag: 'Missed', text: when } : { tag: null, text: `Passed ${when}` };
  }
  if (row.workingDaysAway === 0) return { tag: 'Today', text: '' };
  return { tag: null, text: `In ${days(row.workingDaysAway)}` };
}
