import { customType, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { membershipRole } from "./enums";
import { parks } from "./parks";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * An invitation into one park with one role: a one-time link whose token only the invitee's URL holds
 * (the row keeps its SHA-256). Pending = not accepted, not revoked, not expired.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    /** Lower-cased, like users.email. */
    email: text("email").notNull(),
    role: membershipRole("role").notNull(),
    tokenHash: bytea("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  // Serves the members page's pending list (by park) and re-inviting an address (park, email).
  (t) => [index("invitations_park_id_email_idx").on(t.parkId, t.email)],
);

/**
 * A one-time link to set a password: issued by a park admin (one hour), by "forgot password" (one
 * hour) or by `npm run admin:create` (a day). Only the SHA-256 of the token is stored.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: bytea("token_hash").notNull().unique(),
    /** Who issued it; null when the user asked for it themselves or the command line did. */
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_id_idx").on(t.userId)],
);
