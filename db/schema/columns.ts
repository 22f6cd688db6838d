import { numeric, timestamp } from "drizzle-orm/pg-core";

/**
 * Yuan with fen: numeric(18,2) holds up to ¥9,999,999,999,999,999.99, far beyond any park.
 * Drizzle returns numeric as a string, which keeps amounts exact in TypeScript.
 */
export const yuan = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** Physical quantities (capacity, output): exact, four decimals for fractional units such as GWh. */
export const quantity = (name: string) => numeric(name, { precision: 20, scale: 4 });

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
