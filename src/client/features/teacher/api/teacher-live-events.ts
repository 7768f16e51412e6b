import type { QueryClient } from '@tanstack/react-query';
import type { TeacherSessionView } from '../../../../domain/live/live-contracts';
import type { LiveEvent } from '../../../../domain/live/live-events';
import { queryKeys } from '../../../shared/lib/query-keys';

/**
 * The one place the teacher's live events meet the query cache: each event patches the session
 * view where the event carries the whole change, and otherwise asks for a refetch.
 */

const RESULTS_REFETCH_DELAY_MS = 1000;
const resultsTimers = new Map<string, ReturnType<typeof setTimeout>>();

function patch(
  queryClient: QueryClient,
  sessionId: string,
  update: (view: TeacherSessionView) => TeacherSessionView,
): void {
  queryClient.setQueryData<TeacherSessionView>(queryKeys.teacherSession(sessionId), (view) =>
    view ? update(view) : view,
  );
}

function invalidateSession(queryClient: QueryClient, sessionId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSession(sessionId) });
}

/**
 * New answers change the results the teacher sees before revealing them; counts arrive
 * coalesced already, and the results follow them at most once a second.
 */
function scheduleResultsRefetch(queryClient: QueryClient, sessionId: string): void {
  if (resultsTimers.has(sessionId)) return;
  resultsTimers.set(
    sessionId,
    setTimeout(() => {
      resultsTimers.delete(sessionId);
      void queryClient.invalidateQueries(
        { queryKey: queryKeys.teacherSession(sessionId) },
        // A fetch already under way will bring the new results: do not cancel it.
        { cancelRefetch: false },
      );
    }, RESULTS_REFETCH_DELAY_MS),
  );
}

export function applyTeacherLiveEvent(
  queryClient: QueryClient,
  sessionId: string,
  event: LiveEvent,
): void {
  switch (event.type) {
    case 'answers.counted':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        answerCounts: { ...view.answerCounts, ...event.answerCounts },
      }));
      scheduleResultsRefetch(queryClient, sessionId);
      return;
    case 'participant.joined':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        participants: [
          ...view.participants.filter((p) => p.id !== event.participant.id),
          event.participant,
        ],
      }));
      return;
    case 'participant.removed':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        participants: view.participants.filter((p) => p.id !== event.participantId),
      }));
      return;
    case 'participant.progressed':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        participants: view.participants.map((p) =>
          p.id === event.participantId ? { ...p, currentSectionId: event.sectionId } : p,
        ),
      }));
      return;
    case 'item.changed':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        itemStates: [
          ...view.itemStates.filter((s) => s.itemId !== event.state.itemId),
          event.state,
        ],
      }));
      return;
    case 'results.revealed':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        results: [...view.results.filter((r) => r.itemId !== event.results.itemId), event.results],
      }));
      return;
    case 'summary.published':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        summaries: [
          ...view.summaries.filter((s) => s.sectionId !== event.summary.sectionId),
          event.summary,
        ],
      }));
      return;
    case 'summary.withdrawn':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        summaries: view.summaries.filter((s) => s.sectionId !== event.sectionId),
      }));
      return;
    case 'section.changed':
    case 'session.ended':
      // These change several parts of the view (item states, the end time): fetch it whole.
      invalidateSession(queryClient, sessionId);
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
      return;
  }
}

/** After a (re)connect the stream may have skipped events: refetch the whole session. */
export function resyncTeacherSession(queryClient: QueryClient, sessionId: string): void {
  invalidateSession(queryClient, sessionId);
}
