import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Keeps the district's papers (docs/district/) honest: the Accessibility Conformance Report has
 * every WCAG 2.2 A and AA criterion once, with an allowed verdict, remarks naming files that
 * exist (or a written check), and a summary that counts its rows; the schedule of data names
 * every table and column the migrations make.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DISTRICT = path.join(ROOT, 'docs', 'district');
const read = (file: string) => readFileSync(path.join(DISTRICT, file), 'utf8');

/** WCAG 2.2's success criteria at Level A and AA (W3C Recommendation, 2023), 4.1.1 included. */
const WCAG_22_A_AA: readonly (readonly [number: string, name: string, level: 'A' | 'AA'])[] = [
  ['1.1.1', 'Non-text Content', 'A'],
  ['1.2.1', 'Audio-only and Video-only (Prerecorded)', 'A'],
  ['1.2.2', 'Captions (Prerecorded)', 'A'],
  ['1.2.3', 'Audio Description or Media Alternative (Prerecorded)', 'A'],
  ['1.2.4', 'Captions (Live)', 'AA'],
  ['1.2.5', 'Audio Description (Prerecorded)', 'AA'],
  ['1.3.1', 'Info and Relationships', 'A'],
  ['1.3.2', 'Meaningful Sequence', 'A'],
  ['1.3.3', 'Sensory Characteristics', 'A'],
  ['1.3.4', 'Orientation', 'AA'],
  ['1.3.5', 'Identify Input Purpose', 'AA'],
  ['1.4.1', 'Use of Color', 'A'],
  ['1.4.2', 'Audio Control', 'A'],
  ['1.4.3', 'Contrast (Minimum)', 'AA'],
  ['1.4.4', 'Resize Text', 'AA'],
  ['1.4.5', 'Images of Text', 'AA'],
  ['1.4.10', 'Reflow', 'AA'],
  ['1.4.11', 'Non-text Contrast', 'AA'],
  ['1.4.12', 'Text Spacing', 'AA'],
  ['1.4.13', 'Content on Hover or Focus', 'AA'],
  ['2.1.1', 'Keyboard', 'A'],
  ['2.1.2', 'No Keyboard Trap', 'A'],
  ['2.1.4', 'Character Key Shortcuts', 'A'],
  ['2.2.1', 'Timing Adjustable', 'A'],
  ['2.2.2', 'Pause, Stop, Hide', 'A'],
  ['2.3.1', 'Three Flashes or Below Threshold', 'A'],
  ['2.4.1', 'Bypass Blocks', 'A'],
  ['2.4.2', 'Page Titled', 'A'],
  ['2.4.3', 'Focus Order', 'A'],
  ['2.4.4', 'Link Purpose (In Context)', 'A'],
  ['2.4.5', 'Multiple Ways', 'AA'],
  ['2.4.6', 'Headings and Labels', 'AA'],
  ['2.4.7', 'Focus Visible', 'AA'],
  ['2.4.11', 'Focus Not Obscured (Minimum)', 'AA'],
  ['2.5.1', 'Pointer Gestures', 'A'],
  ['2.5.2', 'Pointer Cancellation', 'A'],
  ['2.5.3', 'Label in Name', 'A'],
  ['2.5.4', 'Motion Actuation', 'A'],
  ['2.5.7', 'Dragging Movements', 'AA'],
  ['2.5.8', 'Target Size (Minimum)', 'AA'],
  ['3.1.1', 'Language of Page', 'A'],
  ['3.1.2', 'Language of Parts', 'AA'],
  ['3.2.1', 'On Focus', 'A'],
  ['3.2.2', 'On Input', 'A'],
  ['3.2.3', 'Consistent Navigation', 'AA'],
  ['3.2.4', 'Consistent Identification', 'AA'],
  ['3.2.6', 'Consistent Help', 'A'],
  ['3.3.1', 'Error Identification', 'A'],
  ['3.3.2', 'Labels or Instructions', 'A'],
  ['3.3.3', 'Error Suggestion', 'AA'],
  ['3.3.4', 'Error Prevention (Legal, Financial, Data)', 'AA'],
  ['3.3.7', 'Redundant Entry', 'A'],
  ['3.3.8', 'Accessible Authentication (Minimum)', 'AA'],
  ['4.1.1', 'Parsing', 'A'],
  ['4.1.2', 'Name, Role, Value', 'A'],
  ['4.1.3', 'Status Messages', 'AA'],
];

const VERDICTS = ['Supports', 'Partially Supports', 'Does Not Support', 'Not Applicable'] as const;
type Verdict = (typeof VERDICTS)[number];

interface ReportRow {
  readonly number: string;
  readonly name: string;
  readonly level: string;
  readonly verdict: string;
  readonly remarks: string;
}

const ROW = /^\| (\d\.\d{1,2}\.\d{1,2}) (.+?) \(Level (A{1,3})\) *\| *([^|]+?) *\| (.+?) *\|$/;

function reportRows(report: string): ReportRow[] {
  return report
    .split('\n')
    .filter((line) => /^\| \d\.\d/.test(line))
    .map((line) => {
      const match = ROW.exec(line);
      if (!match)
        throw new Error(
          `an ACR row not in the form "| n.n.n Name (Level A) | verdict | remarks |": ${line}`,
        );
      const [, number = '', name = '', level = '', verdict = '', remarks = ''] = match;
      return { number, name, level, verdict: verdict.trim(), remarks };
    });
}

/** Repository paths named in backticks: `e2e/x.spec.ts`, `src/…/y.ts`, `index.html`. */
function namedPaths(text: string): string[] {
  return [...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)*\.(?:ts|tsx|css|html|md|sql|json|sh))`/g)].map(
    (match) => match[1] ?? '',
  );
}

/** The counts in the report's "## Summary" table, by verdict. */
function summaryCounts(report: string): Map<string, number> {
  const section = report.split(/^## /m).find((part) => part.startsWith('Summary')) ?? '';
  const counts = new Map<string, number>();
  for (const match of section.matchAll(/^\| ([A-Za-z ]+?) +\| (\d+) +\|$/gm)) {
    counts.set(match[1] ?? '', Number(match[2]));
  }
  return counts;
}

describe('the Accessibility Conformance Report', () => {
  const report = read('accessibility-conformance-report.md');
  const rows = reportRows(report);

  it('has every WCAG 2.2 A and AA criterion exactly once, by its number, name and level', () => {
    // The report lists Level A, then Level AA, as the VPAT does; compared in one order here.
    const inOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    expect(
      rows
        .map((row) => [row.number, row.name, row.level])
        .sort(([a = ''], [b = '']) => inOrder(a, b)),
    ).toStrictEqual(
      WCAG_22_A_AA.map(([number, name, level]) => [number, name, level]).sort(
        ([a = ''], [b = '']) => inOrder(a, b),
      ),
    );
  });

  it('gives each a verdict of the VPAT’s four, and remarks naming a test or a written check', () => {
    for (const row of rows) {
      expect(VERDICTS, row.number).toContain(row.verdict);
      if (row.verdict === 'Not Applicable' || row.number === '4.1.1') continue;
      const namesEvidence =
        namedPaths(row.remarks).length > 0 || /written check/i.test(row.remarks);
      expect(namesEvidence, `${row.number} names no file and no written check`).toBe(true);
    }
  });

  it('names only files that exist in the repository', () => {
    expect(namedPaths(report).length, 'paths found in the report').toBeGreaterThan(40);
    const missing = namedPaths(report).filter((file) => !existsSync(path.join(ROOT, file)));
    expect(missing).toStrictEqual([]);
  });

  it('counts in its summary exactly the rows of each verdict', () => {
    const counted = new Map<Verdict, number>(VERDICTS.map((verdict) => [verdict, 0]));
    for (const row of rows)
      counted.set(row.verdict as Verdict, (counted.get(row.verdict as Verdict) ?? 0) + 1);
    expect(summaryCounts(report)).toStrictEqual(counted);
  });
});

const MIGRATIONS = path.join(ROOT, 'src', 'server', 'db', 'migrations');

/** Every table the migrations create, with the columns it has once they have all run. */
function migratedTables(): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  const files = readdirSync(MIGRATIONS)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  for (const file of files) {
    const sql = readFileSync(path.join(MIGRATIONS, file), 'utf8').replace(/--.*$/gm, '');
    for (const [, table = '', body = ''] of sql.matchAll(
      /CREATE TABLE (?:IF NOT EXISTS )?(\w+) \(([\s\S]*?)\n\);/g,
    )) {
      const columns = body
        .split('\n')
        .map((line) => /^\s+(\w+) \w/.exec(line)?.[1] ?? '')
        .filter(
          (word) =>
            word !== '' && !/^(PRIMARY|UNIQUE|FOREIGN|CHECK|CONSTRAINT|REFERENCES)$/i.test(word),
        );
      tables.set(table, new Set(columns));
    }
    for (const [, table = '', column = ''] of sql.matchAll(
      /ALTER TABLE (\w+)\s+ADD COLUMN (\w+)/g,
    )) {
      tables.get(table)?.add(column);
    }
    for (const [, table = '', column = ''] of sql.matchAll(
      /ALTER TABLE (\w+) DROP COLUMN (\w+)/g,
    )) {
      tables.get(table)?.delete(column);
    }
  }
  return tables;
}

describe('the schedule of data', () => {
  const schedule = read('schedule-of-data.md');
  const tables = migratedTables();
  /** Named in backticks, alone (`answers`) or before a column (`answers.answer`). */
  const namesTable = (table: string) => new RegExp('`' + table + '[`.]').test(schedule);
  const namesColumn = (table: string, column: string) =>
    schedule.includes('`' + column + '`') || schedule.includes('`' + table + '.' + column + '`');

  it('reads the migrations: the first tables and a column added later are found', () => {
    expect(tables.get('participants')).toContain('display_name');
    expect(tables.get('participants')).toContain('rejoin_code');
    expect(tables.get('class_sessions')).not.toContain('show_names');
  });

  it('names every table the migrations create', () => {
    expect([...tables.keys()].filter((table) => !namesTable(table))).toStrictEqual([]);
  });

  it('names every column of those tables', () => {
    const missing = [...tables].flatMap(([table, columns]) =>
      [...columns]
        .filter((column) => !namesColumn(table, column))
        .map((column) => `${table}.${column}`),
    );
    expect(missing).toStrictEqual([]);
  });
});
