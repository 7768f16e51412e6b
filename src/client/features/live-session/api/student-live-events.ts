import type { QueryClient } from '@tanstack/react-query';
import type { StudentSessionView } from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import { queryKeys } from '#shared/lib/query-keys';
import { withResults, withSummaryEvent } from '#shared/lib/session-view-patches';

/**
 * The one place the student's live events meet the query cache: patch the view where the event
 * carries the whole change, refetch it where it does not (a new section brings new items).
 */

function patch(
  queryClient: QueryClient,
  sessionId: string,
  update: (view: StudentSessionView) => StudentSessionView,
): void {
  queryClient.setQueryData<StudentSessionView>(queryKeys.studentSession(sessionId), (view) =>
    view ? update(view) : view,
  );
}

function refetch(queryClient: QueryClient, sessionId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.studentSession(sessionId) });
}

/**
 * A new map or statement reaches the whole class at once: each page fetches it within this
 * long, at random, so a thousand students are not a thousand requests in the same instant.
 */
const STATEMENTS_SPREAD_MS = 1000;

export function applyStudentLiveEvent(
  queryClient: QueryClient,
  sessionId: string,
  event: LiveEvent,
): void {
  switch (event.type) {
    case 'item.changed':
      patch(queryClient, sessionId, (view) => {
        const others = view.itemStates.filter((s) => s.itemId !== event.state.itemId);
        // Students see opened items only: one closed back to "pending" disappears.
        return {
          ...view,
          itemStates: event.state.status === 'pending' ? others : [...others, event.state],
        };
      });
      return;
    case 'results.revealed':
      patch(queryClient, sessionId, (view) => ({
        ...withResults(view, event.results),
        itemStates: view.itemStates.map((s) =>
          s.itemId === event.results.itemId ? { ...s, isRevealed: true } : s,
        ),
      }));
      // A revealed prompt puts classmates' responses on the wall, which the event does not carry.
      if (event.results.kind === 'text') refetch(queryClient, sessionId);
      return;
    case 'summary.published':
    case 'summary.withdrawn':
      patch(queryClient, sessionId, (view) => withSummaryEvent(view, event));
      return;
    case 'session.ended':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        session: { ...view.session, status: 'ended' },
      }));
      refetch(queryClient, sessionId);
      return;
    case 'section.changed':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        session: { ...view.session, currentSectionId: event.sectionId },
      }));
      refetch(queryClient, sessionId);
      return;
    case 'wall.changed':
    case 'outcomes.revealed':
    case 'forecast.resolved':
    case 'feedback.released':
    case 'roster.changed':
      // The wall (hidden, spotlighted, names) and the scores are computed for this student.
      refetch(queryClient, sessionId);
      return;
    case 'participant.removed':
      // Only this student's own removal reaches them: the refetch answers 403.
      refetch(queryClient, sessionId);
      return;
    case 'participant.joined':
    case 'participant.rejoined':
    case 'participant.presence':
    case 'participant.progressed':
    case 'answers.counted':
    case 'turns.changed':
      return;
    case 'statements.changed':
    case 'map.updated': {
      const queryKey = queryKeys.studentStatements(sessionId, event.itemId);
      setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey });
      }, Math.random() * STATEMENTS_SPREAD_MS);
      return;
    }
  }
}

/** After a (re)connect the stream may have skipped events: refetch the whole view. */
export function resyncStudentSession(queryClient: QueryClient, sessionId: string): void {
  refetch(queryClient, sessionId);
}
