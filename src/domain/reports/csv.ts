/**
 * CSV export of reports (RFC 4180), readable by Excel, LibreOffice and Google Sheets.
 */

/** A value of one CSV field. null and undefined become an empty field. */
export type CsvCell = string | number | boolean | null | undefined;

export interface ToCsvOptions {
  /**
   * Prefix the UTF-8 byte order mark (default true). Excel otherwise reads a CSV file in the
   * system's legacy code page and garbles Arabic, Chinese, accented letters and emoji.
   */
  readonly bom?: boolean;
}

const BOM = '\uFEFF';
const RECORD_SEPARATOR = '\r\n';

/**
 * Spreadsheets treat a cell starting with one of these as a formula, so a student typing
 * `=HYPERLINK("http://evil.example", "click")` or `=cmd|' /C calc'!A0` into an answer could make
 * the teacher's spreadsheet fetch URLs or run commands when the export is opened ("CSV
 * injection", see OWASP). A leading apostrophe makes the spreadsheet show the text as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Fields that must be quoted: separators and quotes inside, or edge spaces that some readers trim. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return FORMULA_START.test(cell) ? `'${cell}` : cell;
  // Numbers are not guarded: -3 is a number to a spreadsheet, not a formula.
  return String(cell);
}

function field(cell: CsvCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function record(cells: readonly CsvCell[]): string {
  return cells.map(field).join(',') + RECORD_SEPARATOR;
}

/**
 * Formats a header and rows as RFC 4180 CSV: commas between fields, CRLF after every record
 * (the last one included), fields quoted when they hold a comma, quote, CR, LF or edge
 * whitespace, with quotes doubled. null/undefined give an empty field, numbers `String(n)`,
 * booleans `true`/`false`. String cells starting with =, +, -, @, tab or CR get a leading
 * apostrophe so a spreadsheet does not run them as formulas. With `bom` (the default) the text
 * starts with the UTF-8 byte order mark.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: ToCsvOptions = {},
): string {
  const prefix = (options.bom ?? true) ? BOM : '';
  return prefix + record(header) + rows.map(record).join('');
}

/**
 * Parses RFC 4180 CSV into records of fields: a leading BOM is skipped, quoted fields may hold
 * commas, doubled quotes and line breaks, records end with CRLF, LF or CR, and a final line
 * break does not start an empty record. An empty line is a record with one empty field.
 * Fields are returned as written: the formula guard's apostrophe is not removed.
 *
 * @throws SyntaxError on an unterminated quoted field or text after a closing quote, so a
 * malformed export fails a test rather than passing with shifted columns.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records: string[][] = [];
  let fields: string[] = [];
  let position = 0;

  // Each pass reads one field and the separator after it.
  while (position < input.length) {
    let value: string;
    if (input[position] === '"') {
      value = '';
      position += 1;
      for (;;) {
        const quote = input.indexOf('"', position);
        if (quote === -1) throw new SyntaxError(`unterminated quoted field at ${position}`);
        value += input.slice(position, quote);
        if (input[quote + 1] === '"') {
          value += '"';
          position = quote + 2;
        } else {
          position = quote + 1;
          break;
        }
      }
      const next = input[position];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new SyntaxError(`unexpected text after a closing quote at ${position}`);
      }
    } else {
      // A global regex with lastIndex searches from `position` without copying the rest.
      const fieldEnd = /[,\r\n]/g;
      fieldEnd.lastIndex = position;
      const stop = fieldEnd.exec(input)?.index ?? input.length;
      value = input.slice(position, stop);
      position = stop;
    }
    fields.push(value);

    const separator = input[position];
    if (separator === ',') {
      position += 1;
      // A comma at the very end still leaves an empty last field.
      if (position === input.length) fields.push('');
    } else if (separator === '\r' || separator === '\n') {
      position += separator === '\r' && input[position + 1] === '\n' ? 2 : 1;
      records.push(fields);
      fields = [];
    }
  }
  if (fields.length > 0) records.push(fields);
  return records;
}
