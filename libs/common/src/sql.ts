/**
 * Collects positional parameters while a query is assembled, so filters can be
 * added in any order without counting placeholders by hand. Values are always
 * parameters, never spliced into the SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, e.g. `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  get next(): number {
    return this.values.length + 1;
  }
}

/** Joins the non-empty conditions with AND; TRUE when there are none. */
export function allOf(conditions: (string | false | undefined | null | 0)[]): string {
  const present = conditions.filter((condition): condition is string => Boolean(condition));
  return present.length === 0 ? 'TRUE' : present.map((condition) => `(${condition})`).join(' AND ');
}
