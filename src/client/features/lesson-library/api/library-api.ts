import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { z } from 'zod';
import type {
  draftFromArticleRequestSchema,
  LessonDetail,
  LessonProblem,
  LessonSummary,
  SaveDraftResponse,
} from '#domain/api/lesson-library-contracts';
import { lessonProblemsResponseSchema } from '#domain/api/lesson-library-contracts';
import type { DeepReadonly } from '#domain/live/deep-readonly';
import { endpointPath, isApiError } from '#shared/lib/api-client';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';
import { routes } from '#shared/lib/routes';

/** The lesson library's queries and calls, each kept with its fetcher. */

export type LessonSummaryView = DeepReadonly<LessonSummary>;
export type LessonDetailView = DeepReadonly<LessonDetail>;

/** The teacher's library: built-in lessons and their own, archived ones included. */
export const lessonLibraryQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherLessonList(),
    queryFn: async () => (await callEndpoint(endpoints.listLessons)).lessons,
  });

export function fetchLessonDetail(lessonId: string): Promise<LessonDetailView> {
  return callEndpoint(endpoints.getLesson, { params: { lessonId } });
}

/** One lesson with its draft and newest version: what the editor opens. */
export const lessonDetailQuery = (lessonId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherLesson(lessonId),
    queryFn: () => fetchLessonDetail(lessonId),
    // The editor works from the draft it opened; a refetch under it would change nothing it shows.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Puts a lesson's fresh detail in the cache and marks the library for a refetch. */
export function storeLessonDetail(queryClient: QueryClient, detail: LessonDetailView): void {
  queryClient.setQueryData(queryKeys.teacherLesson(detail.summary.lessonId), detail);
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherLessonList() });
}

/** Puts a changed summary (archived, shared) in the library's list. */
export function storeLessonSummary(queryClient: QueryClient, summary: LessonSummaryView): void {
  queryClient.setQueryData<readonly LessonSummaryView[]>(queryKeys.teacherLessonList(), (lessons) =>
    lessons?.map((lesson) => (lesson.lessonId === summary.lessonId ? summary : lesson)),
  );
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherLesson(summary.lessonId) });
}

export function forgetLesson(queryClient: QueryClient, lessonId: string): void {
  queryClient.removeQueries({ queryKey: queryKeys.teacherLesson(lessonId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherLessonList() });
  // Deleting a lesson deletes the sessions that used it.
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
}

export function createLesson(draft: unknown): Promise<LessonDetailView> {
  return callEndpoint(endpoints.createLesson, { body: { draft } });
}

/** What the drafting endpoint takes: the article's web address, or a file's content. */
export type ArticleDraftRequest = z.input<typeof draftFromArticleRequestSchema>;

/** Drafts a new lesson from an article (fetched by the server, or read from a file). */
export function draftLessonFromArticle(body: ArticleDraftRequest): Promise<LessonDetailView> {
  return callEndpoint(endpoints.draftLessonFromArticle, { body });
}

export function importLesson(file: string): Promise<LessonDetailView> {
  return callEndpoint(endpoints.importLesson, { body: { file } });
}

/** Saves the draft: answers when it was saved and its article's reading level as saved. */
export function saveLessonDraft(
  lessonId: string,
  draft: unknown,
  basedOn: string | null | undefined,
): Promise<SaveDraftResponse> {
  return callEndpoint(endpoints.saveLessonDraft, {
    params: { lessonId },
    body: { draft, basedOn },
  });
}

export function publishLesson(lessonId: string): Promise<LessonDetailView> {
  return callEndpoint(endpoints.publishLesson, { params: { lessonId } });
}

export function duplicateLesson(lessonId: string): Promise<LessonDetailView> {
  return callEndpoint(endpoints.duplicateLesson, { params: { lessonId } });
}

export function archiveLesson(lessonId: string, archived: boolean): Promise<LessonSummaryView> {
  return callEndpoint(endpoints.archiveLesson, { params: { lessonId }, body: { archived } });
}

export function shareLesson(lessonId: string, shared: boolean): Promise<LessonSummaryView> {
  return callEndpoint(endpoints.shareLesson, { params: { lessonId }, body: { shared } });
}

/** Deletes a lesson; `sessions` confirms how many sessions go with it. */
export async function deleteLesson(lessonId: string, sessions: number): Promise<void> {
  await callEndpoint(endpoints.deleteLesson, {
    params: { lessonId },
    query: { sessions: sessions > 0 ? sessions : undefined },
  });
}

/** A published version as an open lesson file (the newest when no version is given). */
export const lessonFilePath = (lessonId: string, version?: number) =>
  endpointPath(
    endpoints.lessonFile,
    { lessonId },
    { version: version === undefined ? undefined : String(version) },
  );

/** The self-study link of a shared lesson, as students open it. */
export const sharedLessonUrl = (shareKey: string, origin: string) =>
  `${origin}${routes.lessonHome.build({ shareKey })}`;

/**
 * The problems of a refused publish or import (422 lesson_invalid), each at its field and line;
 * null for any other error, and for a refusal without a list ("There are no changes to
 * publish."), whose message says why.
 */
export function lessonProblemsOf(error: unknown): readonly LessonProblem[] | null {
  return lessonProblemsResponseOf(error)?.problems ?? null;
}

/** How many problems a refused publish or import has beyond those it lists (the first 100). */
export function moreLessonProblemsOf(error: unknown): number {
  return lessonProblemsResponseOf(error)?.moreProblems ?? 0;
}

function lessonProblemsResponseOf(error: unknown) {
  if (!isApiError(error, 'lesson_invalid')) return null;
  const parsed = lessonProblemsResponseSchema.safeParse(error.body);
  return parsed.success ? parsed.data.error : null;
}
