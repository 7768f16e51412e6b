-- WCAG 2.2.1 (Timing Adjustable): a teacher may keep a session open past the idle end, and a
-- student of a session that ended sees whether the teacher ended it or it ended on its own.
ALTER TABLE class_sessions ADD COLUMN keep_open boolean NOT NULL DEFAULT false;
ALTER TABLE class_sessions ADD COLUMN ended_by text CHECK (ended_by IN ('teacher', 'idle'));
UPDATE class_sessions SET ended_by = 'teacher' WHERE status = 'ended';

-- Political opinions: "names hidden from me too". Once on, the teacher's own views (monitor,
-- projector, report) show the wall's authors as pseudonyms or nothing, and the opinion map's
-- groups without names. It is never turned off: answers given under it keep its promise.
ALTER TABLE class_sessions ADD COLUMN names_hidden_from_teacher boolean NOT NULL DEFAULT false;

-- Political opinions: a stored opinion map names students only while its item is open. The maps
-- of items already closed, and of sessions already ended, keep their positions and groups but
-- lose the students' ids.
UPDATE opinion_maps m
SET map = jsonb_set(
  jsonb_set(
    m.map,
    '{points}',
    COALESCE(
      (SELECT jsonb_agg(p.value - 'participantId' ORDER BY p.ordinality)
       FROM jsonb_array_elements(m.map -> 'points') WITH ORDINALITY AS p),
      '[]'::jsonb
    )
  ),
  '{groups}',
  COALESCE(
    (SELECT jsonb_agg(jsonb_set(g.value, '{memberIds}', '[]'::jsonb) ORDER BY g.ordinality)
     FROM jsonb_array_elements(m.map -> 'groups') WITH ORDINALITY AS g),
    '[]'::jsonb
  )
)
WHERE m.map ->> 'status' = 'ready'
  AND (
    EXISTS (SELECT 1 FROM class_sessions s WHERE s.id = m.session_id AND s.status = 'ended')
    OR EXISTS (
      SELECT 1 FROM item_states i
      WHERE i.session_id = m.session_id AND i.item_id = m.item_id AND i.status = 'closed'
    )
  );
