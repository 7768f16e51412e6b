-- LTI 1.3 services (issue 24, points 3 and 4): where a link's grades go (Assignment and Grade
-- Services) and where its course's class list is read (Names and Role Provisioning Services),
-- as the latest launch's claims said; the scores waiting to be sent; the class list last read.

-- The AGS claim: the scopes the LMS grants, its line items container and the link's own line
-- item when the LMS made one. line_item_url is the line item scores go to: the claim's, or the
-- one this tool created in the container.
ALTER TABLE lti_resource_links ADD COLUMN ags_scopes text;
ALTER TABLE lti_resource_links ADD COLUMN ags_line_items_url text;
ALTER TABLE lti_resource_links ADD COLUMN ags_line_item_url text;
ALTER TABLE lti_resource_links ADD COLUMN line_item_url text;
-- The NRPS claim.
ALTER TABLE lti_resource_links ADD COLUMN nrps_memberships_url text;
-- Why the latest launch's service claims were left out (malformed), shown to the teacher.
ALTER TABLE lti_resource_links ADD COLUMN services_problem text;
-- The course's learners as last read from the LMS (JSON: sub, name), when, and why the last
-- read failed (null when it worked).
ALTER TABLE lti_resource_links ADD COLUMN roster_members jsonb;
ALTER TABLE lti_resource_links ADD COLUMN roster_fetched_at timestamptz;
ALTER TABLE lti_resource_links ADD COLUMN roster_error text;

-- A student's grade for the link's line item: the latest score worked out, and how sending it
-- goes. One row per student: a newer grade replaces one not sent yet. Deleting the student
-- takes the row along; removing them cancels it.
CREATE TABLE lti_grade_outbox (
  participant_id uuid PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  link_id uuid NOT NULL REFERENCES lti_resource_links (id) ON DELETE CASCADE,
  -- The score as sent (JSON): the grade, its comment and its progress.
  score jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lti_grade_outbox_due_idx ON lti_grade_outbox (next_attempt_at)
  WHERE status = 'pending';
CREATE INDEX lti_grade_outbox_session_idx ON lti_grade_outbox (session_id);
