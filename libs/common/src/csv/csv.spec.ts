import { describe, expect, it } from '@jest/globals';
import { csvField, csvLine } from './csv.js';

const data = { guardFormulas: false };
const sheet = { guardFormulas: true };

describe('the CSV writer', () => {
  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    for (const options of [data, sheet]) {
      expect(csvField('plain', options)).toBe('plain');
      expect(csvField('Tea, cake and talk', options)).toBe('"Tea, cake and talk"');
      expect(csvField('The "Hub"', options)).toBe('"The ""Hub"""');
      expect(csvField('line one\nline two', options)).toBe('"line one\nline two"');
      expect(csvField('carriage\rreturn', options)).toBe('"carriage\rreturn"');
      expect(csvField(null, options)).toBe('');
      expect(csvField(undefined, options)).toBe('');
      expect(csvField(12, options)).toBe('12');
      expect(csvField(false, options)).toBe('false');
      expect(csvLine(['a', 1, undefined, 'b,c'], options)).toBe('a,1,,"b,c"\r\n');
    }
  });

  it('defuses text a spreadsheet would run as a formula when asked, but leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")', sheet)).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('=SUM(A1:A9)', sheet)).toBe(`'=SUM(A1:A9)`);
    expect(csvField('+44 121 000 0000', sheet)).toBe("'+44 121 000 0000");
    expect(csvField('-mix', sheet)).toBe("'-mix");
    expect(csvField('@SUM(A1)', sheet)).toBe("'@SUM(A1)");
    expect(csvField('\tTabbed', sheet)).toBe("'\tTabbed");
    expect(csvField('\t=1', sheet)).toBe(`'\t=1`);
    expect(csvField('+3', sheet)).toBe(`'+3`);
    expect(csvField(-12.5, sheet)).toBe('-12.5');
    expect(csvField('-12.5', sheet)).toBe('-12.5');
    expect(csvField('-0.50', sheet)).toBe('-0.50');
    expect(csvField('a=b', sheet)).toBe('a=b');
  });

  it('writes data for other tools as it is', () => {
    for (const text of ['-5 degrees and falling', '=Paddock Youth Forum', '+44 121 000 0000', '@home', '\tTabbed']) {
      expect(csvField(text, data)).toBe(text);
    }
  });
});
