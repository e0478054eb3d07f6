import pg from 'pg';

/**
 * Dates without a time (`date`) stay the strings PostgreSQL sends ("2026-04-01"):
 * turning them into JavaScript Dates would shift them by the process's time zone.
 */
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
/** Counts come back as bigint; within the ranges this product counts, numbers are exact. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
});
