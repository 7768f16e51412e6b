/**
 * Forecast days are UTC calendar days written `YYYY-MM-DD` (the scoring counts them so): these
 * helpers keep the charts on the same days whatever the browser's time zone.
 */

const MS_PER_DAY = 86_400_000;

/** The UTC day of a timestamp: "2026-12-07T23:30:00-02:00" is "2026-12-08". */
export function utcDayOf(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 (UTC) of a `YYYY-MM-DD` day, to count and compare days. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  return new Date((dayNumber(day) + count) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A day short, for a chart's axis: "7 Dec". */
export function formatShortDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** A timestamp as its UTC day and time, as a version's table shows it: "7 Dec 2026, 14:05 UTC". */
export function formatMadeAt(timestamp: string): string {
  const date = new Date(timestamp);
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = date.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${day}, ${time} UTC`;
}
