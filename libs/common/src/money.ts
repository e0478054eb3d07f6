/**
 * Money is kept in whole pence (bigint columns, integers in code); these turn it into
 * pounds for people to read.
 */

/** GBP 1,234.50 from 123450 pence, for messages. */
export function pounds(pence: number): string {
  return `GBP ${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Whole pence as pounds with two decimals, exactly (no floating point): 123456 -> "1234.56". */
export function decimalPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const whole = Math.abs(pence);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}
