CREATE TABLE "rate_limit_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"blocked_until" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_tickets" (
	"key" text NOT NULL,
	"at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_tickets_key_at" ON "rate_limit_tickets" USING btree ("key","at_ms");--> statement-breakpoint
-- Hands out the earliest send time (epoch ms, database clock) that every window of every
-- key allows, and records it under each key. keys: [{"k": key, "w": [[perMs, max], ...]}, ...],
-- locked in the order given (callers give a conversation before its tenant). A log holds
-- times in order (a new time is never before the key's last), so a window allows t when the
-- max-th latest time is at or before t - perMs.
CREATE OR REPLACE FUNCTION samraad_rate_acquire(keys jsonb, not_before bigint DEFAULT 0)
RETURNS TABLE (ticket bigint, now_ms bigint) AS $$
DECLARE
  now_ bigint := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
  t bigint := not_before;
  item jsonb;
  w jsonb;
  keep bigint;
  b bigint;
  nth bigint;
BEGIN
  FOR item IN SELECT value FROM jsonb_array_elements(keys) LOOP
    INSERT INTO rate_limit_keys (key) VALUES (item->>'k') ON CONFLICT (key) DO NOTHING;
    SELECT blocked_until INTO b FROM rate_limit_keys WHERE key = item->>'k' FOR UPDATE;
    t := greatest(t, b);
    SELECT coalesce(max((x->>0)::bigint), 0) INTO keep FROM jsonb_array_elements(item->'w') x;
    DELETE FROM rate_limit_tickets WHERE key = item->>'k' AND at_ms <= now_ - keep;
    SELECT max(at_ms) INTO nth FROM rate_limit_tickets WHERE key = item->>'k';
    t := greatest(t, coalesce(nth, 0));
    FOR w IN SELECT value FROM jsonb_array_elements(item->'w') LOOP
      SELECT at_ms INTO nth FROM rate_limit_tickets WHERE key = item->>'k' ORDER BY at_ms DESC OFFSET (w->>1)::int - 1 LIMIT 1;
      IF nth IS NOT NULL THEN t := greatest(t, nth + (w->>0)::bigint); END IF;
    END LOOP;
  END LOOP;
  -- Never before now as it is once every lock is held (waiting for a lock takes time).
  now_ := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
  t := greatest(t, now_);
  FOR item IN SELECT value FROM jsonb_array_elements(keys) LOOP
    INSERT INTO rate_limit_tickets (key, at_ms) VALUES (item->>'k', t);
  END LOOP;
  RETURN QUERY SELECT t, now_;
END;
$$ LANGUAGE plpgsql;
