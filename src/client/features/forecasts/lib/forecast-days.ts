/**
 * Forecast days are UTC calendar days written `YYYY-MM-DD` (the domain's days.ts counts them):
 * these write them for the pages, the same whatever the browser's time zone.
 */

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
