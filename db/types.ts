import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** The one database type both drivers (postgres.js and PGlite) satisfy; queries take it as `db`. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle, accepted wherever a query may run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Executor = Db | Tx;
