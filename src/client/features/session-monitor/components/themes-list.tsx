import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { teacherThemesQuery } from '../api/session-monitor-api';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/**
 * Key phrases in the students' responses to a section, to help write its summary. Fetched once
 * and on the teacher's request: new answers do not reshuffle the list while they write.
 */
export function ThemesList({
  sessionId,
  sectionId,
}: {
  readonly sessionId: string;
  readonly sectionId: string;
}) {
  const headingId = useId();
  const themes = useQuery(teacherThemesQuery(sessionId, sectionId));
  return (
    <section className="themes" aria-labelledby={headingId}>
      <h4 id={headingId}>Themes from your students’ responses</h4>
      {themes.isPending ? (
        <p role="status">Finding themes…</p>
      ) : themes.isError ? (
        <ApiErrorAlert error={themes.error} lead="The themes could not be loaded: " />
      ) : themes.data.themes.length === 0 ? (
        <p className="hint">
          {themes.data.responseCount === 0
            ? 'No responses to this section yet.'
            : 'No phrase recurs in the responses yet.'}
        </p>
      ) : (
        <>
          <p className="hint">
            From {themes.data.responseCount}{' '}
            {themes.data.responseCount === 1 ? 'response' : 'responses'}.
          </p>
          <ul className="theme-list">
            {themes.data.themes.map((theme) => (
              <li key={theme.phrase}>
                {theme.phrase}{' '}
                <span className="hint">
                  ({theme.responses} {theme.responses === 1 ? 'student' : 'students'})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={themes.isFetching}
        onClick={() => {
          void themes.refetch();
        }}
      >
        {themes.isFetching && !themes.isPending ? 'Refreshing…' : 'Refresh themes'}
      </button>
    </section>
  );
}
