import type { SqlParams } from '@cohesion/common';
import { ORG_ID_SCHEMES } from '@cohesion/directory';
import { CHARITY_SCHEMES, COMPANY_SCHEME } from '@cohesion/directory';
import type { ThreeSixtyGivingGrant } from '../export/three-sixty-giving.types.js';

export const DATA_QUALITY_CODES = [
  'ZERO_AMOUNT_AWARDED',
  'AWARD_DATE_IN_FUTURE',
  'PLANNED_START_AFTER_END',
  'MALFORMED_CHARITY_NUMBER',
  'MALFORMED_COMPANY_NUMBER',
  'TITLE_SAME_AS_DESCRIPTION',
  'TITLE_TOO_LONG',
  'EMAIL_IN_TEXT',
  'NO_BENEFICIARY_LOCATION',
] as const;
export type DataQualityCode = (typeof DATA_QUALITY_CODES)[number];

/** One problem found in published grants: how many have it, and a few of their ids. */
export interface DataQualityFinding {
  code: DataQualityCode;
  message: string;
  count: number;
  exampleGrantIds: string[];
}

/** Grant ids kept per problem, to point at where to look. */
export const EXAMPLES_PER_CHECK = 5;
/** 360Giving asks for titles under 140 characters. */
export const TITLE_MAX_LENGTH = 140;
/** Something that looks like an email address (case-insensitive), in JavaScript and PostgreSQL alike. */
const EMAIL_PATTERN = '[A-Z0-9._%+-]+@[A-Z0-9-]+(\\.[A-Z0-9-]+)*\\.[A-Z]{2,}';
const EMAIL = new RegExp(EMAIL_PATTERN, 'i');

const schemesOf = (codes: readonly string[]) => ORG_ID_SCHEMES.filter((scheme) => codes.includes(scheme.code));
const CHARITY = schemesOf(CHARITY_SCHEMES);
const COMPANY = schemesOf([COMPANY_SCHEME]);

/** Title and description compared as a reader would: case, and runs of white space, ignored. */
const normalised = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const firstLetter = (text: string) => text.trimStart().charAt(0).toLowerCase();
function sameText(one: string, other: string): boolean {
  // Most pairs differ at once; normalise the rest.
  return firstLetter(one) === firstLetter(other) && normalised(one) === normalised(other);
}
const hasEmail = (text: string) => text.includes('@') && EMAIL.test(text);
const NORMALISED_SQL = (column: string) =>
  `lower(regexp_replace(regexp_replace(${column}, '^\\s+|\\s+$', '', 'g'), '\\s+', ' ', 'g'))`;
const FIRST_LETTER_SQL = (column: string) => `lower(left(regexp_replace(${column}, '^\\s+', ''), 1))`;

/**
 * A check from the 360Giving data quality guidance. `fails` tests one grant as
 * published (so it can run on any 360Giving grant, ours or a file's); `sql` is the same
 * test over the columns of the fund-level quality query (see DataQualityService), so
 * the fund page and the published file always agree.
 */
export interface DataQualityCheck {
  code: DataQualityCode;
  message: string;
  fails(grant: ThreeSixtyGivingGrant, today: string): boolean;
  sql(params: SqlParams, today: string): string;
}

function matchesNone(value: string | undefined, schemes: typeof ORG_ID_SCHEMES): boolean {
  return value !== undefined && !schemes.some((scheme) => scheme.pattern.test(value));
}

function matchesNoneSql(column: string, schemes: typeof ORG_ID_SCHEMES, params: SqlParams): string {
  const tests = schemes.map((scheme) => `${column} ~ ${params.add(scheme.pattern.source)}`).join(' OR ');
  return `${column} IS NOT NULL AND NOT (${tests})`;
}

const expects = (schemes: typeof ORG_ID_SCHEMES) =>
  schemes.map((scheme) => `${scheme.register}: ${scheme.expects}`).join('; ');

export const DATA_QUALITY_CHECKS: readonly DataQualityCheck[] = [
  {
    code: 'ZERO_AMOUNT_AWARDED',
    message: 'The amount awarded is zero or less; 360Giving data should give the amount actually awarded.',
    fails: (grant) => !(grant.amountAwarded > 0),
    sql: () => 'NOT (amount_awarded_pence > 0)',
  },
  {
    code: 'AWARD_DATE_IN_FUTURE',
    message: 'The award date is in the future; it should be the day the decision to award was made.',
    fails: (grant, today) => grant.awardDate.slice(0, 10) > today,
    sql: (params, today) => `awarded_at > ${params.add(today)}::date`,
  },
  {
    code: 'PLANNED_START_AFTER_END',
    message: 'The planned start date is after the planned end date.',
    fails: (grant) => {
      const dates = grant.plannedDates?.[0];
      return Boolean(dates?.startDate && dates.endDate && dates.startDate.slice(0, 10) > dates.endDate.slice(0, 10));
    },
    sql: () => 'planned_dates_given AND planned_start > planned_end',
  },
  {
    code: 'MALFORMED_CHARITY_NUMBER',
    message: `The recipient’s charity number is not in a register’s format (${expects(CHARITY)}).`,
    fails: (grant) => matchesNone(grant.recipientOrganization[0]?.charityNumber, CHARITY),
    sql: (params) => matchesNoneSql('charity_number', CHARITY, params),
  },
  {
    code: 'MALFORMED_COMPANY_NUMBER',
    message: `The recipient’s company number is not in the register’s format (${expects(COMPANY)}).`,
    fails: (grant) => matchesNone(grant.recipientOrganization[0]?.companyNumber, COMPANY),
    sql: (params) => matchesNoneSql('company_number', COMPANY, params),
  },
  {
    code: 'TITLE_SAME_AS_DESCRIPTION',
    message: 'The title and the description are the same; the description should say what the grant is for.',
    fails: (grant) => sameText(grant.title, grant.description),
    sql: () =>
      `(${FIRST_LETTER_SQL('title')} = ${FIRST_LETTER_SQL('description')}
        AND ${NORMALISED_SQL('title')} = ${NORMALISED_SQL('description')})`,
  },
  {
    code: 'TITLE_TOO_LONG',
    message: `The title is longer than ${TITLE_MAX_LENGTH} characters.`,
    fails: (grant) => [...grant.title].length > TITLE_MAX_LENGTH,
    sql: () => `char_length(title) > ${TITLE_MAX_LENGTH}`,
  },
  {
    code: 'EMAIL_IN_TEXT',
    message:
      'The title or description contains what looks like an email address; published grants should not identify people.',
    fails: (grant) => hasEmail(grant.title) || hasEmail(grant.description),
    sql: (params) => {
      const pattern = params.add(EMAIL_PATTERN);
      return `((strpos(title, '@') > 0 AND title ~* ${pattern}) OR (strpos(description, '@') > 0 AND description ~* ${pattern}))`;
    },
  },
  {
    code: 'NO_BENEFICIARY_LOCATION',
    message: 'No beneficiary location with an ONS code (such as a ward) is given.',
    fails: (grant) => !grant.beneficiaryLocation?.some((location) => location.geoCode),
    sql: () => 'NOT has_location',
  },
];

/** Today's date in the UK, YYYY-MM-DD: the day award dates are compared with. */
export function ukToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Counts problems in grants as they go past (while a file is written or read), keeping
 * a few ids of each: memory stays the same however many grants there are.
 */
export class DataQualityTally {
  private readonly counts = new Map<DataQualityCode, number>();
  private readonly examples = new Map<DataQualityCode, string[]>();

  constructor(private readonly today: string = ukToday()) {}

  observe(grant: ThreeSixtyGivingGrant): void {
    for (const check of DATA_QUALITY_CHECKS) {
      if (!check.fails(grant, this.today)) continue;
      this.counts.set(check.code, (this.counts.get(check.code) ?? 0) + 1);
      const examples = this.examples.get(check.code) ?? [];
      if (examples.length < EXAMPLES_PER_CHECK) examples.push(grant.id);
      this.examples.set(check.code, examples);
    }
  }

  /** The problems found, in the order of DATA_QUALITY_CHECKS. */
  findings(): DataQualityFinding[] {
    return DATA_QUALITY_CHECKS.filter((check) => this.counts.has(check.code)).map((check) => ({
      code: check.code,
      message: check.message,
      count: this.counts.get(check.code) as number,
      exampleGrantIds: this.examples.get(check.code) as string[],
    }));
  }
}
