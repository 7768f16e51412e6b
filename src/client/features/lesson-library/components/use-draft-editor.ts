import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LessonReadingLevel } from '#domain/api/lesson-library-contracts';
import { describeApiError, isApiError, NetworkError } from '#shared/lib/api-client';
import { queryKeys } from '#shared/lib/query-keys';
import { fetchLessonDetail, saveLessonDraft, type LessonDetailView } from '../api/library-api';
import { type DraftLesson } from '../lib/draft-lesson';
import { readDraft } from '../lib/read-draft';
import { toLessonJson } from '../lib/lesson-json';
import { DraftSaver, type SaveFailure, type SaveStatus } from '../lib/draft-saver';
import { chooseStartingDraft, type StartingDraft } from '../lib/starting-draft';
import { ThrottledCopy } from '../lib/throttled-copy';
import { useLocalDrafts, type LocalDraft } from '../stores/local-drafts-store';

function classify(error: unknown): SaveFailure {
  if (error instanceof NetworkError) return 'offline';
  if (isApiError(error, 'draft_conflict')) return 'conflict';
  return { message: describeApiError(error) };
}

export interface DraftEditor {
  readonly draft: DraftLesson;
  readonly status: SaveStatus;
  /**
   * The article's reading level as the server last read it (when the editor opened, then at
   * each save); null without text. The server computes it: the editor loads no package for it.
   */
  readonly readingLevel: LessonReadingLevel | null;
  /** Where the draft came from when the editor opened. */
  readonly startedFrom: StartingDraft['from'];
  readonly update: (change: (draft: DraftLesson) => DraftLesson) => void;
  /** Sends every change now; true once the server has them all. */
  readonly flush: () => Promise<boolean>;
  /** After a conflict: the draft saved elsewhere replaces this one. */
  readonly loadNewer: () => Promise<void>;
  /** After a conflict: this draft replaces the one saved elsewhere. */
  readonly keepMine: () => void;
}

/**
 * The draft being edited, saved as the teacher types (DraftSaver): kept on this device at once,
 * sent to the server once typing pauses, and again when the network comes back.
 */
export function useDraftEditor(lessonId: string, detail: LessonDetailView): DraftEditor {
  const queryClient = useQueryClient();
  const [start] = useState(() =>
    chooseStartingDraft({
      serverDraft: detail.draft,
      draftSavedAt: detail.draftSavedAt,
      published: detail.published?.lesson ?? null,
      deviceCopy: useLocalDrafts.getState().drafts[lessonId] ?? null,
    }),
  );
  const [draft, setDraft] = useState(start.draft);
  const [readingLevel, setReadingLevel] = useState(detail.readingLevel);
  const draftRef = useRef(start.draft);
  const [deviceCopy] = useState(
    () =>
      new ThrottledCopy<LocalDraft>((copy) => {
        useLocalDrafts.getState().keep(lessonId, copy);
      }),
  );
  const [saver] = useState(
    () =>
      new DraftSaver<DraftLesson>({
        basedOn: detail.draftSavedAt,
        save: async (toSave, basedOn) => {
          const saved = await saveLessonDraft(lessonId, toLessonJson(toSave), basedOn);
          setReadingLevel(saved.readingLevel);
          return saved.draftSavedAt;
        },
        classify,
        keepCopy: (kept, basedOn, unsaved) => {
          if (unsaved) {
            deviceCopy.keep({ draft: kept, basedOn, unsaved, changedAt: new Date().toISOString() });
          } else {
            deviceCopy.cancel();
            useLocalDrafts.getState().forget(lessonId);
          }
        },
      }),
  );
  const status = useSyncExternalStore(saver.subscribe, saver.getStatus);

  const hasResumed = useRef(false);
  useEffect(() => {
    if (hasResumed.current) return;
    hasResumed.current = true;
    // A copy the server never got is sent at once (or waits for the teacher's choice). A lesson
    // without a draft gets one at the first change, from the newest version.
    if (start.from === 'device' || start.from === 'conflict') {
      saver.resume(start.draft, start.from === 'conflict');
    }
  }, [saver, start]);

  useEffect(() => {
    const retry = () => {
      saver.retryNow();
    };
    window.addEventListener('online', retry);
    // A hidden page may be closed or reloaded next: the waiting copy is written first.
    window.addEventListener('pagehide', deviceCopy.flush);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('pagehide', deviceCopy.flush);
      deviceCopy.flush();
      // Leaving the editor sends what waits (the device keeps it too, should that fail).
      void saver.flush();
    };
  }, [saver, deviceCopy]);

  const update = useCallback(
    (change: (current: DraftLesson) => DraftLesson) => {
      const next = change(draftRef.current);
      if (next === draftRef.current) return;
      draftRef.current = next;
      setDraft(next);
      saver.change(next);
    },
    [saver],
  );

  const loadNewer = useCallback(async () => {
    const fresh = await fetchLessonDetail(lessonId);
    queryClient.setQueryData(queryKeys.teacherLesson(lessonId), fresh);
    const newer = readDraft(fresh.draft ?? fresh.published?.lesson ?? {});
    draftRef.current = newer;
    setDraft(newer);
    setReadingLevel(fresh.readingLevel);
    saver.replace(newer, fresh.draftSavedAt);
  }, [lessonId, queryClient, saver]);

  const keepMine = useCallback(() => {
    saver.overwrite();
  }, [saver]);

  const flush = useCallback(() => saver.flush(), [saver]);

  return {
    draft,
    status,
    readingLevel,
    startedFrom: start.from,
    update,
    flush,
    loadNewer,
    keepMine,
  };
}
