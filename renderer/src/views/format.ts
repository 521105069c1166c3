/** Dates as the table and the cards show them: short, in the editor's locale. */
const sameYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const otherYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function short(date: Date, now: Date): string {
  return (date.getFullYear() === now.getFullYear() ? sameYear : otherYear).format(date);
}

/** A calendar date ("2026-05-01") read as that day in local time, not as UTC midnight. */
export function parseCalendarDate(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function formatDue(dueDate: string, now = new Date()): string {
  return short(parseCalendarDate(dueDate), now);
}

export function formatUpdated(timestamp: string, now = new Date()): string {
  return short(new Date(timestamp), now);
}

/** Today's date as stored ("YYYY-MM-DD", local time). */
export function todayCalendarDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Past its due date and still open (not published, not dropped). */
export function isOverdue(claim: { dueDate: string | null; status: string }, today: string): boolean {
  return claim.dueDate !== null && claim.dueDate < today && claim.status !== 'published' && claim.status !== 'dropped';
}
