import { describe, expect, it } from '@jest/globals';
import { csvField, grantsReportCsv, pounds, REPORT_CSV_COLUMNS } from './grants-report.csv.js';
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

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField(false)).toBe('false');
  });

  it('stops text being read as a formula, but leaves numbers alone', () => {
    expect(csvField('=SUM(A1:A9)')).toBe(`'=SUM(A1:A9)`);
    expect(csvField('+44 121')).toBe(`'+44 121`);
    expect(csvField('-cmd')).toBe(`'-cmd`);
    expect(csvField('@import')).toBe(`'@import`);
    expect(csvField('\t=1')).toBe(`'\t=1`);
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvField('-0.50')).toBe('-0.50');
    expect(csvField('+3')).toBe(`'+3`);
    expect(csvField(-12)).toBe('-12');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('puts every section in one sheet under one header, lines ending CRLF', () => {
    const empty = { applications: 0, awards: 0, requested: 0, awarded: 0, paid: 0 };
    const report: GrantsReport = {
      totals: { applications: 2, awards: 1, requested: 30_050, awarded: 10_000, paid: 2_500 },
      byFund: [{ key: 'Rg', label: 'Fund, with comma', ...empty }],
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
      'area,,No local area,0,0,0.00,0,0.00,0,0.00,0,,,,,,,',
      'unregistered_share,unregistered,Awarded to unregistered groups (share of all awarded),,1,,,25.00,2500,,,0.2500,,,,,,',
      'ons4,anxiety,How anxious? (lower is better),,,,,,,,,,,2,6.00,5.50,-0.50,true',
      '',
    ]);
  });
});
