import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('separates fields with commas and ends every record with CRLF', () => {
    expect(
      toCsv(
        ['name', 'score'],
        [
          ['Ana', 3],
          ['Ben', 0.25],
        ],
        { bom: false },
      ),
    ).toBe('name,score\r\nAna,3\r\nBen,0.25\r\n');
  });

  it('starts with the UTF-8 BOM by default, and not when bom is false', () => {
    expect(toCsv(['a'], [])).toBe(`${BOM}a\r\n`);
    expect(toCsv(['a'], [], { bom: true })).toBe(`${BOM}a\r\n`);
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('writes null and undefined as empty fields, booleans as true/false', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, true, false]], { bom: false })).toBe(
      'a,b,c,d\r\n,,true,false\r\n',
    );
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces, doubling quotes', () => {
    const csv = toCsv(
      ['text'],
      [['a, b'], ['say "no"'], ['line\r\nbreak'], ['lf\nonly'], ['cr\ronly'], [' padded '], ['x']],
      { bom: false },
    );
    expect(csv).toBe(
      'text\r\n"a, b"\r\n"say ""no"""\r\n"line\r\nbreak"\r\n"lf\nonly"\r\n"cr\ronly"\r\n" padded "\r\nx\r\n',
    );
  });

  it('guards string cells that a spreadsheet would run as formulas', () => {
    const csv = toCsv(
      ['answer'],
      [['=1+1'], ['+39 555'], ['-2'], ['@SUM(A1)'], ['\tTab'], ['\rCR'], ['safe = text']],
      { bom: false },
    );
    expect(parseCsv(csv).map((row) => row[0])).toEqual([
      'answer',
      "'=1+1",
      "'+39 555",
      "'-2",
      "'@SUM(A1)",
      "'\tTab",
      "'\rCR",
      'safe = text',
    ]);
    // A field that needs quoting for another reason is guarded inside the quotes.
    expect(toCsv(['h'], [['=HYPERLINK("http://x", "y")']], { bom: false })).toBe(
      'h\r\n"\'=HYPERLINK(""http://x"", ""y"")"\r\n',
    );
  });

  it('does not guard numbers, which a spreadsheet reads as numbers', () => {
    expect(toCsv(['n'], [[-3], [0]], { bom: false })).toBe('n\r\n-3\r\n0\r\n');
  });

  it('writes empty rows and a header-only file', () => {
    expect(toCsv(['a', 'b'], [], { bom: false })).toBe('a,b\r\n');
    expect(toCsv(['a', 'b'], [[], [null, null]], { bom: false })).toBe('a,b\r\n\r\n,\r\n');
  });
});

describe('parseCsv', () => {
  it('round-trips quotes, commas, CRLF, LF and non-Latin text', () => {
    const rows = [
      ['Ana', 'He said "red line", then left.'],
      ['Ben', 'first line\r\nsecond line'],
      ['Chen', 'a\nb'],
      ['ليلى', 'خط أحمر، سنة انتخابية'],
      ['王芳', '混合信息 — 选举年'],
      ['Zoë', 'Emoji 🔥🇮🇷 and, commas'],
      ['', ''],
    ];
    for (const bom of [true, false]) {
      const csv = toCsv(['student', 'answer'], rows, { bom });
      expect(parseCsv(csv)).toEqual([['student', 'answer'], ...rows]);
    }
  });

  it('skips the BOM and tolerates LF or CR line endings and no final line break', () => {
    expect(parseCsv(`${BOM}a,b\nc,d`)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('reads empty fields and empty lines', () => {
    expect(parseCsv('a,,\r\n\r\n,b\r\n')).toEqual([['a', '', ''], [''], ['', 'b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(BOM)).toEqual([]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('rejects malformed quoting', () => {
    expect(() => parseCsv('"open')).toThrow(SyntaxError);
    expect(() => parseCsv('"a"b,c')).toThrow(SyntaxError);
  });
});
