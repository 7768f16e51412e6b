/**
 * Forecast days are UTC calendar days written as ISO dates (`2026-12-07`): a question opens,
 * closes and resolves on days, and a student's standing forecast changes at most once a day. UTC
 * so that a class spread over time zones, and the server, agree on what "today" is.
 */

/** A UTC calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * The number of days from 1970-01-01 to `day` (negative before it): days as integers make
 * ranges and differences plain arithmetic.
 *
 * @throws RangeError when `day` is not a `YYYY-MM-DD` calendar day.
 */
export function dayNumber(day: IsoDay): number {
  if (!isIsoDay(day)) throw new RangeError(`expected a day as YYYY-MM-DD, got "${day}"`);
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

/** The day `dayNumber` counts to: the inverse of `dayNumber`. */
export function dayOfNumber(number: number): IsoDay {
  if (!Number.isInteger(number)) throw new RangeError(`expected a whole day number, got ${number}`);
  return new Date(number * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The UTC day an instant falls on: `2026-12-07T23:59:59.999Z` is `2026-12-07`, and
 * `2026-12-07T20:00:00-05:00` is `2026-12-08`.
 *
 * @param instant a Date or an ISO 8601 timestamp string.
 * @throws RangeError when the instant is not a valid time.
 */
export function utcDayOf(instant: Date | string): IsoDay {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`expected a time, got "${String(instant)}"`);
  return new Date(time).toISOString().slice(0, 10);
}

/** The day `count` days after `day` (before it for a negative count). */
export function addDays(day: IsoDay, count: number): IsoDay {
  return dayOfNumber(dayNumber(day) + count);
}

/** How many days `to` is after `from`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every day from `first` through `last`, both included; empty when `last` is before `first`. */
export function dayRange(first: IsoDay, last: IsoDay): IsoDay[] {
  const start = dayNumber(first);
  const count = dayNumber(last) - start + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => dayOfNumber(start + index));
}
