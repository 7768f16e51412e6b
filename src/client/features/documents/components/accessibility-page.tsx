import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { DocumentPage } from './document-page';

/** The accessibility statement: the standard, what was tested, known limits, how to report. */
export function AccessibilityPage() {
  return (
    <DocumentPage title="Accessibility statement">
      <p>
        Article Discussion aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level
        AA, for students and for teachers.
      </p>

      <h2>What was tested</h2>
      <ul>
        <li>
          Every page is checked automatically (axe) at a phone width of 320 pixels and at desktop
          width, in each release’s tests.
        </li>
        <li>
          Everything can be done with the keyboard alone: joining, answering every kind of question,
          the forecast sliders, the teacher’s controls, and moving between sections.
        </li>
        <li>
          With a screen reader, a student hears what the teacher does (a question opens, results are
          shown, a summary is published, the section changes, the session ends) through one polite
          announcement, and focus moves to the new section’s heading.
        </li>
        <li>
          Pages reflow at 320 pixels wide (the same as 400 % zoom) without scrolling sideways;
          tables scroll inside their own labelled box instead.
        </li>
        <li>
          Text and controls meet the contrast the guidelines ask for; targets are large enough to
          tap; text spacing can be increased.
        </li>
      </ul>

      <h2>Timing, movement and language</h2>
      <ul>
        <li>
          Timing adjustable (2.2.1): an open session ends on its own only after hours with nobody
          using it. The teacher’s home page and the session’s page say when (“Ends on its own at
          21:40 if nobody uses it”), and a “Keep open until I end it” switch keeps it open for as
          long as the teacher wants. Students of a session that ended on its own are told why.
        </li>
        <li>
          Pause, stop, hide (2.2.2): the teacher’s live response wall has a “Pause wall” button.
          While paused nothing on it moves; new posts are held and counted (“3 new posts — Resume to
          show”) until “Resume wall”. Not yet: the students’ class wall and the projector’s opinion
          map update as posts and votes arrive, with no pause.
        </li>
        <li>
          Language of page and of parts (3.1.1, 3.1.2): each lesson states its language (a BCP 47
          tag such as “en”, “es” or “fr-CA”), and the student’s pages and the projector mark the
          lesson’s words with it, so screen readers read them in that language.
        </li>
      </ul>

      <h2>Known limits</h2>
      <ul>
        <li>
          The checks were made with automated tools, the keyboard and the browser’s accessibility
          tree, not yet with a panel of people who use assistive technology every day.
        </li>
        <li>
          The classroom projector page is designed for a large screen at a distance and has no
          controls.
        </li>
        <li>
          The articles are the authors’ text as published; a teacher may need to add context that an
          image or a layout carried in the original.
        </li>
      </ul>

      <h2>Reporting a problem</h2>
      <p>
        If something stops you or your students from taking part, tell your teacher or the person
        who runs this server, saying which page and what happened. The project is open source:
        problems can also be reported in its public issue tracker, and fixes are welcome.
      </p>

      <p>
        See also the <Link to={routes.privacy.build()}>privacy notice</Link>.
      </p>
    </DocumentPage>
  );
}
