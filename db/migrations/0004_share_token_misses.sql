-- Misses of unknown share tokens per client address and 10-minute window (app/share/[token]: 429 after 20).
-- The primary key serves the per-address upsert; window_start_idx serves deleting expired windows.
CREATE TABLE "share_token_misses" (
	"ip" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "share_token_misses_ip_window_start_pk" PRIMARY KEY("ip","window_start"),
	CONSTRAINT "share_token_misses_count_chk" CHECK ("share_token_misses"."count" > 0)
);
--> statement-breakpoint
CREATE INDEX "share_token_misses_window_start_idx" ON "share_token_misses" USING btree ("window_start");