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
  /** The last day of the activity: the actual end date when given, else the planned one. */
  activityEnd: string;
  /** The activity has ended (before `today`) and the award was paid in full. */
  completed: boolean;
  recipient: { identifier: OrgId; name: string; town: string | null; postcode: string | null };
  /** Beneficiary locations' geoCodes, with the field each came from. */
  geoCodes: { field: string; code: string }[];
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
 * dates (a year, or a year and month), which 360Giving allows for events, are not
 * enough for an award's planned dates.
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

/** The start and end of a 360Giving event (plannedDates / actualDates item). */
function periodOf(event: unknown, field: string, problems: FieldProblem[]): { start: string; end: string } | undefined {
  if (!isObject(event)) {
    problems.push({ field, message: 'must be an object with a startDate' });
    return undefined;
  }
  if (event.startDate === undefined) {
    problems.push({ field: `${field}.startDate`, message: 'is required' });
    return undefined;
  }
  const start = dateOf(event.startDate);
  if ('problem' in start) {
    problems.push({ field: `${field}.startDate`, message: start.problem });
    return undefined;
  }
  if (event.endDate !== undefined) {
    const end = dateOf(event.endDate);
    if ('problem' in end) {
      problems.push({ field: `${field}.endDate`, message: end.problem });
      return undefined;
    }
    if (end.date < start.date) {
      problems.push({ field: `${field}.endDate`, message: `must not be before the startDate (${start.date})` });
      return undefined;
    }
    return { start: start.date, end: end.date };
  }
  if (typeof event.duration === 'number' && event.duration >= 0) {
    return { start: start.date, end: endAfterMonths(start.date, event.duration) };
  }
  problems.push({ field, message: 'needs an endDate or a duration in months' });
  return undefined;
}

/**
 * Reads one grant of a 360Giving package (already checked against the schema, or not:
 * every field is type-checked again here) into an award, or the reasons it cannot be
 * one. `field` names the grant (`grants[3]`); `today` (YYYY-MM-DD) decides whether the
 * activity has ended.
 *
 * Rules: amounts are GBP and become whole pence (amountAwarded more than 0; a fraction of
 * a penny is refused); amountAppliedFor defaults to amountAwarded; amountDisbursed, when
 * given, is paid and at most the amount awarded; plannedDates[0] needs a startDate and an
 * endDate or a duration in months; the recipient is recipientOrganization[0] with an
 * org-id the product knows (grants to individuals are not imported).
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
    else if (grant.amountAppliedFor <= 0) problem('amountAppliedFor', 'must be more than 0');
    else {
      const result = penceOf(grant.amountAppliedFor);
      if ('problem' in result) problem('amountAppliedFor', result.problem);
      else requested = result.pence;
    }
  }

  let paid = 0;
  if (grant.amountDisbursed !== undefined) {
    if (typeof grant.amountDisbursed !== 'number') problem('amountDisbursed', 'must be a number of pounds');
    else if (grant.amountDisbursed < 0) problem('amountDisbursed', 'must not be negative');
    else {
      const result = penceOf(grant.amountDisbursed);
      if ('problem' in result) problem('amountDisbursed', result.problem);
      else if (awarded !== undefined && result.pence > awarded) {
        problem('amountDisbursed', 'must not be more than the amount awarded');
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

  let planned: { start: string; end: string } | undefined;
  if (!Array.isArray(grant.plannedDates) || grant.plannedDates.length === 0) {
    problem('plannedDates', 'is required: a startDate with an endDate or a duration in months');
  } else {
    planned = periodOf(grant.plannedDates[0], at('plannedDates[0]'), problems);
  }

  let actualEnd: string | undefined;
  if (Array.isArray(grant.actualDates) && grant.actualDates.length > 0) {
    const ignored: FieldProblem[] = [];
    actualEnd = periodOf(grant.actualDates[0], at('actualDates[0]'), ignored)?.end;
    for (const item of ignored) warnings.push({ ...item, message: `${item.message}; the actual dates are ignored` });
  }

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
      activityEnd,
      completed: activityEnd < today && paid === awarded,
      recipient,
      geoCodes,
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
    if (parsed.ok) identifier = parsed.value;
    else problems.push({ field: `${field}.id`, message: `"${id}" ${parsed.problem}` });
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
