import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * A subquery's rows as one JSON array column, so one statement can return a row and its lists
 * (amounts cast to text first stay exact). `orderBy` (over the subquery's columns, as `r."name"`)
 * orders the array: json_agg takes rows in the order they arrive, which a subquery's own ORDER BY
 * gives in practice but SQL does not promise.
 */
export const jsonRows = (query: SQLWrapper, orderBy?: SQL) =>
  sql`(select coalesce(json_agg(r${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::json) from (${query}) r)`;

/** A jsonRows column as the rows it holds: postgres.js parses json itself, PGlite may hand it over as text. */
export const parsedRows = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
