/** A lesson's facts in the library's words. */

export interface MinutesFacts {
  readonly classroom: { readonly core: number; readonly withExtensions: number };
  readonly selfStudy: { readonly core: number; readonly withExtensions: number };
}

interface StatusFacts {
  readonly status: 'draft' | 'published';
  readonly publishedVersion: number | null;
  readonly hasUnpublishedChanges: boolean;
}

/** "Draft", "Published, version 2", "Published, version 2, with unpublished changes". */
export function describeStatus(lesson: StatusFacts): string {
  if (lesson.status === 'draft' || lesson.publishedVersion === null) return 'Draft, not published';
  const published = `Published, version ${lesson.publishedVersion}`;
  return lesson.hasUnpublishedChanges ? `${published}, with unpublished changes` : published;
}

/** "25 min" or "25–40 min" (core, then with the extension items). */
export function describeRange(range: { readonly core: number; readonly withExtensions: number }) {
  return range.core === range.withExtensions
    ? `${range.core} min`
    : `${range.core}–${range.withExtensions} min`;
}

/** "In class 25–40 min; alone 18–22 min", or "Not known yet" without minutes. */
export function describeMinutes(minutes: MinutesFacts | null): string {
  if (minutes === null) return 'Not known yet';
  return `In class ${describeRange(minutes.classroom)}; alone ${describeRange(minutes.selfStudy)}`;
}

/**
 * A Flesch-Kincaid grade in words: "Grade 9.3", "Below grade 1" for the easiest texts, "No text
 * yet" without words. Above grade 12 the scale counts years of college: "Grade 14.2" stays.
 */
export function describeGrade(grade: number, words: number): string {
  if (words === 0) return 'No text yet';
  return grade < 1 ? 'Below grade 1' : `Grade ${grade.toFixed(1)}`;
}

/** "Used by 1 session", "Used by 3 sessions", "Not used by a session yet". */
export function describeSessions(count: number): string {
  if (count === 0) return 'Not used by a session yet';
  return `Used by ${count} ${count === 1 ? 'session' : 'sessions'}`;
}

export function formatChanged(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** What the delete dialog says, naming the sessions that go with the lesson. */
export function describeDeletion(title: string, sessionCount: number): string {
  if (sessionCount === 0)
    return `“${title}” is deleted for good, with its draft and every version.`;
  const sessions =
    sessionCount === 1 ? 'the 1 session that used it' : `the ${sessionCount} sessions that used it`;
  return `“${title}” is deleted for good, with its draft, every version and ${sessions}, with all their students’ answers. Archive it instead to keep them.`;
}

const BYTES_IN_MB = 1024 * 1024;

/** "1.3 MB" or "640 KB", rounded up. */
export function formatFileSize(bytes: number): string {
  if (bytes >= BYTES_IN_MB) return `${Math.ceil((bytes / BYTES_IN_MB) * 10) / 10} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}
