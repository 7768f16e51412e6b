import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { useDataPolicy, type DataPolicy } from '../api/data-policy-api';
import { DocumentPage } from './document-page';
import { countOf } from './period';

interface StoredField {
  readonly name: string;
  readonly why: string;
}

interface Store {
  readonly id: string;
  readonly title: string;
  readonly holds: string;
  readonly fields: readonly StoredField[];
}

/** Every place the server keeps data about a student, or a teacher, and why. */
const SERVER_STORES: readonly Store[] = [
  {
    id: 'participants',
    title: 'participants: one row per student per session',
    holds: 'Deleted with the session, or when the teacher deletes the student.',
    fields: [
      { name: 'display_name', why: 'The name the student typed, shown to the teacher.' },
      { name: 'name_number, name_key', why: 'Tell two students of the same name apart.' },
      { name: 'rejoin_code', why: 'Lets the student back in on another device.' },
      { name: 'token_hash', why: 'Recognises the student’s cookie (a hash, not the cookie).' },
      { name: 'current_section_id', why: 'Where a self-paced student is, for the teacher.' },
      { name: 'joined_at, last_seen_at, open_streams', why: 'Who is connected, for the roster.' },
      { name: 'removed_at', why: 'A student the teacher removed cannot come back.' },
      {
        name: 'lti_user_id',
        why: 'For a student who came from the school’s LMS: launching again finds them.',
      },
    ],
  },
  {
    id: 'deleted-participant-tokens',
    title: 'deleted_participant_tokens: the cookies of students the teacher deleted',
    holds: 'Deleted with the session.',
    fields: [
      {
        name: 'token_hash',
        why: 'A hash of a deleted student’s cookie, no name or answer: their device is told that the teacher deleted them.',
      },
    ],
  },
  {
    id: 'answers',
    title: 'answers: one row per student per question',
    holds: 'Deleted with the student or the session.',
    fields: [
      { name: 'answer', why: 'What the student answered: text, choices, scale, forecast.' },
      { name: 'submission_id, revision', why: 'A retried answer is never counted twice.' },
      { name: 'is_hidden, is_spotlighted', why: 'The teacher’s moderation of the class wall.' },
      { name: 'created_at, updated_at', why: 'When it was given, for the report.' },
    ],
  },
  {
    id: 'writing-feedback',
    title: 'writing_feedback: the teacher’s scores on a student’s writing task',
    holds: 'Deleted with the student or the session.',
    fields: [
      {
        name: 'scores, comment',
        why: 'The points per rubric criterion and the teacher’s comment.',
      },
      { name: 'released_at', why: 'From when the student may see it; empty until then.' },
      { name: 'updated_at', why: 'When the teacher last changed it.' },
    ],
  },
  {
    id: 'speaking-turns',
    title: 'speaking_turns: who spoke in a spoken class discussion',
    holds: 'Deleted with the student or the session.',
    fields: [
      {
        name: 'participant_id, created_at',
        why: 'The teacher tapped the student’s name as they spoke: shares of turns for the report.',
      },
      { name: 'kind', why: 'Optional: new idea, builds on, challenges or question.' },
      { name: 'section_id', why: 'The section the class was on at the time.' },
    ],
  },
  {
    id: 'class-statements',
    title: 'class_statements, statement_votes, opinion_maps: class statements and their votes',
    holds: 'Deleted with the student or the session.',
    fields: [
      {
        name: 'class_statements.author_id, text, status',
        why: 'A statement a student wrote; classmates see it without the name, once shown.',
      },
      {
        name: 'statement_votes.participant_id, vote',
        why: 'Agree, disagree or pass on a classmate’s statement: what the opinion map is drawn from.',
      },
      {
        name: 'opinion_maps.map',
        why: 'The last map drawn, naming each group’s students by id so groups keep their labels while the item is open; a deleted student is taken out of it, and once the item closes or the session ends no student’s id is kept.',
      },
    ],
  },
  {
    id: 'wall-replies',
    title: 'wall_replies: students’ replies to each other’s responses on the class wall',
    holds:
      'Deleted with the student who wrote it, with the response it answers (and so with that response’s author), or with the session.',
    fields: [
      {
        name: 'author_participant_id, kind, text, created_at',
        why: 'Who replied, how (builds on, challenges, asks) and what they wrote, for the wall and the report.',
      },
      {
        name: 'response_participant_id, item_id',
        why: 'The response it answers: that student’s answer to that prompt.',
      },
      { name: 'is_hidden', why: 'The teacher hid it from the class.' },
    ],
  },
  {
    id: 'forecasts',
    title:
      'forecast_versions, forecast_team_members, participants.leaderboard_opt_in: forecasts that live past the lesson',
    holds: 'Deleted with the student or the session.',
    fields: [
      {
        name: 'forecast_versions.probabilities, reason, made_at, in_class',
        why: 'Every version of a student’s forecast with its one-line reason and day: what the time-weighted score is computed from.',
      },
      {
        name: 'forecast_team_members.participant_id',
        why: 'The forecasting team the teacher put the student in.',
      },
      {
        name: 'participants.leaderboard_opt_in',
        why: 'The student chose to appear on the leaderboard (by a made-up name unless the teacher shows names).',
      },
    ],
  },
  {
    id: 'session-events',
    title: 'session_events: the live updates sent to open pages',
    holds:
      'Kept briefly so a page that reconnects can catch up, then purged; deleted with the session, and the rows naming a student are deleted with the student.',
    fields: [
      { name: 'event', why: 'The update, e.g. a student joined (with their name).' },
      { name: 'participant_id', why: 'Sends a student only their own updates.' },
    ],
  },
  {
    id: 'class-sessions',
    title:
      'class_sessions, item_states, section_summaries, forecast_outcomes, forecast_questions, scenario_resolutions, forecast_teams, classes',
    holds: 'The session itself; deleted after the retention period once it has ended.',
    fields: [
      {
        name: 'join_code',
        why: 'How students find the session while it is open, and come back to its forecasts after.',
      },
      {
        name: 'classes.name, class_id',
        why: 'The teacher’s name for a group of sessions whose forecasts are shown together.',
      },
      {
        name: 'scenario_resolutions.outcome, resolved_on, source_url',
        why: 'What happened to each forecast scenario, when, and the teacher’s source.',
      },
      { name: 'section_summaries.text', why: 'The teacher’s summaries, shown to the class.' },
      {
        name: 'wall_identity',
        why: 'How classmates see each other on the wall: names, pseudonyms (made up from the server’s secret, never stored) or nothing.',
      },
      {
        name: 'keep_open, ended_by, names_hidden_from_teacher',
        why: 'Whether the teacher keeps the session open past the idle end; whether the teacher or the idle end ended it (to tell its students why); whether names are hidden from the teacher too.',
      },
    ],
  },
  {
    id: 'teachers',
    title: 'teachers, auth_sessions, password_resets',
    holds:
      'Until the teacher deletes their account; sign-ins unused for 12 hours or older than 7 days (the server’s settings) and used or expired reset links are purged.',
    fields: [
      { name: 'email, name', why: 'The teacher’s account.' },
      {
        name: 'password_hash',
        why: 'A scrypt hash: the password cannot be read back (none for an account made by an LMS launch).',
      },
      { name: 'token_hash', why: 'Recognises a sign-in cookie or a reset link (hashes only).' },
      { name: 'auth_sessions.last_used_at', why: 'Ends a sign-in left unused.' },
    ],
  },
  {
    id: 'audit-events',
    title: 'audit_events: the audit trail of who reached students’ data',
    holds:
      'Longer than the data it describes: three years unless the server’s AUDIT_RETENTION_DAYS says otherwise, never less than the sessions’ retention. Rows cannot be changed, and outlive the students, sessions and accounts they name.',
    fields: [
      {
        name: 'at, action',
        why: 'When, and what: a sign-in, a report viewed, an export, a deletion.',
      },
      {
        name: 'actor_kind',
        why: 'Whether a teacher, an administrator or the server itself acted.',
      },
      {
        name: 'actor_ref, session_ref, student_ref',
        why: 'Keyed hashes of the teacher, the session and the student: no id, name or e-mail, so once they are deleted the row names nobody.',
      },
      {
        name: 'address_hash',
        why: 'A keyed hash of the address the request came from, not the address.',
      },
      {
        name: 'detail',
        why: 'A short code such as which file was exported; never an answer or a name.',
      },
    ],
  },
  {
    id: 'lti',
    title:
      'lti_users, lti_resource_links, lti_logins, lti_handoffs: launches from the school’s LMS (LTI)',
    holds:
      'An LMS user until their LMS is unregistered; a login for 10 minutes, then purged. Only where an administrator registered an LMS.',
    fields: [
      {
        name: 'lti_users.sub, platform_id, teacher_id',
        why: 'The LMS’s id for a user (no name or e-mail), and the teacher account it opens.',
      },
      {
        name: 'lti_resource_links',
        why: 'An activity placed in a course: the LMS’s ids for the course and the link, its title and the session it opens.',
      },
      {
        name: 'lti_logins.state, nonce',
        why: 'Checks that a launch is answered once, in the browser that started it.',
      },
      {
        name: 'lti_resource_links.roster_members, roster_fetched_at, roster_error',
        why: 'The course’s active learners as the LMS’s class list last gave them (its id and name for each), to show the teacher who has not started; replaced at each reading, deleted with the link.',
      },
      {
        name: 'lti_grade_outbox',
        why: 'A student’s grade sent to the LMS (out of 100, with its comment) and how sending it went; deleted with the student or the session.',
      },
      {
        name: 'lti_handoffs.teacher_id, participant_id',
        why: 'A launch in the LMS’s frame going on in a new window: whom a one-time code (a hash only) signs in there, for 2 minutes; purged with its login.',
      },
    ],
  },
  {
    id: 'pending-sign-ups',
    title: 'pending_sign_ups: sign-ups waiting for their e-mailed link',
    holds:
      'Only where the server sends e-mail: until the link is used (the account is made) or for 24 hours; expired ones are deleted at the next sign-up.',
    fields: [
      { name: 'email, name', why: 'The account to make once the link is opened.' },
      { name: 'password_hash', why: 'A scrypt hash of the password chosen at sign-up.' },
      { name: 'token_hash', why: 'Recognises the e-mailed link (a hash only).' },
    ],
  },
];

/** What students' browsers keep; none of it is sent anywhere in self-study. */
const BROWSER_STORES: readonly StoredField[] = [
  {
    name: 'Saved self-study work (local storage)',
    why: 'Answers given in self-study, on this device only, until cleared.',
  },
  {
    name: 'Answers waiting to be sent (local storage)',
    why: 'A live-class answer given offline, until the server has it.',
  },
  {
    name: 'Cookies: pt (student, 2 days), sid (teacher, 30 days), csrf (__Host-csrf over HTTPS)',
    why: 'Who is signed in or joined; csrf protects against forged requests.',
  },
  {
    name: 'Cookies: lti_state_… (10 minutes, only when launched from an LMS)',
    why: 'Ties a launch from the LMS to the browser that started it.',
  },
  { name: 'Offline copy of the app', why: 'The app’s own files, so self-study works offline.' },
];

function FieldList({ fields }: { readonly fields: readonly StoredField[] }) {
  return (
    <dl className="field-list">
      {fields.map((field) => (
        <div key={field.name}>
          <dt>
            <code>{field.name}</code>
          </dt>
          <dd>{field.why}</dd>
        </div>
      ))}
    </dl>
  );
}

/** For a district's administrators: every table and column holding student data, and why. */
export function DataInventoryPage() {
  return (
    <DocumentPage title="Data inventory">
      <p>
        For administrators answering a data-privacy agreement: every place this server and its pages
        keep data about students and teachers, why, and for how long. Nothing is sent to a third
        party. The database is the embedded one in the server’s data directory (readable by the
        server’s user only), or PostgreSQL when <code>DATABASE_URL</code> is set.
      </p>

      <h2>On the server</h2>
      {SERVER_STORES.map((store) => (
        <section key={store.id} aria-labelledby={`store-${store.id}`}>
          <h3 id={`store-${store.id}`}>{store.title}</h3>
          <p>{store.holds}</p>
          <FieldList fields={store.fields} />
        </section>
      ))}

      <h2>In the browser</h2>
      <FieldList fields={BROWSER_STORES} />

      <h2>Retention and requests</h2>
      <RetentionText />

      <p>
        See also the <Link to={routes.privacy.build()}>privacy notice</Link>.
      </p>
    </DocumentPage>
  );
}

function idleText(policy: DataPolicy | undefined): string {
  if (policy === undefined) return '12 hours by default';
  if (policy.idleSessionHours === null) return 'off on this server (sessions stay open)';
  return `${countOf(policy.idleSessionHours, 'hour')} on this server`;
}

function retentionText(policy: DataPolicy | undefined): string {
  if (policy === undefined) return '365 days by default';
  return `${countOf(policy.retentionDays, 'day')} on this server`;
}

function RetentionText() {
  const policy = useDataPolicy();
  return (
    <ul>
      <li>
        A session with no activity for <code>IDLE_SESSION_HOURS</code> ends by itself, so its join
        code stops working: {idleText(policy)}.
      </li>
      <li>
        An ended session is deleted, with its students, answers and events,{' '}
        <code>RETENTION_DAYS</code> after it ended: {retentionText(policy)}. It cannot be turned off
        or set past 1095 days (three years): students’ data needs a written retention limit. After a
        deletion the database reclaims the space, so deleted rows do not linger in its files. The
        teacher’s home shows each session’s deletion date, and warns 30 days ahead.
      </li>
      <li>
        Live-update events are purged after 24 hours; expired sign-ins, and reset links a day after
        they were used or expired, are purged too.
      </li>
      <li>
        A teacher can download everything held about one student (from the roster or the report) and
        delete it, event log included. Removing a student only stops them taking part: their answers
        are left out of results and reports but stay stored until the session is deleted.
      </li>
      <li>A teacher can delete their account, with every session and answer in it.</li>
      <li>
        Request logs hold no IP address (a hash that changes at each start), join code or search
        text.
      </li>
    </ul>
  );
}
