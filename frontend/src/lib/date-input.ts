/**
 * `<input type="date">` speaks local calendar days; the API speaks instants. A day picked as a
 * deadline or target means "by the end of that day" where the user is, so a task due today is
 * not overdue before tonight.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function toDateInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromDateInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999).toISOString();
}
