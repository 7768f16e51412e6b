import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Participant, TeacherSessionView } from '#domain/api/live-contracts';
import { queryKeys } from '#shared/lib/query-keys';
import { TEST_SESSION } from '#shared/testing/test-session';
import { applyTeacherLiveEvent } from './teacher-live-events';

const participant = (id: string): Participant => ({
  id,
  displayName: id,
  label: id,
  joinedAt: '2026-01-01T00:00:00.000Z',
  currentSectionId: null,
  isOnline: true,
  rejoinCode: 'K7M2QX',
});

function viewWith(overrides: Partial<TeacherSessionView> = {}): TeacherSessionView {
  return {
    session: { ...TEST_SESSION, joinCode: 'ABCDEF' },
    joinUrl: '/join?code=ABCDEF',
    wallIdentity: 'anonymous',
    namesHiddenFromTeacher: false,
    forecastScores: [],
    participants: [participant('ada')],
    itemStates: [{ itemId: 'poll', status: 'pending', isRevealed: false }],
    summaries: [],
    answerCounts: { poll: 1 },
    results: [],
    ...overrides,
  };
}

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(queryKeys.teacherSession('s1'), viewWith());
  const read = () => queryClient.getQueryData<TeacherSessionView>(queryKeys.teacherSession('s1'))!;
  return { queryClient, read };
}

describe('applyTeacherLiveEvent', () => {
  it('patches answer counts', () => {
    const { queryClient, read } = setup();
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'answers.counted',
      answerCounts: { poll: 3 },
    });
    expect(read().answerCounts).toEqual({ poll: 3 });
  });

  it('adds a joined participant once, and removes a removed one', () => {
    const { queryClient, read } = setup();
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.joined',
      participant: participant('ben'),
    });
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.joined',
      participant: participant('ben'),
    });
    expect(read().participants.map((p) => p.id)).toEqual(['ada', 'ben']);
    applyTeacherLiveEvent(queryClient, 's1', { type: 'participant.removed', participantId: 'ada' });
    expect(read().participants.map((p) => p.id)).toEqual(['ben']);
  });

  it('shows a rejoined student’s new rejoin code in their place on the roster', () => {
    const { queryClient, read } = setup();
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.joined',
      participant: participant('ben'),
    });
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.rejoined',
      participant: { ...participant('ada'), rejoinCode: 'NEW234' },
    });
    expect(read().participants.map((p) => [p.id, p.rejoinCode])).toEqual([
      ['ada', 'NEW234'],
      ['ben', 'K7M2QX'],
    ]);
  });

  it('replaces an item’s state and records where a participant is', () => {
    const { queryClient, read } = setup();
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'item.changed',
      state: { itemId: 'poll', status: 'open', isRevealed: false },
    });
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.progressed',
      participantId: 'ada',
      sectionId: 'red-line',
    });
    expect(read().itemStates).toEqual([{ itemId: 'poll', status: 'open', isRevealed: false }]);
    expect(read().participants[0]?.currentSectionId).toBe('red-line');
  });

  it('marks a student online or offline as their streams open and close', () => {
    const { queryClient, read } = setup();
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.presence',
      participantId: 'ada',
      isOnline: false,
    });
    expect(read().participants[0]?.isOnline).toBe(false);
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.presence',
      participantId: 'ada',
      isOnline: true,
    });
    expect(read().participants[0]?.isOnline).toBe(true);
  });

  it('marks the session stale when the section changes', () => {
    const { queryClient } = setup();
    applyTeacherLiveEvent(queryClient, 's1', { type: 'section.changed', sectionId: 'red-line' });
    expect(queryClient.getQueryState(queryKeys.teacherSession('s1'))?.isInvalidated).toBe(true);
  });

  it('refetches the view and the wall on counted answers, but not the themes', () => {
    const { queryClient } = setup();
    const filter = { itemId: '', q: '' };
    queryClient.setQueryData(queryKeys.teacherResponseList('s1', filter), { responses: [] });
    queryClient.setQueryData(queryKeys.teacherThemes('s1', 'thesis'), { themes: [] });
    applyTeacherLiveEvent(queryClient, 's1', { type: 'answers.counted', answerCounts: {} });
    const isStale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(isStale(queryKeys.teacherSession('s1'))).toBe(true);
    expect(isStale(queryKeys.teacherResponseList('s1', filter))).toBe(true);
    expect(isStale(queryKeys.teacherThemes('s1', 'thesis'))).toBe(false);
  });

  it('refetches the wall when it changed, and the view when outcomes are revealed', () => {
    const { queryClient } = setup();
    const filter = { itemId: 'p', q: 'war' };
    queryClient.setQueryData(queryKeys.teacherResponseList('s1', filter), { responses: [] });
    applyTeacherLiveEvent(queryClient, 's1', { type: 'wall.changed', itemId: 'p' });
    expect(
      queryClient.getQueryState(queryKeys.teacherResponseList('s1', filter))?.isInvalidated,
    ).toBe(true);

    const other = setup();
    applyTeacherLiveEvent(other.queryClient, 's1', { type: 'outcomes.revealed', itemId: 'f' });
    expect(other.queryClient.getQueryState(queryKeys.teacherSession('s1'))?.isInvalidated).toBe(
      true,
    );
  });

  it('fetches again when a patch lands while an older fetch is under way', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const server = { isOnline: true };
    const fetched: boolean[] = [];
    let releaseFirst: () => void = () => undefined;
    const queryFn = vi.fn(async (): Promise<TeacherSessionView> => {
      // The first fetch reads the server before the student goes offline, and answers late.
      const snapshot = server.isOnline;
      if (fetched.length === 0) {
        fetched.push(snapshot);
        await new Promise<void>((resolve) => {
          releaseFirst = resolve;
        });
      } else {
        fetched.push(snapshot);
      }
      return viewWith({ participants: [{ ...participant('ada'), isOnline: snapshot }] });
    });
    // The monitor is open: its query has an observer, so invalidating it refetches.
    const observer = new QueryObserver(queryClient, {
      queryKey: queryKeys.teacherSession('s1'),
      queryFn,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => {
      expect(fetched).toHaveLength(1);
    });

    server.isOnline = false;
    applyTeacherLiveEvent(queryClient, 's1', {
      type: 'participant.presence',
      participantId: 'ada',
      isOnline: false,
    });
    releaseFirst();

    const read = () =>
      queryClient.getQueryData<TeacherSessionView>(queryKeys.teacherSession('s1'))!;
    await vi.waitFor(() => {
      expect(fetched).toEqual([true, false]);
      expect(read().participants[0]!.isOnline).toBe(false);
    });
    unsubscribe();
  });
});
