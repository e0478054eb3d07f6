export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Prefix text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
   * return first; plain numbers such as `-12.5` excepted) with an apostrophe. For files
   * people open in a spreadsheet (reports); never for data other tools read (an open
   * standard's CSV), where the apostrophe would become part of the value.
   */
  guardFormulas: boolean;
}

/** A plain number written as text: a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet may take for the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, with its
 * quotes doubled; empty for null or undefined. See `CsvOptions` for formulas.
 */
export function csvField(value: CsvCell, options: CsvOptions): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (options.guardFormulas && typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 has it. */
export function csvLine(cells: readonly CsvCell[], options: CsvOptions): string {
  return `${cells.map((cell) => csvField(cell, options)).join(',')}\r\n`;
}
