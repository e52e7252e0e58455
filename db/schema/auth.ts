import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { Role } from "../../app/domain/roles";
import { people } from "./people";


/** A sign-in account, tied to one person on the roster. Username = employee code. */
export const accounts = pgTable("accounts", {
  id: text("id").primaryKey(),
  personId: integer("person_id")
    .notNull()
    .unique()
    .references(() => people.id, { onDelete: "cascade" }),
  username: text("username").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  /** Set when an admin chose the password: the person must pick their own at next sign-in. */
  mustChangePassword: boolean("must_change_password").notNull().default(true),
  locale: text("locale").notNull().default("th"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
}, (t) => [check("accounts_locale_valid", sql`${t.locale} IN ('th', 'en')`)]);

export const accountRoles = pgTable(
  "account_roles",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.role] }),
    check(
      "account_roles_role_valid",
      sql`${t.role} IN ('staff', 'committee', 'hr', 'executive', 'director', 'admin')`,
    ),
  ],
);

/** lucia v3 sessions (the adapter expects id, user_id, expires_at). */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Every sign-in attempt, kept in the database so that throttling is shared by every app
 * instance. Failures in a recent window are counted per username and per address.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    ipAddress: text("ip_address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_username_idx").on(t.username, t.attemptedAt),
    index("sign_in_attempts_ip_idx").on(t.ipAddress, t.attemptedAt),
  ],
);
