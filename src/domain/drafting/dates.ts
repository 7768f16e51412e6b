import { datesIn, type View } from './nlp';

/** Calendar arithmetic on ISO days (YYYY-MM-DD), in UTC: the drafter never reads the clock. */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` plus `months` months, the day of the month kept where the month has it (else its last). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(date, daysInMonth(y, m)))}`;
}

/** Whether `text` is an ISO calendar day that exists. */
export function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Dates written out in full, which compromise-dates misses after some verbs ("will end by
 * November 30, 2027"): a day, a month of a year, or a year after "by", "in", "until", "before".
 */
function writtenDates(text: string): string[] {
  const found: string[] = [];
  const month = `(${MONTHS.join('|')})`;
  for (const m of text.matchAll(new RegExp(`\\b${month}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'giu'))) {
    const y = Number(m[3]);
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    const d = Number(m[2]);
    if (d >= 1 && d <= daysInMonth(y, mo)) found.push(`${m[3]}-${pad(mo)}-${pad(d)}`);
  }
  for (const m of text.matchAll(new RegExp(`\\b${month}\\s+(\\d{4})\\b`, 'giu'))) {
    const y = Number(m[2]);
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    found.push(`${m[2]}-${pad(mo)}-${pad(daysInMonth(y, mo))}`);
  }
  for (const m of text.matchAll(
    /\b(?:by|in|until|before|through|during|of)\s+(?:the\s+end\s+of\s+)?((?:19|20|21)\d{2})\b/giu,
  )) {
    found.push(`${m[1]}-12-31`);
  }
  return found;
}

/**
 * The first date a sentence names after `asOf`, as the last day it covers ("in March 2028":
 * 2028-03-31), or null when it names none: the day by which its prediction can be settled.
 */
export function futureDateIn(sentence: { text: string; doc: View }, asOf: string): string | null {
  const parsed = datesIn(sentence.doc, asOf)
    .filter(({ start }) => start > asOf)
    .map(({ end }) => end);
  const candidates = [...writtenDates(sentence.text).filter((day) => day > asOf), ...parsed];
  return candidates.find(isIsoDay) ?? null;
}
