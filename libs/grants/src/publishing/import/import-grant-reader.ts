import { isLocalDate, normalisePostcode, type FieldProblem } from '@cohesion/common';
import { parseOrgId, type OrgId } from '@cohesion/directory';

/** What one 360Giving grant says about an award, in the product's terms (pence, dates). */
export interface AwardFromGrant {
  grantId: string;
  title: string;
  summary: string;
  amountRequestedPence: number;
  amountAwardedPence: number;
  /** amountDisbursed: what has been paid so far. */
  paidPence: number;
  awardedAt: string;
  plannedStart: string;
  plannedEnd: string;
  /** False when the file gave no plannedDates and the dates above stand in for them. */
  plannedDatesGiven: boolean;
  /** The last day of the activity: the actual end date when given, else the planned one. */
  activityEnd: string;
  /** The activity has ended (before `today`) and the award was paid in full. */
  completed: boolean;
  recipient: { identifier: OrgId; name: string; town: string | null; postcode: string | null };
  /** Beneficiary locations' geoCodes, with the field each came from. */
  geoCodes: { field: string; code: string }[];
  /** Classifications (vocabulary and code, as themes are published), with the field each came from. */
  classifications: { field: string; vocabulary: string; code: string }[];
  /** fromOpenCall: Yes is true, No false, not given null. */
  fromOpenCall: boolean | null;
}

export interface GrantReading {
  grantId: string | null;
  /** Set when the grant has no problems. */
  award: AwardFromGrant | null;
  /** Why it cannot be imported, field by field. */
  problems: FieldProblem[];
  /** Parts that are left out, field by field; the grant still loads. */
  warnings: FieldProblem[];
}

export const MAX_GRANT_ID_LENGTH = 200;
const MAX_TITLE_LENGTH = 200;
const MAX_NAME_LENGTH = 200;
const MAX_TOWN_LENGTH = 100;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The date part of a 360Giving date (YYYY-MM-DD or a date-time), or a problem. Partial
 * dates (a year, or a year and month) are for events only (see `eventDayOf`); an
 * awardDate is a day.
 */
export function dateOf(value: unknown): { date: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: 'must be a date written YYYY-MM-DD, or a date-time' };
  if (/^\d{4}(-\d{2})?$/.test(value)) return { problem: 'must be a full date (YYYY-MM-DD), not a year or month alone' };
  const match = /^(\d{4}-\d{2}-\d{2})(T.+)?$/.exec(value);
  if (!match) return { problem: 'must be a date written YYYY-MM-DD, or a date-time' };
  if (!isLocalDate(match[1])) return { problem: `${value.slice(0, 10)} is not a calendar date` };
  return { date: match[1] };
}

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last day of an activity that starts on `start` and lasts `months`: the day before
 * the same day `months` later (the 31st becomes the month's last day), so 12 months from
 * 2024-06-01 ends on 2025-05-31. A fraction of a month counts as that share of 30 days.
 */
export function endAfterMonths(start: string, months: number): string {
  if (months <= 0) return start;
  const whole = Math.floor(months);
  const [year, month, day] = start.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month - 1 + whole + 1, 0)).getUTCDate();
  const same = new Date(Date.UTC(year, month - 1 + whole, Math.min(day, lastDay))).toISOString().slice(0, 10);
  const end = addDays(same, Math.round((months - whole) * 30) - 1);
  return end < start ? start : end;
}

/** Pounds (a JSON number) as whole pence, or a problem: never a fraction of a penny. */
function penceOf(value: number): { pence: number } | { problem: string } {
  const pence = Math.round(value * 100);
  if (Math.abs(pence - value * 100) > 1e-6) return { problem: 'must be in whole pence (at most 2 decimal places)' };
  if (!Number.isSafeInteger(pence)) return { problem: 'is too large' };
  return { pence };
}

/**
 * The first (`from: 'start'`) or last day of a 360Giving event date, which may be a
 * year (`2024`) or a year and month (`2024-06`) alone: 2024-06 starts on 2024-06-01 and
 * ends on 2024-06-30. Says in `note` when a partial date was made a day.
 */
function eventDayOf(value: unknown, from: 'start' | 'end'): { date: string; note?: string } | { problem: string } {
  const partial = typeof value === 'string' ? /^(\d{4})(?:-(0[1-9]|1[012]))?$/.exec(value) : null;
  if (!partial) return dateOf(value);
  const year = Number(partial[1]);
  const first = partial[2] ? Number(partial[2]) : 1;
  const last = partial[2] ? first : 12;
  const date =
    from === 'start'
      ? `${partial[1]}-${String(first).padStart(2, '0')}-01`
      : new Date(Date.UTC(year, last, 0)).toISOString().slice(0, 10);
  return { date, note: `${partial[0]} is recorded as ${date}` };
}

interface Period {
  start: string;
  /** Undefined when the event gives neither an endDate nor a duration and `openEnded` was asked. */
  end: string | undefined;
}

/**
 * The first and last day of a 360Giving event (a plannedDates or actualDates item). The
 * standard makes every part optional and allows partial dates; our awards hold a start
 * and an end day, so what is missing is filled in, each with a warning saying how: no
 * startDate starts on `fallbackStart` (the award date), or on the endDate when that is
 * earlier; no endDate ends after the duration, else (unless `openEnded`) on the start.
 */
function periodOf(
  event: unknown,
  field: string,
  fallbackStart: string,
  problems: FieldProblem[],
  warnings: FieldProblem[],
  openEnded = false,
): Period | undefined {
  if (!isObject(event)) {
    problems.push({ field, message: 'must be an object' });
    return undefined;
  }
  const day = (name: 'startDate' | 'endDate') => {
    if (event[name] === undefined) return undefined;
    const result = eventDayOf(event[name], name === 'startDate' ? 'start' : 'end');
    if ('problem' in result) problems.push({ field: `${field}.${name}`, message: result.problem });
    else if (result.note) warnings.push({ field: `${field}.${name}`, message: result.note });
    return result;
  };
  const startDay = day('startDate');
  const endDay = day('endDate');
  if ((startDay && 'problem' in startDay) || (endDay && 'problem' in endDay)) return undefined;
  let end = endDay?.date;
  let start = startDay?.date;
  if (start === undefined) {
    start = end !== undefined && end < fallbackStart ? end : fallbackStart;
    warnings.push({
      field: `${field}.startDate`,
      message: `not given; the start is recorded as ${start} (the ${start === fallbackStart ? 'award' : 'end'} date)`,
    });
  }
  if (end === undefined && event.duration !== undefined) {
    if (typeof event.duration === 'number' && event.duration >= 0) end = endAfterMonths(start, event.duration);
    else {
      problems.push({ field: `${field}.duration`, message: 'must be a number of months, 0 or more' });
      return undefined;
    }
  }
  if (end === undefined && !openEnded) {
    end = start;
    warnings.push({
      field: `${field}.endDate`,
      message: `not given, nor a duration; the end is recorded as ${start} (the start date)`,
    });
  }
  if (end !== undefined && end < start) {
    // 360Giving's Data Quality Tool only warns; our awards end on or after their start.
    warnings.push({
      field: `${field}.endDate`,
      message: `${end} is before the startDate (${start}); the end is recorded as ${start}`,
    });
    end = start;
  }
  return { start, end };
}

/**
 * Reads one grant of a 360Giving package (already checked against the schema, or not:
 * every field is type-checked again here) into an award, or the reasons it cannot be
 * one. `field` names the grant (`grants[3]`); `today` (YYYY-MM-DD) decides whether the
 * activity has ended.
 *
 * Rules: amounts are GBP and become whole pence (amountAwarded more than 0; a fraction of
 * a penny is refused); amountAppliedFor defaults to amountAwarded, and stands for it (with
 * a warning) when 0; amountDisbursed is what was paid, at most the amount awarded (more is
 * recorded as paid in full, with a warning); plannedDates, and each of its parts, are
 * optional as in the standard (see `periodOf` for what stands in, with a warning); the
 * recipient is recipientOrganization[0] with an org-id the product knows (grants to
 * individuals are not imported).
 */
export function readGrant(grant: unknown, field: string, today: string): GrantReading {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  if (!isObject(grant)) {
    return { grantId: null, award: null, problems: [{ field, message: 'must be an object' }], warnings };
  }
  const at = (name: string) => `${field}.${name}`;
  const problem = (name: string, message: string) => problems.push({ field: at(name), message });

  const grantId = text(grant.id) ?? null;
  if (grantId === null) problem('id', 'is required');
  else if (grantId.length > MAX_GRANT_ID_LENGTH) problem('id', `must be at most ${MAX_GRANT_ID_LENGTH} characters`);

  const title = text(grant.title);
  if (!title) problem('title', 'is required');
  else if (title.length > MAX_TITLE_LENGTH) problem('title', `must be at most ${MAX_TITLE_LENGTH} characters`);
  const summary = text(grant.description);
  if (!summary) problem('description', 'is required');

  if (grant.currency !== 'GBP') {
    problem('currency', `must be GBP${typeof grant.currency === 'string' ? ` (not ${grant.currency})` : ''}`);
  }

  let awarded: number | undefined;
  if (grant.amountAwarded === undefined) problem('amountAwarded', 'is required');
  else if (typeof grant.amountAwarded !== 'number') problem('amountAwarded', 'must be a number of pounds');
  else if (grant.amountAwarded <= 0) problem('amountAwarded', 'must be more than 0');
  else {
    const result = penceOf(grant.amountAwarded);
    if ('problem' in result) problem('amountAwarded', result.problem);
    else awarded = result.pence;
  }

  let requested = awarded;
  if (grant.amountAppliedFor !== undefined) {
    if (typeof grant.amountAppliedFor !== 'number') problem('amountAppliedFor', 'must be a number of pounds');
    else if (grant.amountAppliedFor <= 0) {
      // Valid 360Giving (the Data Quality Tool only warns), but an application asks for something.
      warnings.push({
        field: at('amountAppliedFor'),
        message: `is ${grant.amountAppliedFor}; the amount requested is recorded as the amount awarded`,
      });
    } else {
      const result = penceOf(grant.amountAppliedFor);
      if ('problem' in result) problem('amountAppliedFor', result.problem);
      else requested = result.pence;
    }
  }

  let paid = 0;
  if (grant.amountDisbursed !== undefined) {
    if (typeof grant.amountDisbursed !== 'number') problem('amountDisbursed', 'must be a number of pounds');
    else if (grant.amountDisbursed < 0) {
      warnings.push({ field: at('amountDisbursed'), message: `is ${grant.amountDisbursed}; recorded as nothing paid` });
    } else {
      const result = penceOf(grant.amountDisbursed);
      if ('problem' in result) problem('amountDisbursed', result.problem);
      else if (awarded !== undefined && result.pence > awarded) {
        // Valid 360Giving (the Data Quality Tool only warns); an award here pays at most its amount.
        warnings.push({
          field: at('amountDisbursed'),
          message: `${grant.amountDisbursed} is more than the amount awarded (${awarded / 100}); recorded as paid in full`,
        });
        paid = awarded;
      } else paid = result.pence;
    }
  }

  let awardedAt: string | undefined;
  if (grant.awardDate === undefined) problem('awardDate', 'is required');
  else {
    const result = dateOf(grant.awardDate);
    if ('problem' in result) problem('awardDate', result.problem);
    else awardedAt = result.date;
  }

  let actual: Period | undefined;
  if (Array.isArray(grant.actualDates) && grant.actualDates.length > 0 && awardedAt !== undefined) {
    const ignored: FieldProblem[] = [];
    const notes: FieldProblem[] = [];
    actual = periodOf(grant.actualDates[0], at('actualDates[0]'), awardedAt, ignored, notes, true);
    if (actual) warnings.push(...notes);
    for (const item of ignored) warnings.push({ ...item, message: `${item.message}; the actual dates are ignored` });
  }

  let planned: { start: string; end: string; given: boolean } | undefined;
  if (awardedAt !== undefined) {
    if (Array.isArray(grant.plannedDates) && grant.plannedDates.length > 0) {
      const period = periodOf(grant.plannedDates[0], at('plannedDates[0]'), awardedAt, problems, warnings);
      if (period?.end !== undefined) planned = { start: period.start, end: period.end, given: true };
    } else {
      // No plan given: the activity as it happened, else the award date, stands for it.
      const start = actual?.start ?? awardedAt;
      const end = actual?.end ?? start;
      planned = { start, end, given: false };
      warnings.push({
        field: at('plannedDates'),
        message: `not given; the award's timeline runs ${start} to ${end} (${actual ? 'the actual dates' : 'the award date'}), and no planned dates are published for it`,
      });
    }
  }
  const actualEnd = actual?.end;

  let recipient: AwardFromGrant['recipient'] | undefined;
  const organisations = grant.recipientOrganization;
  if (!Array.isArray(organisations) || organisations.length === 0) {
    problem(
      'recipientOrganization',
      grant.recipientIndividual !== undefined
        ? 'is required: grants to individuals are not imported'
        : 'is required: the organisation that received the grant',
    );
  } else {
    recipient = recipientOf(organisations[0], at('recipientOrganization[0]'), problems, warnings);
    if (organisations.length > 1) {
      warnings.push({
        field: at('recipientOrganization'),
        message: `only the first of ${organisations.length} recipient organisations is imported`,
      });
    }
  }

  const geoCodes: AwardFromGrant['geoCodes'] = [];
  if (Array.isArray(grant.beneficiaryLocation)) {
    grant.beneficiaryLocation.forEach((location, index) => {
      const code = isObject(location) ? text(location.geoCode) : undefined;
      if (code) geoCodes.push({ field: at(`beneficiaryLocation[${index}].geoCode`), code });
    });
  }

  const classifications: AwardFromGrant['classifications'] = [];
  if (Array.isArray(grant.classifications)) {
    grant.classifications.forEach((item, index) => {
      const vocabulary = isObject(item) ? text(item.vocabulary) : undefined;
      const code = isObject(item) ? text(item.code) : undefined;
      if (vocabulary && code) classifications.push({ field: at(`classifications[${index}]`), vocabulary, code });
    });
  }
  const fromOpenCall = grant.fromOpenCall === 'Yes' ? true : grant.fromOpenCall === 'No' ? false : null;

  if (
    problems.length > 0 ||
    grantId === null ||
    !title ||
    !summary ||
    awarded === undefined ||
    requested === undefined ||
    awardedAt === undefined ||
    planned === undefined ||
    recipient === undefined
  ) {
    return { grantId, award: null, problems, warnings };
  }
  const activityEnd = actualEnd ?? planned.end;
  return {
    grantId,
    award: {
      grantId,
      title,
      summary,
      amountRequestedPence: requested,
      amountAwardedPence: awarded,
      paidPence: paid,
      awardedAt,
      plannedStart: planned.start,
      plannedEnd: planned.end,
      plannedDatesGiven: planned.given,
      activityEnd,
      completed: activityEnd < today && paid === awarded,
      recipient,
      geoCodes,
      classifications,
      fromOpenCall,
    },
    problems,
    warnings,
  };
}

function recipientOf(
  organisation: unknown,
  field: string,
  problems: FieldProblem[],
  warnings: FieldProblem[],
): AwardFromGrant['recipient'] | undefined {
  if (!isObject(organisation)) {
    problems.push({ field, message: 'must be an object with an id and a name' });
    return undefined;
  }
  const name = text(organisation.name);
  if (!name) problems.push({ field: `${field}.name`, message: 'is required' });
  else if (name.length > MAX_NAME_LENGTH) {
    problems.push({ field: `${field}.name`, message: `must be at most ${MAX_NAME_LENGTH} characters` });
  }
  const id = text(organisation.id);
  let identifier: OrgId | undefined;
  if (!id) problems.push({ field: `${field}.id`, message: 'is required' });
  else {
    const parsed = parseOrgId(id);
    if (parsed.ok) {
      identifier = parsed.value;
      if (parsed.note) warnings.push({ field: `${field}.id`, message: parsed.note });
    } else problems.push({ field: `${field}.id`, message: `"${id}" ${parsed.problem}` });
  }
  let town = text(organisation.addressLocality) ?? null;
  if (town && town.length > MAX_TOWN_LENGTH) {
    warnings.push({
      field: `${field}.addressLocality`,
      message: `is longer than ${MAX_TOWN_LENGTH} characters; left out`,
    });
    town = null;
  }
  const postalCode = text(organisation.postalCode);
  const postcode = postalCode ? (normalisePostcode(postalCode) ?? null) : null;
  if (postalCode && !postcode) {
    warnings.push({ field: `${field}.postalCode`, message: `"${postalCode}" is not a full UK postcode; left out` });
  }
  if (!name || !identifier) return undefined;
  return { identifier, name, town, postcode };
}
