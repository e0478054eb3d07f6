import { describe, expect, it } from '@jest/globals';
import { geoCodeTypeOf } from './geo-code-types.js';
import { durationInMonths, pounds } from './three-sixty-giving.mapper.js';

describe('360Giving values', () => {
  it('counts planned durations in calendar months, both days included', () => {
    expect(durationInMonths('2026-06-01', '2027-03-31')).toBe(10);
    expect(durationInMonths('2026-04-01', '2027-03-31')).toBe(12);
    expect(durationInMonths('2026-06-01', '2026-06-30')).toBe(1);
    expect(durationInMonths('2026-06-01', '2026-06-15')).toBe(0.5);
    expect(durationInMonths('2026-01-31', '2026-02-27')).toBe(1);
    expect(durationInMonths('2026-06-15', '2026-09-14')).toBe(3);
    expect(durationInMonths('2026-06-01', '2026-06-01')).toBe(0);
  });

  it('gives amounts in pounds', () => {
    expect(pounds(150_050)).toBe(1500.5);
    expect(pounds(1)).toBe(0.01);
    expect(pounds(123_456_789)).toBe(1234567.89);
  });

  it('names the geographic code type from the ONS entity, as the codelist does', () => {
    expect(geoCodeTypeOf('E05011111')).toBe('WD');
    expect(geoCodeTypeOf('E06000001')).toBe('UA');
    expect(geoCodeTypeOf('E07000004')).toBe('NMD');
    expect(geoCodeTypeOf('E08000030')).toBe('MD');
    expect(geoCodeTypeOf('E09000001')).toBe('LONB');
    expect(geoCodeTypeOf('E10000002')).toBe('CTY');
    expect(geoCodeTypeOf('E12000005')).toBe('RGN/GOR');
    expect(geoCodeTypeOf('W05000041')).toBe('WD');
    expect(geoCodeTypeOf('E99000001')).toBeNull();
    expect(geoCodeTypeOf('WALSALL-NORTH')).toBeNull();
  });
});
