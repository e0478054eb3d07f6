import { DomainError, type FieldProblem } from '@cohesion/common';
import { DayOfWeek, SearchArgs, SearchKind, SearchSort } from '@cohesion/directory';
import { listOf, textOf, validated } from '../platform/forms.js';

/** What the service search form sends (a GET form: every value lives in the address). */
export interface SearchForm {
  q: string;
  area: string;
  theme: string;
  type: string;
  postcode: string;
  distance: string;
  age: string;
  free: string;
  day: string;
  time: string;
  sort: string;
  /** The cursors of the pages before this one, oldest first: the last is where this page starts. */
  after: string[];
}

export const PAGE_SIZE = 20;
/** Pages remembered behind the current one (each a cursor in the address). */
const MAX_TRAIL = 50;
const METRES_PER_MILE = 1609.344;
export const MAX_MILES = 60;
const DEFAULT_MILES = '3';

/** The days a person can pick, valued as the search's `dayOfWeek` takes them. */
export const DAYS: { value: string; text: string }[] = [
  { value: DayOfWeek.MONDAY, text: 'Monday' },
  { value: DayOfWeek.TUESDAY, text: 'Tuesday' },
  { value: DayOfWeek.WEDNESDAY, text: 'Wednesday' },
  { value: DayOfWeek.THURSDAY, text: 'Thursday' },
  { value: DayOfWeek.FRIDAY, text: 'Friday' },
  { value: DayOfWeek.SATURDAY, text: 'Saturday' },
  { value: DayOfWeek.SUNDAY, text: 'Sunday' },
];

/** Parts of the day a person can pick, as the search's `openBetween` windows. */
export const TIMES: { value: string; text: string; from: string; to: string }[] = [
  { value: 'morning', text: 'Morning (before midday)', from: '06:00', to: '12:00' },
  { value: 'afternoon', text: 'Afternoon (midday to 5pm)', from: '12:00', to: '17:00' },
  { value: 'evening', text: 'Evening (after 5pm)', from: '17:00', to: '23:59' },
];

/** The form's fields in page order: the error summary lists problems in this order. */
const FIELD_ORDER = ['q', 'area', 'theme', 'type', 'postcode', 'distance', 'age', 'free', 'day', 'time', 'sort'];

export function searchFormOf(query: Record<string, unknown>): SearchForm {
  const text = (name: string) => textOf(query[name]).trim().slice(0, 300);
  return {
    q: text('q'),
    area: text('area'),
    theme: text('theme'),
    type: text('type'),
    postcode: text('postcode'),
    distance: text('distance') || DEFAULT_MILES,
    age: text('age'),
    free: text('free') === 'yes' ? 'yes' : '',
    day: text('day'),
    time: text('time'),
    sort: text('sort') === 'nearest' ? 'nearest' : '',
    after: listOf(query.after).slice(-MAX_TRAIL),
  };
}

/** Any filter chosen besides the words (the page then lists services even with no words). */
export function hasFilters(form: SearchForm): boolean {
  return Boolean(
    form.area || form.theme || form.type || form.postcode || form.age || form.free || form.day || form.time,
  );
}

/** The address of this search with some values changed; a changed search starts again at its first page. */
export function searchHref(form: SearchForm, changes: Partial<SearchForm> = {}, path = '/services'): string {
  const values = { ...form, after: [], ...changes };
  const params = new URLSearchParams();
  for (const name of FIELD_ORDER) {
    const value = values[name as keyof SearchForm] as string;
    if (name === 'distance' && (!values.postcode || value === DEFAULT_MILES)) continue;
    if (name === 'sort' && !values.postcode) continue;
    if (value) params.append(name, value);
  }
  for (const cursor of values.after) params.append('after', cursor);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Words in GOV.UK style for each field's problem, whatever the validator or the service said. */
const MESSAGES: Record<string, (problem: FieldProblem, form: SearchForm) => string> = {
  q: () => 'Search words must be 200 characters or fewer',
  area: () => 'Select an area from the list',
  theme: () => 'Select a theme from the list',
  type: () => 'Select a type of service from the list',
  postcode: (problem, form) =>
    /we know/.test(problem.message)
      ? `We do not know the postcode ${form.postcode}: check it, or enter the first part only, like WS1`
      : 'Enter a real postcode, like WS1 1TP, or the first part of one, like WS1',
  distance: () => `Distance must be a whole number of miles, from 1 to ${MAX_MILES}`,
  age: () => 'Age must be a whole number of years, like 15',
  day: () => 'Select a day from the list',
  time: () => 'Select a time of day from the list',
  sort: () => 'Enter a postcode to sort by distance',
};

/** The form field an API field path belongs to. */
function fieldOf(path: string): string {
  if (path === 'query') return 'q';
  if (path.startsWith('filter.areaIds')) return 'area';
  if (path.startsWith('filter.themeIds')) return 'theme';
  if (path.startsWith('filter.serviceTypeIds')) return 'type';
  if (path.startsWith('filter.near.withinMetres')) return 'distance';
  if (path.startsWith('filter.near')) return 'postcode';
  if (path.startsWith('filter.age')) return 'age';
  if (path.startsWith('filter.dayOfWeek')) return 'day';
  if (path.startsWith('filter.openBetween')) return 'time';
  if (path === 'sort') return 'sort';
  return 'q';
}

/** Problems of the search, named by the page's field ids, in page order, one per field. */
export function formProblems(error: DomainError, form: SearchForm): FieldProblem[] | undefined {
  if (error.code !== 'BAD_USER_INPUT' || !error.details.fields?.length) return undefined;
  const byField = new Map<string, FieldProblem>();
  for (const problem of error.details.fields) {
    // A cursor from an old or edited address: the page simply starts again.
    if (problem.field === 'after') continue;
    const field = fieldOf(problem.field);
    if (!byField.has(field))
      byField.set(field, { field, message: (MESSAGES[field] ?? (() => problem.message))(problem, form) });
  }
  if (byField.size === 0) return undefined;
  return FIELD_ORDER.filter((field) => byField.has(field)).map((field) => byField.get(field) as FieldProblem);
}

function problem(field: string, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { fields: [{ field, message }] });
}

/** A whole number from a form field, or undefined when left empty; a field problem otherwise. */
function wholeNumber(value: string, path: string): number | undefined {
  if (value === '') return undefined;
  if (!/^\d{1,4}$/.test(value)) throw problem(path, 'must be a whole number');
  return Number(value);
}

/**
 * The search's own arguments from the form, validated with the API's SearchArgs (so the
 * page and the API refuse the same things, naming the same fields). Only services are
 * listed; `kinds` keeps people out whoever is looking.
 */
export async function searchArgsOf(form: SearchForm, after?: string): Promise<SearchArgs> {
  const problems: FieldProblem[] = [];
  const filter: Record<string, unknown> = { kinds: [SearchKind.SERVICE] };
  if (form.area) filter.areaIds = [form.area];
  if (form.theme) filter.themeIds = [form.theme];
  if (form.type) filter.serviceTypeIds = [form.type];
  const collect = (work: () => void) => {
    try {
      work();
    } catch (error) {
      if (error instanceof DomainError && error.details.fields) problems.push(...error.details.fields);
      else throw error;
    }
  };
  collect(() => {
    const age = wholeNumber(form.age, 'filter.age');
    if (age !== undefined) filter.age = age;
  });
  if (form.postcode) {
    collect(() => {
      const miles = wholeNumber(form.distance, 'filter.near.withinMetres');
      if (miles === undefined || miles < 1 || miles > MAX_MILES)
        throw problem('filter.near.withinMetres', 'out of range');
      filter.near = { postcode: form.postcode, withinMetres: Math.round(miles * METRES_PER_MILE) };
    });
  }
  if (form.free) filter.freeOnly = true;
  if (form.day) filter.dayOfWeek = form.day;
  if (form.time) {
    const window = TIMES.find((time) => time.value === form.time);
    if (window) filter.openBetween = { from: window.from, to: window.to };
    else problems.push({ field: 'filter.openBetween', message: 'is not a time of day' });
  }
  let args: SearchArgs | undefined;
  try {
    args = await validated(
      SearchArgs,
      {
        query: form.q || undefined,
        filter,
        sort: form.sort === 'nearest' && form.postcode ? SearchSort.NEAREST : SearchSort.RELEVANCE,
        first: PAGE_SIZE,
        after,
      },
      '',
    );
  } catch (error) {
    if (error instanceof DomainError && error.details.fields) problems.push(...error.details.fields);
    else throw error;
  }
  if (problems.length || !args) {
    throw new DomainError('BAD_USER_INPUT', 'The search could not be run', { fields: problems });
  }
  return args;
}
