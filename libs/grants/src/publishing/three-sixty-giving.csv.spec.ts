import { describe, expect, it } from '@jest/globals';
import { csvCell, csvLine, ThreeSixtyGivingCsv } from './three-sixty-giving.csv.js';
import type { ThreeSixtyGivingGrant } from './three-sixty-giving.types.js';

describe('360Giving CSV', () => {
  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Tea, cake and talk')).toBe('"Tea, cake and talk"');
    expect(csvCell('The "Hub"')).toBe('"The ""Hub"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvLine(['a', 1, undefined, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+44 121 000 0000')).toBe("'+44 121 000 0000");
    expect(csvCell('-mix')).toBe("'-mix");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTabbed')).toBe("'\tTabbed");
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('+3')).toBe('+3');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('numbers further beneficiary locations as the standard flattens arrays', () => {
    const grant = {
      id: '360G-x-1',
      title: 'T',
      description: 'D',
      currency: 'GBP',
      amountAwarded: 10,
      awardDate: '2026-01-01',
      recipientOrganization: [{ id: 'GB-CHC-1234567', name: 'R' }],
      fundingOrganization: [{ id: 'GB-LAE-WLL', name: 'F' }],
      beneficiaryLocation: [
        { name: 'Ward A', geoCode: 'E05000001', geoCodeType: 'WD', countryCode: 'GB' },
        { name: 'Ward B', geoCode: 'E05000002', geoCodeType: 'WD', countryCode: 'GB' },
      ],
    } satisfies ThreeSixtyGivingGrant;
    const csv = new ThreeSixtyGivingCsv(2);
    const header = csv.header().trimEnd().split(',');
    const row = csv.row(grant).trimEnd().split(',');
    expect(row[header.indexOf('Beneficiary Location:Geographical Code')]).toBe('E05000001');
    expect(row[header.indexOf('Beneficiary Location:1:Geographical Code')]).toBe('E05000002');
    expect(row[header.indexOf('Beneficiary Location:1:Name')]).toBe('Ward B');
    expect(new ThreeSixtyGivingCsv(0).header()).not.toContain('Beneficiary Location:1:');
  });
});
