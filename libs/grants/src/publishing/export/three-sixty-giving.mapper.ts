import { geoCodeTypeOf } from './geo-code-types.js';
import { mintedOrgId } from './minted-org-id.js';
import type { ThreeSixtyGivingEvent, ThreeSixtyGivingGrant } from './three-sixty-giving.types.js';

/** What every grant of one fund shares. */
export interface PublishedFund {
  fundId: string;
  name: string;
  programmeCode: string;
  grantIdPrefix: string;
  funder: { id: string; name: string };
  /** Where this fund's grants are published (its JSON package). */
  dataSource: string;
}

/** One award as the publishing query reads it. Money is pence. */
export interface AwardRow {
  id: string;
  external_id: string | null;
  status: string;
  project_title: string;
  summary: string;
  amount_requested_pence: number;
  amount_awarded_pence: number;
  paid_pence: number;
  awarded_at: string;
  planned_start: string;
  planned_end: string;
  /** The day (UK time) an award closed early, else null. */
  closed_early_on: string | null;
  updated_at: Date;
  /** False when an imported grant's file gave no planned dates (planned_* then stand in). */
  planned_dates_given: boolean;
  /** From a round of imported past awards, whose file said whether there was an open call (or not). */
  imported: boolean;
  /** An imported award's fromOpenCall; null when its file did not say. */
  from_open_call: boolean | null;
  /**
   * What a recipient without a registered identifier is minted from: the organisation's id
   * when it may be named, else a token keyed with the fund's own secret (no link to the
   * directory, to the recipient's named past, or across funds).
   */
  recipient_token: string;
  /** Null (with the identifiers below) for a recipient not to be named (see `GRANTS_POLICY.recipientNamed`). */
  recipient_name: string | null;
  /** Only for organisations the public directory lists; null otherwise. */
  recipient_town: string | null;
  recipient_postcode: string | null;
  recipient_identifier: string | null;
  charity_number: string | null;
  company_number: string | null;
  /** Beneficiary areas with an ONS code (see the directory's nearestCodedAreaLateral). */
  locations: { name: string; code: string }[];
  themes: { vocabulary: string; code: string; title: string }[];
}

export function grantId(externalId: string | null, grantIdPrefix: string, applicationId: string): string {
  return externalId ?? `${grantIdPrefix}-${applicationId}`;
}

/** Pence to pounds, the unit 360Giving amounts are in. */
export function pounds(pence: number): number {
  return pence / 100;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian), in whole-number arithmetic. */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of `months` calendar months after a date, the day kept within the month (31 Jan + 1 = 28 Feb). */
function monthsLater(year: number, month: number, day: number, months: number): number {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayNumber(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * The length of an activity running from `start` to `end` (both days included), in
 * months: whole calendar months, plus the part of the next month that is left, to one
 * decimal place. 1 June to 31 March is 10; 1 to 15 June is 0.5.
 */
export function durationInMonths(start: string, end: string): number {
  const y1 = Number(start.slice(0, 4));
  const m1 = Number(start.slice(5, 7));
  const d1 = Number(start.slice(8, 10));
  const y2 = Number(end.slice(0, 4));
  const m2 = Number(end.slice(5, 7));
  const d2 = Number(end.slice(8, 10));
  const from = dayNumber(y1, m1, d1);
  // The day after the end: the activity runs to the end of its last day.
  const until = dayNumber(y2, m2, d2) + 1;
  if (until <= from) return 0;
  let months = (y2 - y1) * 12 + (m2 - m1) + 1;
  while (months > 0 && monthsLater(y1, m1, d1, months) > until) months--;
  const anchor = monthsLater(y1, m1, d1, months);
  const part = (until - anchor) / (monthsLater(y1, m1, d1, months + 1) - anchor);
  return Math.round((months + part) * 10) / 10;
}

function event(startDate: string, endDate: string): ThreeSixtyGivingEvent {
  return { startDate, endDate, duration: durationInMonths(startDate, endDate) };
}

/** What a recipient that is not to be named is called, under an identifier minted for it. */
export const WITHHELD_RECIPIENT_NAME = 'Name withheld (not listed publicly)';

/**
 * An award as a 360Giving grant. Only organisations appear (never a person); a
 * recipient's town and postcode only when the public directory lists it, its name and
 * registered identifiers only when listed or with its consent.
 */
export function toThreeSixtyGivingGrant(row: AwardRow, fund: PublishedFund): ThreeSixtyGivingGrant {
  const recipient: ThreeSixtyGivingGrant['recipientOrganization'][number] = {
    id: row.recipient_identifier ?? mintedOrgId(fund.grantIdPrefix, row.recipient_token),
    name: row.recipient_name ?? WITHHELD_RECIPIENT_NAME,
  };
  if (row.charity_number) recipient.charityNumber = row.charity_number;
  if (row.company_number) recipient.companyNumber = row.company_number;
  if (row.recipient_town) recipient.addressLocality = row.recipient_town;
  if (row.recipient_postcode) recipient.postalCode = row.recipient_postcode;

  const grant: ThreeSixtyGivingGrant = {
    id: grantId(row.external_id, fund.grantIdPrefix, row.id),
    title: row.project_title,
    description: row.summary,
    currency: 'GBP',
    amountAppliedFor: pounds(row.amount_requested_pence),
    amountAwarded: pounds(row.amount_awarded_pence),
    amountDisbursed: pounds(row.paid_pence),
    awardDate: row.awarded_at,
    recipientOrganization: [recipient],
    fundingOrganization: [{ id: fund.funder.id, name: fund.funder.name }],
    grantProgramme: [{ code: fund.programmeCode, title: fund.name }],
  };
  if (row.planned_dates_given) grant.plannedDates = [event(row.planned_start, row.planned_end)];
  // Closed early: the activity stopped that day (it is taken to have started as planned).
  if (row.closed_early_on && row.closed_early_on >= row.planned_start) {
    grant.actualDates = [event(row.planned_start, row.closed_early_on)];
  }
  if (row.locations.length > 0) {
    grant.beneficiaryLocation = row.locations.map((area) => {
      const type = geoCodeTypeOf(area.code);
      return { name: area.name, geoCode: area.code, ...(type ? { geoCodeType: type } : {}), countryCode: 'GB' };
    });
  }
  if (row.themes.length > 0) grant.classifications = row.themes;
  // The fund's own rounds are open calls; an imported award says what its file said.
  const openCall = row.imported ? row.from_open_call : true;
  if (openCall !== null) grant.fromOpenCall = openCall ? 'Yes' : 'No';
  grant.dateModified = row.updated_at.toISOString();
  grant.dataSource = fund.dataSource;
  return grant;
}
