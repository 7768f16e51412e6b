import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';

/**
 * The front door's first lines: the three ways into the app, for someone who has never seen
 * it. No heading of its own, so the lesson's title stays the page's first heading.
 */
export function WaysIn() {
  return (
    <nav aria-label="Ways in" className="ways-in">
      <ul>
        <li>
          <a href="#self-study-heading">
            <strong>Study on your own</strong>
          </a>{' '}
          this lesson, at your own pace: no account, and it works offline.
        </li>
        <li>
          <Link to={routes.join.build()}>
            <strong>Join your class</strong>
          </Link>{' '}
          with the code your teacher shows.
        </li>
        <li>
          <Link to={routes.teach.build()}>
            <strong>Teach with it</strong>
          </Link>
          : run a live discussion and see your class’s answers.
        </li>
      </ul>
    </nav>
  );
}
