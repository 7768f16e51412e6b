-- Rejoining on any device, look-alike names, and presence by open event streams.

-- The name's skeleton (display-names.ts): names that look alike share one. Rows from before
-- this migration get their lower-cased name, which is what namesakes were compared by then.
ALTER TABLE participants ADD COLUMN name_key text;
UPDATE participants SET name_key = lower(display_name);
ALTER TABLE participants ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX participants_session_name_idx ON participants (session_id, name_key);

-- The student's personal code back in. Kept readable, not hashed: the teacher's roster shows
-- it so a student who lost it can be let back in; it opens one participant of one open session,
-- and wrong guesses are rate-limited. The bearer credential, the cookie token, stays hashed.
-- Earlier students get one from md5 (hex: 0 and 1 become G and H, the alphabet has neither).
ALTER TABLE participants ADD COLUMN rejoin_code text;
UPDATE participants
  SET rejoin_code = translate(upper(substr(md5(random()::text || id::text), 1, 6)), '01', 'GH');
ALTER TABLE participants ALTER COLUMN rejoin_code SET NOT NULL;
CREATE UNIQUE INDEX participants_session_rejoin_code_key
  ON participants (session_id, rejoin_code);

-- Event streams open on any instance; online means at least one, seen lately (a crashed
-- instance stops refreshing last_seen_at, so its streams stop counting).
ALTER TABLE participants ADD COLUMN open_streams integer NOT NULL DEFAULT 0;
