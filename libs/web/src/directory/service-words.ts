import { ScheduleFrequency, type CostOption, type Schedule } from '@cohesion/directory';
import { formatDate } from '../platform/view-filters.js';

/*
 * A service's Open Referral UK data in words: when it runs, what it costs, who it is for.
 * Pure functions, so each reading is tested on its own.
 */

const DAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ORDINALS: Record<string, string> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '5': 'fifth',
  '-1': 'last',
  '-2': 'second to last',
};

/** "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "10am", "10:30am", "midday", "midnight", from "HH:MM" or "HH:MM:SS". */
export function timeInWords(value: string | null | undefined): string {
  const match = /^(\d{2}):(\d{2})/.exec(value ?? '');
  if (!match) return '';
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes === 0 && hours === 12) return 'midday';
  if (minutes === 0 && hours === 0) return 'midnight';
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour}${minutes ? `:${match[2]}` : ''}${hours < 12 ? 'am' : 'pm'}`;
}

function timesInWords(schedule: Pick<Schedule, 'opensAt' | 'closesAt'>): string {
  const opens = timeInWords(schedule.opensAt);
  const closes = timeInWords(schedule.closesAt);
  if (opens && closes) return `${opens} to ${closes}`;
  if (opens) return `from ${opens}`;
  if (closes) return `until ${closes}`;
  return '';
}

interface DayRule {
  ordinal: string | undefined;
  day: string;
}

function daysOf(byday: string | null): DayRule[] {
  return (byday ?? '')
    .split(',')
    .map((part) => /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ ordinal: match[1], day: match[2] }));
}

/** "First and third Monday of the month", "Last Friday of the month". */
function monthlyDays(rules: DayRule[]): string {
  const byDay = new Map<string, string[]>();
  for (const rule of rules) {
    const ordinals = byDay.get(rule.day) ?? [];
    ordinals.push(rule.ordinal ? (ORDINALS[rule.ordinal] ?? rule.ordinal) : 'every');
    byDay.set(rule.day, ordinals);
  }
  const parts = [...byDay.entries()].map(([day, ordinals]) =>
    ordinals.includes('every') ? `every ${DAY_NAMES[day]}` : `${listInWords(ordinals)} ${DAY_NAMES[day]}`,
  );
  return `${listInWords(parts)} of the month`;
}

/**
 * A schedule as a person reads it: "Tuesdays, 10am to midday", "Every other Monday,
 * 6pm to 8pm", "First Monday of the month", with its dates and note when it has them.
 */
export function scheduleInWords(schedule: Schedule): string {
  const rules = daysOf(schedule.byday);
  const interval = schedule.interval ?? 1;
  const monthly = schedule.freq === ScheduleFrequency.MONTHLY || rules.some((rule) => rule.ordinal);
  let when = '';
  if (rules.length && monthly) {
    when = monthlyDays(rules);
    if (interval === 2) when += ', every other month';
    else if (interval > 2) when += `, every ${interval} months`;
  } else if (rules.length) {
    const days = listInWords(rules.map((rule) => DAY_NAMES[rule.day]));
    const plural = listInWords(rules.map((rule) => `${DAY_NAMES[rule.day]}s`));
    if (interval === 2) when = `every other ${days}`;
    else if (interval > 2) when = `every ${interval} weeks on ${days}`;
    else when = plural;
  } else if (schedule.freq === ScheduleFrequency.MONTHLY) {
    when = interval > 1 ? `every ${interval} months` : 'monthly';
  } else if (schedule.freq === ScheduleFrequency.WEEKLY) {
    when = interval === 2 ? 'every other week' : interval > 2 ? `every ${interval} weeks` : 'weekly';
  }
  const times = timesInWords(schedule);
  let words = [when, times].filter(Boolean).join(', ');
  const from = formatDate(schedule.validFrom);
  const to = formatDate(schedule.validTo);
  if (from && to) words += `${words ? ' ' : ''}(from ${from} to ${to})`;
  else if (from) words += `${words ? ' ' : ''}(from ${from})`;
  else if (to) words += `${words ? ' ' : ''}(until ${to})`;
  if (schedule.description) words = words ? `${words}. ${schedule.description}` : schedule.description;
  return capitalise(words.trim());
}

/** "£3.50"; "£12" for whole pounds. */
export function poundsOf(pence: number): string {
  const pounds = pence / 100;
  return `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}

/** One cost option: "Free", "£3.50 per session", with its note and dates. */
export function costInWords(cost: CostOption): string {
  const amount = cost.amountPence === null ? '' : cost.amountPence === 0 ? 'Free' : poundsOf(cost.amountPence);
  const parts = [amount, cost.option].filter(Boolean).join(amount && cost.option ? ' – ' : '');
  let words = parts;
  if (cost.amountDescription) words = words ? `${words} (${cost.amountDescription})` : cost.amountDescription;
  const from = formatDate(cost.validFrom);
  const to = formatDate(cost.validTo);
  if (from || to) words += from && to ? `, from ${from} to ${to}` : from ? `, from ${from}` : `, until ${to}`;
  return capitalise(words.trim());
}

/** Free when it has cost options and every one is free. */
export function isFree(costs: CostOption[]): boolean {
  return costs.length > 0 && costs.every((cost) => cost.amountPence === 0);
}

/** "Ages 13 to 19", "Ages 18 and over", "Up to 11 years old", "All ages". */
export function agesInWords(minimum: number | null, maximum: number | null): string {
  if (minimum !== null && maximum !== null)
    return minimum === maximum ? `Age ${minimum}` : `Ages ${minimum} to ${maximum}`;
  if (minimum !== null && minimum > 0) return `Ages ${minimum} and over`;
  if (maximum !== null) return `Up to ${maximum} years old`;
  return 'All ages';
}

/** "0.4 miles", "3 miles": a distance as people in the UK say it. */
export function milesInWords(metres: number | null | undefined): string {
  if (metres === null || metres === undefined) return '';
  const miles = metres / 1609.344;
  if (miles < 0.1) return 'less than 0.1 miles';
  const rounded = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  return `${rounded.toLocaleString('en-GB')} ${rounded === 1 ? 'mile' : 'miles'}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d{1,7});/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * A search highlight as HTML that can only ever hold text and <mark>: the search marks
 * matched words with <mark> and escapes the rest; here everything is read back as text,
 * escaped again, and only balanced highlight markers become <mark> once more.
 */
export function safeHighlight(highlight: string | null | undefined): string {
  if (!highlight) return '';
  let open = false;
  let html = '';
  for (const piece of highlight.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' && !open) {
      html += '<mark>';
      open = true;
    } else if (piece === '</mark>' && open) {
      html += '</mark>';
      open = false;
    } else if (piece !== '<mark>' && piece !== '</mark>') {
      html += escapeHtml(decodeEntities(piece));
    }
  }
  return open ? `${html}</mark>` : html;
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` as \u escapes
 * (so no text inside can close the element or open a comment), and the line separators
 * JavaScript parsers trip on.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
