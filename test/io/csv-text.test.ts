import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/io/csv-text.js';

const fieldsOf = (text: string) => parseCsv(text).rows.map((row) => row.fields);
const linesOf = (text: string) => parseCsv(text).rows.map((row) => row.line);

describe('parseCsv', () => {
  it('reads fields and the line each row starts on', () => {
    const result = parseCsv('id,name\np1,Ann\np2,Bob\n');
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['p1', 'Ann'] },
      { line: 3, fields: ['p2', 'Bob'] },
    ]);
  });

  it('ignores a leading byte-order mark, and only a leading one', () => {
    expect(fieldsOf('\uFEFFid,name\n\uFEFFa,b')).toEqual([
      ['id', 'name'],
      ['\uFEFFa', 'b'],
    ]);
    expect(parseCsv('\uFEFF')).toEqual({ rows: [], issues: [] });
  });

  it('accepts CRLF, LF and a lone CR as line endings, mixed, and no final line ending', () => {
    expect(fieldsOf('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(linesOf('a,b\r\n1,2\n3,4\r5,6')).toEqual([1, 2, 3, 4]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, kept verbatim', () => {
    const text = 'a,b\n"x, y","say ""hi"""\n"line1\r\nline2\nline3",""\n';
    expect(fieldsOf(text)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['line1\r\nline2\nline3', ''],
    ]);
  });

  it('counts the lines inside quoted fields, so later rows have their real line numbers', () => {
    const text = 'a,b\n"one\ntwo\r\nthree",x\nnext,row\n"p\rq",y\nlast,row\n';
    expect(linesOf(text)).toEqual([1, 2, 5, 6, 8]);
  });

  it('skips completely empty lines at the end, but not white space', () => {
    expect(fieldsOf('a,b\n1,2\n\n\r\n\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    const result = parseCsv('a,b\n1,2\n \n');
    expect(result.issues).toMatchObject([{ code: 'parse_error', line: 3 }]);
  });

  it('reports an empty line in the middle, keeping the other rows', () => {
    const result = parseCsv('a,b\n1,2\n\n3,4\n', 'x.csv');
    expect(result.rows.map((row) => row.line)).toEqual([1, 2, 4]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'parse_error', file: 'x.csv', line: 3, path: '' }),
    ]);
    expect(result.issues[0]?.message).toMatch(/empty/);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf('a,b,c\n,,\n1,2,')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['1', '2', ''],
    ]);
  });

  it('reads a one-column file with empty values', () => {
    expect(fieldsOf('a\n""\nx\n')).toEqual([['a'], [''], ['x']]);
  });

  it('reports an unterminated quote at the line it opens', () => {
    const result = parseCsv('a,b\n1,2\n3,"open\n4,5\n6,7\n', 'f.csv');
    expect(result.rows.map((row) => row.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(result.issues).toEqual([
      {
        code: 'parse_error',
        path: '',
        file: 'f.csv',
        line: 3,
        message: expect.stringMatching(/unterminated/),
      },
    ]);
  });

  it('reports text after a closing quote', () => {
    const result = parseCsv('a,b\n"x"y,1\nok,2\n"z" ,3\n');
    expect(result.rows.map((row) => row.line)).toEqual([1, 3]);
    expect(result.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [2, expect.stringMatching(/after the closing quote/)],
      [4, expect.stringMatching(/after the closing quote/)],
    ]);
  });

  it('reads a quote inside an unquoted field as itself', () => {
    expect(parseCsv('a,b\n5" disk,{"k":1}\n')).toEqual({
      rows: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['5" disk', '{"k":1}'] },
      ],
      issues: [],
    });
  });

  it('reports rows with the wrong number of fields, in line order with other problems', () => {
    const result = parseCsv('a,b\n1,2,3\n"x"y,1\n4\n5,6\n');
    expect(result.rows.map((row) => row.fields)).toEqual([
      ['a', 'b'],
      ['5', '6'],
    ]);
    expect(result.issues.map((issue) => issue.line)).toEqual([2, 3, 4]);
    expect(result.issues[0]?.message).toMatch(/has 3 fields, expected 2/);
  });

  it('returns no rows when the header itself is malformed', () => {
    const result = parseCsv('"a"x,b\n1,2\n');
    expect(result.rows).toEqual([]);
    expect(result.issues).toMatchObject([{ line: 1 }]);
  });

  it('returns nothing for empty text', () => {
    expect(parseCsv('')).toEqual({ rows: [], issues: [] });
    expect(parseCsv('\n\n')).toEqual({ rows: [], issues: [] });
  });

  it('handles large input without recursion (a 1M-character field, 100k rows)', () => {
    const big = 'x'.repeat(1_000_000);
    expect(parseCsv(`a\n"${big}"\n`).rows[1]?.fields[0]).toHaveLength(1_000_000);
    const many = `a,b\n${'1,"2\n"\n'.repeat(100_000)}`;
    const rows = parseCsv(many).rows;
    expect(rows).toHaveLength(100_001);
    expect(rows[100_000]?.line).toBe(200_000);
  });
});

describe('formatCsv', () => {
  it('quotes only where needed, ends lines with LF, including the last', () => {
    expect(
      formatCsv([['a', 'b,c', 'say "hi"', 'l1\nl2', 'cr\r', ' lead', 'trail ', 'plain;[x]']]),
    ).toBe('a,"b,c","say ""hi""","l1\nl2","cr\r"," lead","trail ",plain;[x]\n');
  });

  it('writes a lone empty field as "" so the line is not empty', () => {
    expect(formatCsv([['a'], [''], ['b']])).toBe('a\n""\nb\n');
    expect(fieldsOf(formatCsv([['a'], [''], ['b']]))).toEqual([['a'], [''], ['b']]);
  });

  it('quotes a leading byte-order mark, so a reader does not drop it', () => {
    expect(formatCsv([['\uFEFFa']])).toBe('"\uFEFFa"\n');
    expect(fieldsOf(formatCsv([['\uFEFFa']]))).toEqual([['\uFEFFa']]);
  });

  it('writes nothing for no rows', () => {
    expect(formatCsv([])).toBe('');
  });

  it('round-trips any rows of any strings', () => {
    const rows = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 6,
      }),
    );
    fc.assert(
      fc.property(rows, (data) => {
        const result = parseCsv(formatCsv(data));
        expect(result.issues).toEqual([]);
        expect(result.rows.map((row) => row.fields)).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });
});
