import { useId } from 'react';
import type { Section } from '../../../../domain/lesson/lesson-schema';
import type { ClassWallResponse } from '../../../../domain/live/dashboard-contracts';

/** Spotlighted responses first, then the newest. */
function byPriority(a: ClassWallResponse, b: ClassWallResponse): number {
  if (a.isSpotlighted !== b.isSpotlighted) return a.isSpotlighted ? -1 : 1;
  return b.updatedAt.localeCompare(a.updatedAt);
}

/**
 * The class's wall for the current section: classmates' responses to the discussion prompts the
 * teacher revealed, less the ones the teacher hid, names only when the teacher shows them. A
 * revealed prompt the student has not answered says so: its responses come once they have
 * (the server sends none before).
 */
export function ClassWall({
  section,
  wall,
  awaitingAnswer,
}: {
  readonly section: Section;
  readonly wall: readonly ClassWallResponse[];
  /** Revealed prompts this student has not answered yet. */
  readonly awaitingAnswer: ReadonlySet<string>;
}) {
  const headingId = useId();
  const prompts = section.items.flatMap((item) => {
    if (item.kind !== 'prompt') return [];
    const responses = wall.filter((r) => r.itemId === item.id && !r.isHidden).sort(byPriority);
    return responses.length > 0 || awaitingAnswer.has(item.id) ? [{ item, responses }] : [];
  });
  if (prompts.length === 0) return null;
  return (
    <section className="class-wall" aria-labelledby={headingId}>
      <h2 id={headingId}>Class wall</h2>
      {prompts.map(({ item, responses }) => (
        <div key={item.id} className="wall-group">
          <h3 className="wall-question">{item.question}</h3>
          {responses.length === 0 ? (
            <p className="hint">Answer this question to see what your classmates wrote.</p>
          ) : null}
          <ul className="wall-list" aria-label={`Responses: ${item.question}`}>
            {responses.map((response) => (
              <li
                key={response.responseId}
                className={response.isSpotlighted ? 'wall-card wall-card-spotlight' : 'wall-card'}
              >
                {response.isSpotlighted ? (
                  <p className="wall-flag">
                    <span aria-hidden="true">★ </span>Spotlighted by your teacher
                  </p>
                ) : null}
                <p className="wall-text">{response.text}</p>
                {response.isMine ? (
                  <p className="wall-author">You</p>
                ) : response.label ? (
                  <p className="wall-author">{response.label}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
