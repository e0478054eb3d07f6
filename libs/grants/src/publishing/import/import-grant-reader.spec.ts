import { describe, expect, it } from '@jest/globals';
import { describeSchemaErrors, threeSixtyGivingValidators } from '../three-sixty-giving-schema.js';
import { dateOf, endAfterMonths, readGrant } from './import-grant-reader.js';

const TODAY = '2026-01-15';

function grant(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '360G-walsall-1',
    title: 'Youth football',
    description: 'Weekly sessions.',
    currency: 'GBP',
    amountAwarded: 1500,
    awardDate: '2024-05-14',
    plannedDates: [{ startDate: '2024-06-01', endDate: '2025-03-31' }],
    recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
    fundingOrganization: [{ id: 'GB-LAE-WLL', name: 'Walsall Council' }],
    ...fields,
  };
}

const reasons = (fields: Record<string, unknown>) =>
  readGrant(grant(fields), 'grants[0]', TODAY).problems.map((problem) => `${problem.field}: ${problem.message}`);

describe('reading a 360Giving grant', () => {
  it('ends a duration the day before the same date so many months later', () => {
    expect(endAfterMonths('2024-06-01', 12)).toBe('2025-05-31');
    expect(endAfterMonths('2024-01-31', 1)).toBe('2024-02-28');
    expect(endAfterMonths('2024-06-01', 0)).toBe('2024-06-01');
    expect(endAfterMonths('2024-06-01', 0.5)).toBe('2024-06-15');
  });

  it('takes the date part of a date-time and refuses dates that are not on the calendar', () => {
    expect(dateOf('2024-07-02T10:15:00Z')).toEqual({ date: '2024-07-02' });
    expect(dateOf('2024-02-30')).toEqual({ problem: '2024-02-30 is not a calendar date' });
    expect(dateOf('2024-06')).toHaveProperty('problem');
  });

  it('turns pounds into pence and reads the recipient’s org-id', () => {
    const { award, problems } = readGrant(
      grant({ amountAwarded: 4500.5, amountAppliedFor: 5000, amountDisbursed: 4500.5 }),
      'grants[0]',
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(award).toMatchObject({
      amountAwardedPence: 450_050,
      amountRequestedPence: 500_000,
      paidPence: 450_050,
      plannedEnd: '2025-03-31',
      completed: true,
      recipient: { identifier: { scheme: 'GB-CHC', identifier: '1123456' } },
    });
  });

  it('is completed only once the activity has ended and it was paid in full', () => {
    const read = (fields: Record<string, unknown>) => readGrant(grant(fields), 'grants[0]', TODAY).award?.completed;
    expect(read({ amountDisbursed: 1500 })).toBe(true);
    expect(read({ amountDisbursed: 1000 })).toBe(false);
    expect(read({ amountDisbursed: 1500, plannedDates: [{ startDate: '2025-06-01', endDate: '2026-05-31' }] })).toBe(
      false,
    );
    // The actual end date wins over the planned one.
    expect(
      read({
        amountDisbursed: 1500,
        plannedDates: [{ startDate: '2025-06-01', endDate: '2026-05-31' }],
        actualDates: [{ startDate: '2025-06-01', endDate: '2025-12-31' }],
      }),
    ).toBe(true);
  });

  it('names the field of every problem', () => {
    expect(reasons({ amountAwarded: 0 })).toEqual(['grants[0].amountAwarded: must be more than 0']);
    expect(reasons({ amountAwarded: 10.005 })).toEqual([
      'grants[0].amountAwarded: must be in whole pence (at most 2 decimal places)',
    ]);
    expect(reasons({ currency: 'EUR' })).toEqual(['grants[0].currency: must be GBP (not EUR)']);
    expect(reasons({ recipientOrganization: [{ id: 'GB-CHC-12', name: 'Tiny' }] })).toEqual([
      'grants[0].recipientOrganization[0].id: "GB-CHC-12" is not a valid Charity Commission for England and Wales number: GB-CHC expects 6 to 8 digits',
    ]);
    expect(
      reasons({ recipientOrganization: undefined, recipientIndividual: { id: '360G-walsall-ind-1', name: 'A' } }),
    ).toEqual(['grants[0].recipientOrganization: is required: grants to individuals are not imported']);
  });

  it('warns about what it leaves out', () => {
    const { warnings, award } = readGrant(
      grant({
        recipientOrganization: [
          { id: 'GB-CHC-1123456', name: 'Pleck Community Sports', postalCode: 'not a postcode' },
          { id: 'GB-CHC-1123457', name: 'A partner' },
        ],
      }),
      'grants[0]',
      TODAY,
    );
    expect(award?.recipient.postcode).toBeNull();
    expect(warnings.map((warning) => warning.field)).toEqual([
      'grants[0].recipientOrganization[0].postalCode',
      'grants[0].recipientOrganization',
    ]);
  });
});

describe('dates the standard leaves optional', () => {
  const schemaProblems = (value: unknown) => {
    const { grant: validate } = threeSixtyGivingValidators();
    validate(value);
    return validate.errors ?? [];
  };
  const read = (fields: Record<string, unknown>) => {
    const value = grant(fields);
    // Each case is valid 360Giving 1.4.3 by the schema itself.
    expect(schemaProblems(value)).toEqual([]);
    const reading = readGrant(value, 'grants[0]', TODAY);
    expect(reading.problems).toEqual([]);
    return {
      dates: [reading.award?.plannedStart, reading.award?.plannedEnd],
      warnings: reading.warnings.map((warning) => `${warning.field}: ${warning.message}`),
    };
  };

  it('imports a grant with no planned dates, planned from the award date or the actual dates', () => {
    expect(read({ plannedDates: undefined })).toEqual({
      dates: ['2024-05-14', '2024-05-14'],
      warnings: [
        "grants[0].plannedDates: not given; the award's timeline runs 2024-05-14 to 2024-05-14 (the award date), and no planned dates are published for it",
      ],
    });
    expect(read({ plannedDates: [] }).dates).toEqual(['2024-05-14', '2024-05-14']);
    expect(
      read({ plannedDates: undefined, actualDates: [{ startDate: '2024-06-01', endDate: '2024-08-31' }] }).dates,
    ).toEqual(['2024-06-01', '2024-08-31']);
  });

  it('imports a duration alone from the award date, and a start alone as one day', () => {
    expect(read({ plannedDates: [{ duration: 12 }] })).toEqual({
      dates: ['2024-05-14', '2025-05-13'],
      warnings: [
        'grants[0].plannedDates[0].startDate: not given; the start is recorded as 2024-05-14 (the award date)',
      ],
    });
    expect(read({ plannedDates: [{ startDate: '2024-06-01' }] })).toEqual({
      dates: ['2024-06-01', '2024-06-01'],
      warnings: [
        'grants[0].plannedDates[0].endDate: not given, nor a duration; the end is recorded as 2024-06-01 (the start date)',
      ],
    });
    expect(read({ plannedDates: [{ endDate: '2025-03-31' }] }).dates).toEqual(['2024-05-14', '2025-03-31']);
    expect(read({ plannedDates: [{ endDate: '2024-01-31' }] }).dates).toEqual(['2024-01-31', '2024-01-31']);
    expect(read({ plannedDates: [{}] }).dates).toEqual(['2024-05-14', '2024-05-14']);
  });

  it('reads a year or a month alone as its first or last day', () => {
    expect(read({ plannedDates: [{ startDate: '2024-06', endDate: '2025' }] })).toEqual({
      dates: ['2024-06-01', '2025-12-31'],
      warnings: [
        'grants[0].plannedDates[0].startDate: 2024-06 is recorded as 2024-06-01',
        'grants[0].plannedDates[0].endDate: 2025 is recorded as 2025-12-31',
      ],
    });
    expect(read({ plannedDates: [{ startDate: '2024', endDate: '2024-02' }] }).dates).toEqual([
      '2024-01-01',
      '2024-02-29',
    ]);
  });

  it('warns, as the Data Quality Tool does, about nothing applied for, overpaid awards and dates in reverse', () => {
    const warned = (fields: Record<string, unknown>) => {
      const value = grant(fields);
      expect(schemaProblems(value)).toEqual([]);
      const reading = readGrant(value, 'grants[0]', TODAY);
      expect(reading.problems).toEqual([]);
      return { award: reading.award, warnings: reading.warnings.map((item) => `${item.field}: ${item.message}`) };
    };
    expect(warned({ amountAppliedFor: 0 })).toMatchObject({
      award: { amountRequestedPence: 150_000 },
      warnings: ['grants[0].amountAppliedFor: is 0; the amount requested is recorded as the amount awarded'],
    });
    expect(warned({ amountDisbursed: 2000 })).toMatchObject({
      award: { paidPence: 150_000, completed: true },
      warnings: ['grants[0].amountDisbursed: 2000 is more than the amount awarded (1500); recorded as paid in full'],
    });
    expect(warned({ plannedDates: [{ startDate: '2024-06-01', endDate: '2024-05-01' }] })).toMatchObject({
      award: { plannedStart: '2024-06-01', plannedEnd: '2024-06-01' },
      warnings: [
        'grants[0].plannedDates[0].endDate: 2024-05-01 is before the startDate (2024-06-01); the end is recorded as 2024-06-01',
      ],
    });
  });

  it('takes an actual start without an end as still running', () => {
    const reading = readGrant(
      grant({ amountDisbursed: 1500, actualDates: [{ startDate: '2024-06-01' }] }),
      'grants[0]',
      TODAY,
    );
    expect(reading.problems).toEqual([]);
    expect(reading.warnings).toEqual([]);
    // The planned end (2025-03-31) stands: the activity ended then and was paid in full.
    expect(reading.award?.completed).toBe(true);
  });
});

describe('the 360Giving schema check', () => {
  const check = (value: unknown) => {
    const { grant: validate } = threeSixtyGivingValidators();
    validate(value);
    return describeSchemaErrors(validate.errors, 'grants[2]').map((problem) => `${problem.field}: ${problem.message}`);
  };

  it('accepts a valid grant, dates and date-times alike (format checks are on)', () => {
    expect(check(grant())).toEqual([]);
    expect(check(grant({ awardDate: '2024-05-14T09:30:00Z' }))).toEqual([]);
  });

  it('says once that a date is neither form, and names missing fields themselves', () => {
    expect(check(grant({ awardDate: '14/05/2024' }))).toEqual([
      'grants[2].awardDate: must be a date written YYYY-MM-DD, or a date-time',
    ]);
    expect(check(grant({ awardDate: undefined, amountAwarded: 'a lot' }))).toEqual([
      'grants[2].awardDate: is required',
      'grants[2].amountAwarded: must be a number',
    ]);
    expect(check(grant({ recipientOrganization: [{ id: 'GB-CHC-1123456' }] }))).toEqual([
      'grants[2].recipientOrganization[0].name: is required',
    ]);
  });
});
