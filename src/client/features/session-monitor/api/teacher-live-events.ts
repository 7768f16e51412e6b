import type { QueryClient } from '@tanstack/react-query';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import { queryKeys } from '#shared/lib/query-keys';
import { createRefetchThrottle, type RefetchThrottle } from '#shared/lib/refetch-throttle';
import { withResults, withSummaryEvent } from '#shared/lib/session-view-patches';

/**
 * The one place the teacher's live events meet the query cache: each event patches the session
 * view where the event carries the whole change, and otherwise asks for a refetch.
 */

const throttles = new WeakMap<QueryClient, RefetchThrottle>();

/** One refetch throttle per query client, so a burst of events costs a few fetches, not one each. */
function throttleOf(queryClient: QueryClient): RefetchThrottle {
  let throttle = throttles.get(queryClient);
  if (!throttle) {
    throttle = createRefetchThrottle(queryClient);
    throttles.set(queryClient, throttle);
  }
  return throttle;
}

function patch(
  queryClient: QueryClient,
  sessionId: string,
  update: (view: TeacherSessionView) => TeacherSessionView,
): void {
  const queryKey = queryKeys.teacherSession(sessionId);
  queryClient.setQueryData<TeacherSessionView>(queryKey, (view) => (view ? update(view) : view));
  // A fetch already under way was answered before this event and would overwrite the patch
  // when it lands (a student shown online after going offline): fetch once more after it.
  if (queryClient.isFetching({ queryKey, exact: true }) > 0) refetchView(queryClient, sessionId);
}

/** The session view alone (its dashboard parts below it have their own reasons to refetch). */
function refetchView(queryClient: QueryClient, sessionId: string): void {
  throttleOf(queryClient).refetch(queryKeys.teacherSession(sessionId), { exact: true });
}

function refetchResponses(queryClient: QueryClient, sessionId: string): void {
  throttleOf(queryClient).refetch(queryKeys.teacherResponses(sessionId));
}

export function applyTeacherLiveEvent(
  queryClient: QueryClient,
  sessionId: string,
  event: LiveEvent,
): void {
  // Whatever changed in the class may change the classroom screen, if one is open.
  throttleOf(queryClient).refetch(queryKeys.teacherProjector(sessionId), { exact: true });
  switch (event.type) {
    case 'answers.counted':
      // The counts come with the event; the results and the wall follow with a refetch, which
      // the throttle keeps to a few a second however many answers arrive.
      patch(queryClient, sessionId, (view) => ({
        ...view,
        answerCounts: { ...view.answerCounts, ...event.answerCounts },
      }));
      refetchView(queryClient, sessionId);
      refetchResponses(queryClient, sessionId);
      return;
    case 'wall.changed':
      refetchResponses(queryClient, sessionId);
      // Names shown or not is part of the view, and another tab may have changed it.
      refetchView(queryClient, sessionId);
      return;
    case 'outcomes.revealed':
    case 'forecast.resolved':
      refetchView(queryClient, sessionId);
      return;
    case 'statements.changed':
    case 'map.updated':
      throttleOf(queryClient).refetch(queryKeys.teacherStatements(sessionId, event.itemId), {
        exact: true,
      });
      return;
    case 'turns.changed':
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSpeakingTurns(sessionId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherReport(sessionId) });
      return;
    case 'feedback.released':
      // The report that sent it already holds the feedback.
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
    case 'participant.rejoined':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        participants: view.participants.map((p) =>
          p.id === event.participant.id ? event.participant : p,
        ),
      }));
      return;
    case 'participant.removed':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        participants: view.participants.filter((p) => p.id !== event.participantId),
      }));
      return;
    case 'roster.changed':
      // A student's data went: every figure may have changed, and the wall with them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSession(sessionId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
      return;
    case 'participant.presence':
      patch(queryClient, sessionId, (view) => ({
        ...view,
        participants: view.participants.map((p) =>
          p.id === event.participantId ? { ...p, isOnline: event.isOnline } : p,
        ),
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
      patch(queryClient, sessionId, (view) => withResults(view, event.results));
      return;
    case 'summary.published':
    case 'summary.withdrawn':
      patch(queryClient, sessionId, (view) => withSummaryEvent(view, event));
      return;
    case 'section.changed':
    case 'session.ended':
      // These change several parts of the view (item states, the end time): fetch it whole.
      refetchView(queryClient, sessionId);
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
      return;
  }
}

/** After a (re)connect the stream may have skipped events: refetch the whole session. */
export function resyncTeacherSession(queryClient: QueryClient, sessionId: string): void {
  // Everything about the session: its view, the wall, the projector's screen.
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSession(sessionId) });
}
