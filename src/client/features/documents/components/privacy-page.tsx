import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { useDataPolicy } from '../api/data-policy-api';
import { DocumentPage } from './document-page';
import { countOf } from './period';

/** The privacy notice, in plain words, for students, parents and teachers. */
export function PrivacyPage() {
  return (
    <DocumentPage title="Privacy notice">
      <p>
        This is what Article Discussion keeps about you, for how long, and who sees it. It is open
        source and run by your school or your teacher on their own server, not by a company.
      </p>

      <h2>Studying on your own</h2>
      <p>
        When you read and answer a lesson on your own (no join code), nothing is sent anywhere. Your
        answers are saved in this browser on this device only, so you can come back to them. To
        remove them, use “Clear my answers from this device” at the end of the lesson, or “Start
        over”. On a shared computer, do that when you are done.
      </p>

      <h2>In a live class</h2>
      <p>When you join your teacher’s session with a code, the server keeps:</p>
      <ul>
        <li>the name you type (a first name or a nickname is enough);</li>
        <li>your answers, and when you gave them;</li>
        <li>the replies you write to classmates’ responses on the class wall;</li>
        <li>which section you are in, and whether you are connected right now;</li>
        <li>
          class statements you write and your votes on classmates’ statements (classmates see a
          statement without your name, and only the teacher sees your votes);
        </li>
        <li>
          if your teacher keeps a tally of a spoken discussion, each time you spoke (only your
          teacher sees it);
        </li>
        <li>
          a six-character rejoin code, so you can get back in on another device (your teacher can
          read it to you).
        </li>
      </ul>
      <p>
        Your browser keeps a cookie that tells the server you are you in that session, for two days,
        and answers that could not be sent yet (for example while offline), until they are sent.
      </p>

      <h2>Who sees what</h2>
      <ul>
        <li>Your teacher sees your name and all your answers.</li>
        <li>
          Classmates see your answers to discussion questions, and your replies to theirs, only when
          the teacher shows them on the class wall and once they have answered the question
          themselves. The teacher chooses how you appear to them: your name, a made-up name for that
          session (such as “Teal Heron”), or no name at all. They see poll and forecast results only
          as totals.
        </li>
        <li>
          Your teacher can hide any response or reply from the class; a hidden one stays stored, and
          in the teacher’s report.
        </li>
        <li>The person who runs the server can see what is stored in its database.</li>
      </ul>

      <h2>How long it is kept</h2>
      <ul>
        <KeptFor />
        <li>
          Your teacher can download everything the app holds about you, and delete it for good, at
          any time: ask them, or ask your parent to ask them.
        </li>
        <li>A teacher can delete their own account, with every session and answer in it.</li>
      </ul>

      <h2>Nobody else</h2>
      <p>
        No advertising, no analytics, no tracking, no third parties: the pages load nothing from
        other websites, and nothing is sold or shared. Teachers’ accounts hold a name, an e-mail
        address and a password stored in a form that cannot be read back.
      </p>

      <p>
        More detail: the <Link to={routes.dataInventory.build()}>data inventory</Link> lists every
        place student data is stored and why. See also the{' '}
        <Link to={routes.accessibility.build()}>accessibility statement</Link>.
      </p>
    </DocumentPage>
  );
}

/** How long sessions stay open and are kept, as this server is set (the defaults until it answers). */
function KeptFor() {
  const policy = useDataPolicy();
  const idle =
    policy === undefined
      ? 'after a while'
      : policy.idleSessionHours === null
        ? null
        : `after ${countOf(policy.idleSessionHours, 'hour')}`;
  return (
    <li>
      {idle === null
        ? 'On this server a session stays open until the teacher ends it; then its join code stops working. '
        : `A session that is left alone ends by itself ${idle}, so its join code stops working. `}
      Ended sessions, with everything students gave in them, are deleted{' '}
      {policy === undefined
        ? 'after the retention period this server is set to'
        : `${countOf(policy.retentionDays, 'day')} after they end on this server`}
      : never more than three years (see the data inventory).
    </li>
  );
}
