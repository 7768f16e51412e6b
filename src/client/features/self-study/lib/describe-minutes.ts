import type { MinutesRange } from '#domain/lesson/lesson-duration';

/** "26 minutes", or "26 minutes (31 with extension questions)" when those add time. */
export function describeMinutes({ core, withExtensions }: MinutesRange): string {
  const extra = withExtensions > core ? ` (${withExtensions} with extension questions)` : '';
  return `${core === 1 ? '1 minute' : `${core} minutes`}${extra}`;
}
