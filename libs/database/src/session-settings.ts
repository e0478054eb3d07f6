/**
 * How close a misspelt or partial name must be to match (pg_trgm word similarity).
 * Measured: "Wolverhamton" 0.69, "alum rok" 0.78, "Smart Women Comunity" 0.87 match;
 * words that merely share a syllable with a name ("servicecheck" ~ "areacheck held
 * service", 0.61) do not.
 */
export const NAME_SIMILARITY = 0.65;

/**
 * Settings every connection starts with. The trigram indexes prune candidates at
 * pg_trgm's own threshold (0.6 unless set); set to the similarity search filters on, an
 * index scan for a misspelt name reads a third of the rows (measured on 20,000
 * organisations: 57 candidates and 8.8 ms, against 52 and 3.2 ms).
 */
export const SESSION_SETTINGS: Readonly<Record<string, string>> = {
  'pg_trgm.word_similarity_threshold': String(NAME_SIMILARITY),
  // Only the named statements of queryPrepared are cached: lookups by id, whose plan does not
  // depend on the values, planned once per connection (else re-planned on every bind while
  // PostgreSQL weighs custom plans: 1.6 ms each time for an organisation with everything
  // below it, which then runs in 0.9 ms). Unnamed statements are planned with their values.
  plan_cache_mode: 'force_generic_plan',
};

/** The settings as a PostgreSQL startup `options` string (`-c name=value ...`). */
export function sessionStartupOptions(): string {
  return Object.entries(SESSION_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}

/** The settings as SET statements, for a session that did not start with them. */
export function sessionSetStatements(): string[] {
  return Object.entries(SESSION_SETTINGS).map(([name, value]) => `SET ${name} = '${value}'`);
}
