import { describe, expect, it } from '@jest/globals';
import { DATA_QUALITY_CODES, DataQualityTally, EXAMPLES_PER_CHECK, ukToday } from './data-quality.checks.js';
import type { ThreeSixtyGivingGrant } from '../export/three-sixty-giving.types.js';

const TODAY = '2026-06-10';

function grant(id: string, overrides: Partial<ThreeSixtyGivingGrant> = {}): ThreeSixtyGivingGrant {
  return {
    id,
    title: 'Coffee mornings for new arrivals',
    description: 'Weekly coffee mornings where new arrivals meet long-standing residents.',
    currency: 'GBP',
    amountAwarded: 1500,
    awardDate: '2026-05-15',
    plannedDates: [{ startDate: '2026-06-01', endDate: '2027-03-31', duration: 10 }],
    recipientOrganization: [{ id: 'GB-CHC-1234567', name: 'Good Neighbours', charityNumber: '1234567' }],
    fundingOrganization: [{ id: 'GB-LAE-WLL', name: 'Walsall Council' }],
    beneficiaryLocation: [{ name: 'Birchills Leamore', geoCode: 'E05001234', geoCodeType: 'WD', countryCode: 'GB' }],
    ...overrides,
  };
}

function codesOf(...grants: ThreeSixtyGivingGrant[]): string[] {
  const tally = new DataQualityTally(TODAY);
  grants.forEach((one) => tally.observe(one));
  return tally.findings().map((finding) => finding.code);
}

describe('360Giving data quality checks', () => {
  it('find nothing wrong with a good grant', () => {
    expect(codesOf(grant('good'))).toEqual([]);
    expect(
      codesOf(
        grant('company', {
          recipientOrganization: [{ id: 'GB-COH-SC123456', name: 'Co', companyNumber: 'SC123456' }],
        }),
        grant('scottish', { recipientOrganization: [{ id: 'GB-SC-SC012345', name: 'S', charityNumber: 'SC012345' }] }),
        grant('today', { awardDate: TODAY }),
      ),
    ).toEqual([]);
  });

  it('each fires on the grant that has the problem', () => {
    const bad: [string, Partial<ThreeSixtyGivingGrant>][] = [
      ['ZERO_AMOUNT_AWARDED', { amountAwarded: 0 }],
      ['AWARD_DATE_IN_FUTURE', { awardDate: '2026-06-11' }],
      ['PLANNED_START_AFTER_END', { plannedDates: [{ startDate: '2027-01-01', endDate: '2026-12-31' }] }],
      [
        'MALFORMED_CHARITY_NUMBER',
        { recipientOrganization: [{ id: 'GB-CHC-12AB', name: 'R', charityNumber: '12AB' }] },
      ],
      ['MALFORMED_COMPANY_NUMBER', { recipientOrganization: [{ id: 'GB-COH-123', name: 'R', companyNumber: '123' }] }],
      ['TITLE_SAME_AS_DESCRIPTION', { title: 'Coffee  mornings', description: ' coffee mornings' }],
      ['TITLE_TOO_LONG', { title: 'x'.repeat(141) }],
      ['EMAIL_IN_TEXT', { description: 'Ask Jo (jo.bloggs@example.org) for a place.' }],
      ['NO_BENEFICIARY_LOCATION', { beneficiaryLocation: [] }],
    ];
    expect(bad.map(([code]) => code)).toEqual([...DATA_QUALITY_CODES]);
    for (const [code, overrides] of bad) {
      expect({ code, found: codesOf(grant('good'), grant(code, overrides)) }).toEqual({ code, found: [code] });
    }
  });

  it('counts every grant but keeps only a few example ids', () => {
    const tally = new DataQualityTally(TODAY);
    for (let n = 0; n < 12; n++) tally.observe(grant(`g${n}`, { amountAwarded: 0 }));
    const [finding] = tally.findings();
    expect(finding.count).toBe(12);
    expect(finding.exampleGrantIds).toEqual(['g0', 'g1', 'g2', 'g3', 'g4'].slice(0, EXAMPLES_PER_CHECK));
    expect(finding.message).toMatch(/zero/);
  });

  it('takes today as the date in the UK', () => {
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
