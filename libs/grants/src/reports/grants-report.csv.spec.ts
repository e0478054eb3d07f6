import { describe, expect, it } from '@jest/globals';
import { decimalPounds as pounds } from '@cohesion/common';
import { grantsReportCsv, REPORT_CSV_COLUMNS } from './grants-report.csv.js';
import type { GrantsReport } from './grants-report.model.js';

describe('the grants report CSV', () => {
  it('writes pence as pounds exactly, with two decimals', () => {
    expect(pounds(0)).toBe('0.00');
    expect(pounds(5)).toBe('0.05');
    expect(pounds(123_456)).toBe('1234.56');
    expect(pounds(8_700_000)).toBe('87000.00');
    expect(pounds(-250)).toBe('-2.50');
    expect(pounds(9_007_199_254_740_991)).toBe('90071992547409.91');
  });

  it('puts every section in one sheet under one header, lines ending CRLF, formulas defused', () => {
    const empty = { applications: 0, awards: 0, requested: 0, awarded: 0, paid: 0 };
    const report: GrantsReport = {
      totals: { applications: 2, awards: 1, requested: 30_050, awarded: 10_000, paid: 2_500 },
      byFund: [
        { key: 'Rg', label: 'Fund, with comma', ...empty },
        { key: 'Eq', label: '=HYPERLINK("x")', ...empty },
      ],
      byFinancialYear: [],
      byArea: [{ key: null, label: 'No local area', ...empty }],
      byTheme: [],
      byOrganisationKind: [],
      byStatus: [],
      unregisteredShare: { awarded: 2_500, totalAwarded: 10_000, share: 0.25, awards: 1 },
      participantsReached: 12,
      ons4: [
        {
          item: 'anxiety',
          question: 'How anxious?',
          lowerIsBetter: true,
          reports: 2,
          meanBefore: 6,
          meanAfter: 5.5,
          change: -0.5,
          improved: true,
        },
      ],
    };
    const text = grantsReportCsv(report);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toEqual([
      REPORT_CSV_COLUMNS.join(','),
      'totals,,All applications in the report,2,1,300.50,30050,100.00,10000,25.00,2500,,12,,,,,',
      'fund,Rg,"Fund, with comma",0,0,0.00,0,0.00,0,0.00,0,,,,,,,',
      // People open the report in spreadsheets: a formula is defused (a number is not).
      `fund,Eq,"'=HYPERLINK(""x"")",0,0,0.00,0,0.00,0,0.00,0,,,,,,,`,
      'area,,No local area,0,0,0.00,0,0.00,0,0.00,0,,,,,,,',
      'unregistered_share,unregistered,Awarded to unregistered groups (share of all awarded),,1,,,25.00,2500,,,0.2500,,,,,,',
      'ons4,anxiety,How anxious? (lower is better),,,,,,,,,,,2,6.00,5.50,-0.50,true',
      '',
    ]);
  });
});
