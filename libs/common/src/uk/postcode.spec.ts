import { describe, expect, it } from '@jest/globals';
import { isOutwardCode, isUkPostcode, normalisePostcode, outwardCodeOf } from './postcode.js';

describe('UK postcodes', () => {
  it.each([
    ['ws11tp', 'WS1 1TP'],
    [' b7 4bp ', 'B7 4BP'],
    ['CV1 5RR', 'CV1 5RR'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
    ['B70 9LD', 'B70 9LD'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
    expect(isUkPostcode(input)).toBe(true);
  });

  it.each(['WS1', 'NOT A POSTCODE', 'Q1 1AA', '12345', 'WS1 1TPX', ''])('refuses %s as a full postcode', (input) => {
    expect(isUkPostcode(input)).toBe(false);
    expect(normalisePostcode(input)).toBeUndefined();
  });

  it('finds the outward code of a postcode or takes an outward code alone', () => {
    expect(outwardCodeOf('ws1 1tp')).toBe('WS1');
    expect(outwardCodeOf('B7')).toBe('B7');
    expect(isOutwardCode('CV1')).toBe(true);
    expect(outwardCodeOf('nonsense')).toBeUndefined();
  });
});
