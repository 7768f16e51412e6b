/**
 * The server's "now" for forecast days and version timestamps (issue 26), passed into the
 * services that need it so tests can simulate days passing. Everything else keeps the
 * database's now().
 */
export interface Clock {
  now(): Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The system clock, shifted by whole days (CLOCK_OFFSET_DAYS, a testing aid; 0 in production). */
export function systemClock(offsetDays = 0): Clock {
  return { now: () => new Date(Date.now() + offsetDays * DAY_MS) };
}
