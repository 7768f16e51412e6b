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

/** A day as a reader writes it: 2026-08-21 as "21 August 2026". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const name = MONTHS[month - 1]!;
  return `${date} ${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
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
function writtenDates(text: string, asOf: string): { at: number; end: number; day: string }[] {
  const found: { at: number; end: number; day: string }[] = [];
  const month = `(${MONTHS.join('|')})`;
  for (const m of text.matchAll(new RegExp(`\\b${month}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'giu'))) {
    const y = Number(m[3]);
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    const d = Number(m[2]);
    if (d >= 1 && d <= daysInMonth(y, mo))
      found.push({ at: m.index, end: m.index + m[0].length, day: `${m[3]}-${pad(mo)}-${pad(d)}` });
  }
  for (const m of text.matchAll(new RegExp(`\\b${month}\\s+(\\d{4})\\b`, 'giu'))) {
    const y = Number(m[2]);
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    found.push({
      at: m.index,
      end: m.index + m[0].length,
      day: `${m[2]}-${pad(mo)}-${pad(daysInMonth(y, mo))}`,
    });
  }
  // A month without a year ("in early August"): the next one to end after the day of the article.
  const bareMonth = new RegExp(
    `\\b(?:in|by|until|before|early|late|mid-?|end of)\\s+(?:early\\s+|late\\s+|mid-?)?${month}\\b(?![\\s,]+\\d)`,
    'giu',
  );
  for (const m of text.matchAll(bareMonth)) {
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    const year = Number(asOf.slice(0, 4));
    const end = (y: number) => `${pad(y, 4)}-${pad(mo)}-${pad(daysInMonth(y, mo))}`;
    found.push({
      at: m.index,
      end: m.index + m[0].length,
      day: end(year) > asOf ? end(year) : end(year + 1),
    });
  }
  // After a word that makes it a time ("this summer", "in the fall of 2026"), not the verb "fall".
  const season =
    /\b(?:this|next|late|early|coming|the|in|by|until|before|during)\s+(spring|summer|fall|autumn|winter)(?:\s+of\s+((?:19|20|21)\d{2}))?\b/giu;
  for (const m of text.matchAll(season)) {
    const end = SEASON_ENDS[m[1]!.toLowerCase()]!;
    let day: string;
    if (m[2]) {
      // The winter of 2027 ends in February 2028.
      day = `${Number(m[2]) + (end === '02-28' ? 1 : 0)}-${end}`;
    } else {
      // A season without a year: the next one to end after the day of the article.
      const year = Number(asOf.slice(0, 4));
      day = `${year}-${end}` > asOf ? `${year}-${end}` : `${year + 1}-${end}`;
    }
    found.push({ at: m.index, end: m.index + m[0].length, day });
  }
  const year =
    /\b(?:by|in|until|before|through|during|of)\s+(?:the\s+end\s+of\s+)?((?:19|20|21)\d{2})\b/giu;
  for (const m of text.matchAll(year))
    found.push({ at: m.index, end: m.index + m[0].length, day: `${m[1]}-12-31` });
  return found;
}

/** Words of a time relative to the article's day, which only compromise-dates reads. */
const RELATIVE_TIME =
  /\b(?:today|tonight|tomorrow|next|this|coming|within|later|weeks?|months?|years?|decades?|quarter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/iu;

/**
 * The first date a sentence names after `asOf`, as the last day it covers ("in March 2028":
 * 2028-03-31), or null when it names none: the day by which its prediction can be settled.
 */
export function futureDateIn(sentence: { text: string; doc: View }, asOf: string): string | null {
  const written = writtenDates(sentence.text, asOf);
  // compromise-dates reads the relative ones ("next month", "in December"). Left out: a range
  // that ends before it starts, "the 2027" read as a day of the year, a bare season (the verb
  // in "flows will fall"), and any it reads where a written date stands (that one is exact).
  // compromise-dates takes a few milliseconds a sentence: asked only where a relative time is.
  const parsed = (RELATIVE_TIME.test(sentence.text) ? datesIn(sentence.doc, asOf) : [])
    .filter(
      ({ text, start, end }) =>
        end >= start &&
        !/\bthe\s+\d{4}\b/u.test(text) &&
        !/^(spring|summer|fall|autumn|winter)\W*$/iu.test(text.trim()),
    )
    .map(({ text, end }) => {
      const words = text.trim().replace(/[.,;:!?]+$/u, '');
      const found = sentence.text.indexOf(words);
      const at = found < 0 ? sentence.text.length : found;
      return { at, until: found < 0 ? at : at + words.length, day: end };
    })
    .filter((date) => !written.some((w) => w.at < date.until && date.at < w.end));
  // The first date the sentence names that is still to come.
  const future = [...written, ...parsed]
    .filter(({ day }) => day > asOf && isIsoDay(day))
    .sort((a, b) => a.at - b.at);
  return future[0]?.day ?? null;
}
