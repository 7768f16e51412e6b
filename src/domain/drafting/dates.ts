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

/** The last day of each season, northern hemisphere (the drafter reads US English). */
const SEASON_ENDS: Record<string, string> = {
  spring: '05-31',
  summer: '08-31',
  fall: '11-30',
  autumn: '11-30',
  winter: '02-28',
};

/**
 * Dates written out, which compromise-dates misses or misreads in some places ("will end by
 * November 30, 2027", "this summer"): a day, a month of a year, a season, or a year after "by",
 * "in", "until", "before"; each with where it stands in the text, as the last day it covers.
 */
function writtenDates(text: string, asOf: string): { at: number; day: string }[] {
  const found: { at: number; day: string }[] = [];
  const month = `(${MONTHS.join('|')})`;
  for (const m of text.matchAll(new RegExp(`\\b${month}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'giu'))) {
    const y = Number(m[3]);
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    const d = Number(m[2]);
    if (d >= 1 && d <= daysInMonth(y, mo))
      found.push({ at: m.index, day: `${m[3]}-${pad(mo)}-${pad(d)}` });
  }
  for (const m of text.matchAll(new RegExp(`\\b${month}\\s+(\\d{4})\\b`, 'giu'))) {
    const y = Number(m[2]);
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    found.push({ at: m.index, day: `${m[2]}-${pad(mo)}-${pad(daysInMonth(y, mo))}` });
  }
  const season = /\b(spring|summer|fall|autumn|winter)(?:\s+of\s+((?:19|20|21)\d{2}))?\b/giu;
  for (const m of text.matchAll(season)) {
    const end = SEASON_ENDS[m[1]!.toLowerCase()]!;
    // A season without a year is the next one to end after the day of the article.
    let year = m[2] ? Number(m[2]) : Number(asOf.slice(0, 4));
    if (end === '02-28') year += 1;
    if (!m[2] && `${year}-${end}` <= asOf) year += 1;
    found.push({ at: m.index, day: `${year}-${end}` });
  }
  const year =
    /\b(?:by|in|until|before|through|during|of)\s+(?:the\s+end\s+of\s+)?((?:19|20|21)\d{2})\b/giu;
  for (const m of text.matchAll(year)) found.push({ at: m.index, day: `${m[1]}-12-31` });
  return found;
}

/**
 * The first date a sentence names after `asOf`, as the last day it covers ("in March 2028":
 * 2028-03-31), or null when it names none: the day by which its prediction can be settled.
 */
export function futureDateIn(sentence: { text: string; doc: View }, asOf: string): string | null {
  const written = writtenDates(sentence.text, asOf)
    .filter(({ day }) => day > asOf && isIsoDay(day))
    .sort((a, b) => a.at - b.at);
  if (written[0]) return written[0].day;
  // compromise-dates reads the relative ones ("next month", "in December"); a range that ends
  // before it starts, or "the 2027" read as a day of the year, is a misreading.
  const parsed = datesIn(sentence.doc, asOf).find(
    ({ text, start, end }) => end > asOf && end >= start && !/\bthe\s+\d{4}\b/u.test(text),
  );
  return parsed && isIsoDay(parsed.end) ? parsed.end : null;
}
