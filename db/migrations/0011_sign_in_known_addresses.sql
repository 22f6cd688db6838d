-- Addresses each account last signed in from (db/queries/sign-in-attempts.ts): the primary key serves
-- signInRefusal's "has this account signed in from this address" lookup.
CREATE TABLE "sign_in_known_addresses" (
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"last_signed_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_known_addresses_email_ip_pk" PRIMARY KEY("email","ip")
);
