import type { Environment } from 'nunjucks';

const LONDON = 'Europe/London';
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON });

function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** "4 December 2026" (UK time). */
export function formatDate(value: unknown): string {
  const date = asDate(value);
  return date ? DATE.format(date) : '';
}

/** "4 December 2026 at 2:05pm" (UK time), as GOV.UK writes times. */
export function formatDateTime(value: unknown): string {
  const date = asDate(value);
  if (!date) return '';
  const time = TIME.format(date).replace(/\s/g, '').toLowerCase();
  return `${DATE.format(date)} at ${time === '12:00pm' ? 'midday' : time === '12:00am' ? 'midnight' : time}`;
}

/** "1 person", "3 people": counts in words the way a sentence needs them. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** "HATE_CRIME" -> "Hate crime": an enum value in words. */
export function humanise(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function registerFilters(environment: Environment): void {
  environment.addFilter('date', formatDate);
  environment.addFilter('dateTime', formatDateTime);
  environment.addFilter('plural', plural);
  environment.addFilter('humanise', humanise);
  // The filter MOJ Frontend's timeline formats its dates with: the same words as `date` and `dateTime`.
  environment.addFilter('mojDate', (value: unknown, type?: string) =>
    type === 'datetime' ? formatDateTime(value) : formatDate(value),
  );
  environment.addFilter('number', (value: unknown) => (typeof value === 'number' ? value.toLocaleString('en-GB') : ''));
}
