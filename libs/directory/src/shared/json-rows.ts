/** JSON of the rows of `sql`, in their order; `[]` when there are none. */
export const jsonRowsSql = (sql: string) => `(SELECT coalesce(json_agg(x), '[]') FROM (${sql}) x)`;
