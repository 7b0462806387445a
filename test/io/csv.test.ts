import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../../src/errors.js';
import { CSV_FILES, networkFromCsv, networkToCsv } from '../../src/io/csv.js';
import { parseCsv } from '../../src/io/csv-text.js';
import { readNetwork, writeNetwork } from '../../src/io/files.js';
import { networkToJson } from '../../src/io/json.js';
import { createNetwork } from '../../src/model/create.js';
import type { NetworkInput } from '../../src/model/schema.js';
import { withOwnProto } from '../support/adversarial.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { networkIssuesOf } from '../support/errors.js';

/** Exports, imports, and checks the data came back identical (-0 and key order aside). */
function roundTrip(input: NetworkInput) {
  const network = createNetwork(input);
  const back = networkFromCsv(networkToCsv(network));
  expect(back.dataset).toStrictEqual(network.dataset);
  return back;
}

/** The rows of one written file, header first. */
function rowsOf(files: Record<string, string>, name: string): readonly (readonly string[])[] {
  return parseCsv(files[name] ?? '').rows.map((row) => row.fields);
}

const PEOPLE = 'id,name\njacob,Jacob\nmichael,Michael\nkaren,Karen\n';

describe('networkToCsv', () => {
  it('writes every file, with every schema column in schema order, even when empty', () => {
    const files = networkToCsv(createNetwork({}));
    expect(Object.keys(files)).toEqual([...CSV_FILES]);
    expect(files['people.csv']).toBe(
      'id,name,organizationId,title,skills,tags,introductions,maxIntroductionsPerPeriod\n',
    );
    expect(files['positions.csv']).toBe('personId,title,organizationId,organizationName,from,to\n');
    expect(files['relationships.csv']).toBe(
      'source,target,kind,strength,since,until,lastInteraction,interactionsPerMonth,directed,context,visibleTo\n',
    );
    expect(files['jobs.csv']).toBe(
      'id,title,organizationId,hiringManagerId,requirements,status,openedAt,filledAt,filledBy\n',
    );
  });

  it('writes one positions.csv row per position, in each person’s order', () => {
    const files = networkToCsv(
      createNetwork({
        organizations: [{ id: 'acme', name: 'Acme' }],
        people: [
          { id: 'a', name: 'A', positions: [{ title: 'CTO', organizationId: 'acme' }] },
          { id: 'b', name: 'B' },
          {
            id: 'c',
            name: 'C',
            positions: [
              { title: 'Dev', organizationName: 'Old Co', from: '2019-01-01', to: '2020-06-30' },
              { title: 'Lead' },
            ],
          },
        ],
      }),
    );
    expect(files['positions.csv']).toBe(
      'personId,title,organizationId,organizationName,from,to\n' +
        'a,CTO,acme,,,\nc,Dev,,Old Co,2019-01-01,2020-06-30\nc,Lead,,,,\n',
    );
  });

  it('writes numbers with String(), booleans as true/false, -0 with its sign', () => {
    const files = networkToCsv(
      createNetwork({
        people: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B' },
        ],
        relationships: [
          { source: 'a', target: 'b', kind: 'friend', strength: 1e-7, directed: false },
          { source: 'b', target: 'a', kind: 'friend', interactionsPerMonth: -0, directed: true },
        ],
      }),
    );
    expect(rowsOf(files, 'relationships.csv').slice(1)).toEqual([
      ['a', 'b', 'friend', '1e-7', '', '', '', '', 'false', '', ''],
      ['b', 'a', 'friend', '', '', '', '', '-0', 'true', '', ''],
    ]);
  });

  it('writes lists joined by ";" when that reads back the same, else as a JSON array', () => {
    const skills = [
      ['sql', 'go'],
      ['a;b', 'c'],
      ['[x]'],
      [' lead'],
      ['trail '],
      [],
      ['one'],
      ['with, comma', 'new\nline'],
    ];
    const files = networkToCsv(
      createNetwork({
        people: skills.map((list, i) => ({ id: `p${i}`, name: 'P', skills: list })),
      }),
    );
    expect(rowsOf(files, 'people.csv').map((row) => row[4])).toEqual([
      'skills',
      'sql;go',
      '["a;b","c"]',
      '["[x]"]',
      '[" lead"]',
      '["trail "]',
      '[]',
      'one',
      'with, comma;new\nline',
    ]);
  });

  it('writes attribute values raw unless they would read back as another value', () => {
    const attributes = {
      text: 'north',
      number: 42,
      float: -1.5,
      yes: true,
      no: false,
      textNumber: '42',
      textTrue: 'true',
      textQuoted: '"q"',
      textOpenQuote: '"abc',
      empty: '',
      spacedNumber: ' 7',
      textNull: 'null',
      textArray: '[1]',
      negativeZero: -0,
    };
    const files = networkToCsv(createNetwork({ people: [{ id: 'a', name: 'A', attributes }] }));
    const [header, row] = rowsOf(files, 'people.csv');
    const cells = Object.fromEntries(
      (header ?? []).map((name, i) => [name, row?.[i]]).filter(([name]) => name?.includes('.')),
    );
    expect(cells).toEqual({
      'attributes.text': 'north',
      'attributes.number': '42',
      'attributes.float': '-1.5',
      'attributes.yes': 'true',
      'attributes.no': 'false',
      'attributes.textNumber': '"42"',
      'attributes.textTrue': '"true"',
      'attributes.textQuoted': '"\\"q\\""',
      'attributes.textOpenQuote': '"\\"abc"',
      'attributes.empty': '""',
      'attributes.spacedNumber': '" 7"',
      'attributes.textNull': 'null',
      'attributes.textArray': '[1]',
      'attributes.negativeZero': '-0',
    });
    const back = networkFromCsv(files).person('a')?.attributes;
    expect(back).toStrictEqual(attributes);
    expect(Object.is(back?.['negativeZero'], -0)).toBe(true);
  });

  it('orders attribute columns by first appearance over the file’s records', () => {
    const files = networkToCsv(
      createNetwork({
        people: [
          { id: 'a', name: 'A', attributes: { z: 1 } },
          { id: 'b', name: 'B' },
          { id: 'c', name: 'C', attributes: { y: 'x', z: 2 } },
        ],
      }),
    );
    expect(rowsOf(files, 'people.csv')).toEqual([
      [
        'id',
        'name',
        'organizationId',
        'title',
        'skills',
        'tags',
        'introductions',
        'maxIntroductionsPerPeriod',
      ].concat(['attributes.z', 'attributes.y']),
      ['a', 'A', '', '', '', '', '', '', '1', ''],
      ['b', 'B', '', '', '', '', '', '', '', ''],
      ['c', 'C', '', '', '', '', '', '', '2', 'x'],
    ]);
  });

  it('adds marker columns only for an empty positions list or an empty attributes object', () => {
    const files = networkToCsv(
      createNetwork({
        people: [
          { id: 'a', name: 'A', positions: [], attributes: {} },
          { id: 'b', name: 'B' },
        ],
      }),
    );
    expect(rowsOf(files, 'people.csv')).toEqual([
      [
        'id',
        'name',
        'organizationId',
        'title',
        'skills',
        'tags',
        'positions',
        'introductions',
        'maxIntroductionsPerPeriod',
      ].concat(['attributes']),
      ['a', 'A', '', '', '', '', '[]', '', '', '{}'],
      ['b', 'B', '', '', '', '', '', '', '', ''],
    ]);
    const back = networkFromCsv(files);
    expect(back.person('a')).toStrictEqual({ id: 'a', name: 'A', positions: [], attributes: {} });
    expect(back.person('b')).toStrictEqual({ id: 'b', name: 'B' });
  });
});

describe('networkFromCsv', () => {
  it('reads columns in any order; empty cells are absent fields; text is verbatim', () => {
    const network = networkFromCsv({
      'people.csv': 'name,title,id\n"  Ann, Jr. ",,a\nBob,Head of "X",b\n',
    });
    expect(network.dataset.people).toStrictEqual([
      { id: 'a', name: '  Ann, Jr. ' },
      { id: 'b', name: 'Bob', title: 'Head of "X"' },
    ]);
  });

  it('also accepts a Map, and ignores names that are not .csv', () => {
    const network = networkFromCsv(
      new Map([
        ['people.csv', PEOPLE],
        ['README.md', 'not csv'],
      ]),
    );
    expect(network.people).toHaveLength(3);
  });

  it('reads strict decimal numbers with Number()', () => {
    const cells = ['0.5', '+0.5', '.5', '5e-1', '5.E-1', '1', '1.'];
    const network = networkFromCsv({
      'people.csv': PEOPLE,
      'relationships.csv': `source,target,kind,strength\n${cells
        .map((cell) => `jacob,michael,friend,${cell}`)
        .join('\n')}`,
    });
    expect(network.relationships.map((r) => r.strength)).toEqual(cells.map(Number));
  });

  it('reports a number cell that is not strict decimal syntax at its file, line and column', () => {
    const bad = ['abc', 'NaN', 'Infinity', '0x1', ' 1', '1 ', '1,5', '--1', 'e5', '1e'];
    const rows = bad.map((cell) => `jacob,michael,friend,"${cell}"`).join('\n');
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'people.csv': PEOPLE,
        'relationships.csv': `source,target,kind,strength\n${rows}`,
      }),
    );
    expect(issues).toEqual(
      bad.map((cell, i) => ({
        code: 'invalid_type',
        path: `relationships[${i}].strength`,
        message: `must be a number, got ${JSON.stringify(cell)}`,
        file: 'relationships.csv',
        line: i + 2,
        column: 'strength',
      })),
    );
  });

  it('reports a number too large to be finite', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'people.csv': PEOPLE,
        'relationships.csv':
          'source,target,kind,interactionsPerMonth\njacob,michael,friend,1e999\n',
      }),
    );
    expect(issues).toMatchObject([
      { code: 'invalid_value', path: 'relationships[0].interactionsPerMonth', line: 2 },
    ]);
  });

  it('reads booleans in any case and reports anything else', () => {
    const network = networkFromCsv({
      'people.csv': PEOPLE,
      'relationships.csv':
        'source,target,kind,directed\njacob,michael,friend,TRUE\nmichael,karen,friend,False\n',
    });
    expect(network.relationships.map((r) => r.directed)).toEqual([true, false]);
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'people.csv': PEOPLE,
        'relationships.csv': 'source,target,kind,directed\njacob,michael,friend,yes\n',
      }),
    );
    expect(issues).toMatchObject([
      { code: 'invalid_type', path: 'relationships[0].directed', line: 2, column: 'directed' },
    ]);
  });

  it('reads list cells split on ";" or as a JSON array, items verbatim', () => {
    const network = networkFromCsv({
      'people.csv':
        'id,name,skills,tags\na,A,sql;go,"[""a;b"",""[x]""]"\nb,B,[],one\nc,C, x ; y ,"[]"\n',
    });
    expect(network.dataset.people).toStrictEqual([
      { id: 'a', name: 'A', skills: ['sql', 'go'], tags: ['a;b', '[x]'] },
      { id: 'b', name: 'B', skills: [], tags: ['one'] },
      { id: 'c', name: 'C', skills: [' x ', ' y '], tags: [] },
    ]);
  });

  it('reports a list cell starting with "[" that is not a JSON array of strings', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({ 'people.csv': 'id,name,skills,tags\na,A,[x],"[1]"\nb,B,a;;b,\n' }),
    );
    expect(issues).toMatchObject([
      { code: 'invalid_type', path: 'people[0].skills', file: 'people.csv', line: 2 },
      { code: 'invalid_type', path: 'people[0].tags', file: 'people.csv', line: 2 },
      // An empty item is not silently dropped: the schema reports it, in the list's column.
      { code: 'out_of_range', path: 'people[1].skills[1]', line: 3, column: 'skills' },
    ]);
  });

  it('reports a required list left empty as missing, once', () => {
    const text =
      'id,title,organizationId,hiringManagerId,requirements,status\n' +
      'j1,Dev,acme,jacob,,open\nj2,Dev,acme,jacob,[oops,open\n';
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'organizations.csv': 'id,name\nacme,Acme\n',
        'people.csv': PEOPLE,
        'jobs.csv': text,
      }),
    );
    expect(issues).toMatchObject([
      { code: 'missing_field', path: 'jobs[0].requirements', line: 2, column: 'requirements' },
      { code: 'invalid_type', path: 'jobs[1].requirements', line: 3, column: 'requirements' },
    ]);
  });

  it('reads attribute cells as JSON scalars when they are, else as raw text', () => {
    const header = 'id,name,attributes.a,attributes.b,attributes.c,attributes.d,attributes.e';
    const network = networkFromCsv({
      'people.csv': `${header},attributes.f,attributes.g\nx,X,42,true,"""42""",north,,"""""",{"a":1}\n`,
    });
    expect(network.person('x')?.attributes).toStrictEqual({
      a: 42,
      b: true,
      c: '42',
      d: 'north',
      f: '',
      g: '{"a":1}',
    });
  });

  it('keeps an attribute key "__proto__" as data', () => {
    const network = networkFromCsv({
      'people.csv': 'id,name,attributes.__proto__,attributes.constructor\na,A,polluted,1\n',
    });
    const attributes = network.person('a')?.attributes ?? {};
    expect(Object.keys(attributes)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    roundTrip({ people: [{ id: 'a', name: 'A', attributes: network.person('a')?.attributes }] });
  });

  it('reports bad marker cells', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({ 'people.csv': 'id,name,positions,attributes\na,A,x,{"a":1}\n' }),
    );
    expect(issues).toMatchObject([
      { code: 'invalid_value', path: 'people[0].positions', column: 'positions' },
      { code: 'invalid_value', path: 'people[0].attributes', column: 'attributes' },
    ]);
  });
});

describe('CSV round trip', () => {
  it('keeps adversarial ids and text exactly', () => {
    const long = 'x'.repeat(10_000);
    const ids = ['__proto__', 'constructor', 'toString', '😀', long, ' spaced ', 'a,b', 'q"q'];
    const back = roundTrip({
      organizations: [{ id: 'o;1', name: 'Org\r\nwith lines', industry: '"quoted"' }],
      people: ids.map((id, i) => ({
        id,
        name: `Name ${i}, "the" ${id}`,
        organizationId: 'o;1',
        skills: ['[x]', 'a;b', 'plain', ' lead'],
        tags: ['😀', 'multi\nline'],
        positions: [{ title: ' CTO, "acting"', organizationName: 'x\ny', from: '2020-01-01' }],
        attributes: withOwnProto<string | number>(
          { '': 'empty key', 'a.b': '"', n: 0.1 + 0.2 },
          'p',
        ),
      })),
      groups: [{ id: 'g', name: 'G', members: ids }],
      relationships: [
        { source: '__proto__', target: long, kind: 'friend', strength: 0.1 + 0.2 },
        { source: '😀', target: 'constructor', kind: 'other', context: 'x\r\n"y", z ' },
      ],
    });
    expect(back.person(long)?.id).toHaveLength(10_000);
    expect(Object.keys(back.person('😀')?.attributes ?? {})).toContain('__proto__');
    expect(back.dataset.groups[0]?.members).toEqual(ids);
  });

  it('keeps -0', () => {
    const back = roundTrip({
      people: [
        { id: 'a', name: 'A', attributes: { z: -0 } },
        { id: 'b', name: 'B' },
      ],
      relationships: [{ source: 'a', target: 'b', kind: 'friend', interactionsPerMonth: -0 }],
    });
    expect(Object.is(back.relationships[0]?.interactionsPerMonth, -0)).toBe(true);
    expect(Object.is(back.person('a')?.attributes?.['z'], -0)).toBe(true);
  });

  it('round-trips any valid network exactly (import, export, import)', () => {
    fc.assert(
      fc.property(arbitraryNetworkInput(), (input) => {
        const first = createNetwork(input);
        const files = networkToCsv(first);
        const second = networkFromCsv(files);
        expect(second.dataset).toStrictEqual(first.dataset);
        expect(JSON.parse(networkToJson(second))).toStrictEqual(JSON.parse(networkToJson(first)));
        expect(networkToCsv(second)).toStrictEqual(files);
      }),
      { numRuns: 100 },
    );
  });
});

describe('CSV errors', () => {
  it('reports a header with a missing, unknown or duplicated column on line 1', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'people.csv': 'id,nmae,title,title,attributes.x\na,A,T,T,1\n',
        'positions.csv': 'personId,title,attributes.x\na,T,1\n',
      }),
    );
    expect(issues).toEqual([
      {
        code: 'bad_header',
        path: '',
        file: 'people.csv',
        line: 1,
        column: 'nmae',
        message: 'unknown column "nmae" (did you mean "name"?)',
      },
      expect.objectContaining({ code: 'bad_header', file: 'people.csv', line: 1, column: 'title' }),
      expect.objectContaining({
        file: 'people.csv',
        column: 'name',
        message: expect.stringMatching(/missing required column/),
      }),
      expect.objectContaining({
        code: 'bad_header',
        file: 'positions.csv',
        column: 'attributes.x',
      }),
    ]);
    expect(issues[1]?.message).toMatch(/more than once/);
  });

  it('reports a column without a name', () => {
    expect(
      networkIssuesOf(() => networkFromCsv({ 'people.csv': 'id,name,\na,A,\n' })),
    ).toMatchObject([
      { code: 'bad_header', column: '', message: expect.stringMatching(/no name/) },
    ]);
  });

  it('reports an empty file as a bad header', () => {
    expect(networkIssuesOf(() => networkFromCsv({ 'people.csv': '' }))).toMatchObject([
      {
        code: 'bad_header',
        file: 'people.csv',
        line: 1,
        message: expect.stringMatching(/id,name/),
      },
    ]);
  });

  it('reports an unknown .csv file name with did-you-mean, and no known file', () => {
    expect(networkIssuesOf(() => networkFromCsv({ 'peple.csv': PEOPLE, 'notes.txt': '' }))).toEqual(
      [
        {
          code: 'unknown_field',
          path: '',
          file: 'peple.csv',
          message: 'unknown file "peple.csv" (did you mean "people.csv"?)',
        },
        expect.objectContaining({ code: 'missing_file', path: '' }),
      ],
    );
    expect(
      networkIssuesOf(() => networkFromCsv({ 'people.csv': PEOPLE, 'Hires.csv': '' })),
    ).toMatchObject([
      { file: 'Hires.csv', message: expect.stringMatching(/did you mean "hires.csv"/) },
    ]);
    expect(networkIssuesOf(() => networkFromCsv({}))).toMatchObject([
      { code: 'missing_file', path: '' },
    ]);
    expect(networkIssuesOf(() => networkFromCsv(new Map([['a.txt', '']])))).toMatchObject([
      { code: 'missing_file' },
    ]);
  });

  it('puts the CSV line and column on validation issues, with did-you-mean', () => {
    const relationships =
      'source,target,kind\njacob,michael,friend\nmichael,karen,friend\njacob,karen,friend\njacob,jaocb,friend\n';
    const issues = networkIssuesOf(() =>
      networkFromCsv({ 'people.csv': PEOPLE, 'relationships.csv': relationships }),
    );
    expect(issues).toEqual([
      {
        code: 'unknown_reference',
        path: 'relationships[3].target',
        message: 'unknown person "jaocb" (did you mean "jacob"?)',
        file: 'relationships.csv',
        line: 5,
        column: 'target',
      },
    ]);
  });

  it('counts lines inside quoted cells when locating later rows', () => {
    const relationships =
      'source,target,kind,context\njacob,michael,friend,"met at\na conference\n"\njacob,nobody,friend,\n';
    expect(
      networkIssuesOf(() =>
        networkFromCsv({ 'people.csv': PEOPLE, 'relationships.csv': relationships }),
      ),
    ).toMatchObject([{ path: 'relationships[1].target', line: 5, column: 'target' }]);
  });

  it('locates issues in positions, group members and attributes', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'people.csv': 'id,name,attributes.score\na,A,1\nb,B,1e999\n',
        'positions.csv':
          'personId,title,from,to\na,Dev,2020-01-01,2021-01-01\nb,Lead,2021-01-01,2020-01-01\nb,X,,\n',
        'groups.csv': 'id,name,members\ng,G,a;b;zed\n',
      }),
    );
    expect(issues).toMatchObject([
      {
        path: 'people[1].attributes.score',
        file: 'people.csv',
        line: 3,
        column: 'attributes.score',
      },
      {
        code: 'date_order',
        path: 'people[1].positions[0].to',
        file: 'positions.csv',
        line: 3,
        column: 'to',
      },
      {
        code: 'unknown_reference',
        path: 'groups[0].members[2]',
        file: 'groups.csv',
        line: 2,
        column: 'members',
      },
    ]);
  });

  it('reports positions of unknown people with did-you-mean', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'people.csv': PEOPLE,
        'positions.csv': 'personId,title\njacob,Dev\nmichale,Lead\n,Boss\n',
      }),
    );
    expect(issues).toEqual([
      {
        code: 'unknown_reference',
        path: '',
        message: 'unknown person "michale" (did you mean "michael"?)',
        file: 'positions.csv',
        line: 3,
        column: 'personId',
      },
      expect.objectContaining({ code: 'missing_field', file: 'positions.csv', line: 4 }),
    ]);
  });

  it('reports several problems at once, sorted by file order then line', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'relationships.csv':
          'source,target,kind,strength\njacob,michael,frend,0.5\njacob,karen,friend,lots\n',
        'people.csv': 'id,name\njacob,Jacob\nmichael,\nkaren,Karen\njacob,Again\n',
        'hires.csv': 'personId,jobId,date,channel\nkaren,nojob,2020-02-30,referral\n',
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.line, issue.column, issue.code])).toEqual([
      ['people.csv', 3, 'name', 'missing_field'],
      ['people.csv', 5, 'id', 'duplicate_id'],
      ['relationships.csv', 2, 'kind', 'invalid_value'],
      ['relationships.csv', 3, 'strength', 'invalid_type'],
      // Within a line, in the order they were found: record shape first, then references.
      ['hires.csv', 2, 'date', 'invalid_date'],
      ['hires.csv', 2, 'jobId', 'unknown_reference'],
    ]);
    expect(issues[2]?.message).toMatch(/did you mean "friend"/);
  });

  it('reports malformed CSV and bad headers without validating a half-read dataset', () => {
    const issues = networkIssuesOf(() =>
      networkFromCsv({
        'people.csv': 'id,name\njacob,"Jacob\n',
        'relationships.csv': 'source,target,kind,strength\njacob,michael,friend,x\na,b,c,d,e\n',
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.line, issue.code])).toEqual([
      ['people.csv', 2, 'parse_error'],
      ['relationships.csv', 2, 'invalid_type'],
      ['relationships.csv', 3, 'parse_error'],
    ]);
  });

  it('passes options on, and reports invalid options', () => {
    const files = {
      'people.csv': PEOPLE,
      'relationships.csv': 'source,target,kind,since\njacob,michael,friend,2020-01-01\n',
    };
    expect(networkFromCsv(files, { asOf: '2019-01-01' }).relationships).toHaveLength(0);
    expect(() => networkFromCsv(files, { asOf: 'soon' })).toThrow(InvalidOptionsError);
  });
});

describe('readNetwork and writeNetwork', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warmpath-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const input: NetworkInput = {
    people: [
      { id: 'a', name: 'Ann, "A"', skills: ['x;y'], positions: [{ title: 'Dev' }] },
      { id: 'b', name: 'Bob', attributes: { cohort: '2023' } },
    ],
    relationships: [{ source: 'a', target: 'b', kind: 'friend', strength: 0.4 }],
  };

  it('writes a CSV folder (creating it) and reads it back', async () => {
    const network = createNetwork(input);
    const folder = join(dir, 'nested', 'csv');
    await writeNetwork(network, folder, { format: 'csv' });
    expect((await readdir(folder)).sort()).toEqual([...CSV_FILES].sort());
    expect((await readNetwork(folder)).dataset).toStrictEqual(network.dataset);
  });

  it('writes a JSON file and reads it back', async () => {
    const network = createNetwork(input);
    const file = join(dir, 'network.json');
    await writeNetwork(network, file, { format: 'json' });
    expect(await readFile(file, 'utf8')).toBe(networkToJson(network));
    expect((await readNetwork(file)).dataset).toStrictEqual(network.dataset);
  });

  it('names the file in issues from a folder or a JSON file', async () => {
    const folder = join(dir, 'bad');
    await mkdir(folder);
    await writeFile(join(folder, 'people.csv'), '\uFEFFid,name\r\na,A\r\n');
    await writeFile(join(folder, 'relationships.csv'), 'source,target,kind\r\na,b,friend\r\n');
    await writeFile(join(folder, 'notes.md'), 'ignored');
    await expect(readNetwork(folder)).rejects.toMatchObject({
      issues: [{ file: 'relationships.csv', line: 2, column: 'target' }],
    });
    const file = join(dir, 'bad.json');
    await writeFile(file, '{"people":[{"id":"a"}]}');
    await expect(readNetwork(file)).rejects.toMatchObject({
      issues: [{ file: 'bad.json', path: 'people[0].name', code: 'missing_field' }],
    });
  });

  it('reports an empty folder as missing files, and an unknown format', async () => {
    const folder = join(dir, 'empty');
    await mkdir(folder);
    await expect(readNetwork(folder)).rejects.toMatchObject({
      issues: [{ code: 'missing_file' }],
    });
    await expect(
      writeNetwork(createNetwork({}), join(dir, 'x'), { format: 'xml' as 'csv' }),
    ).rejects.toBeInstanceOf(InvalidOptionsError);
  });

  it('passes file-system errors through', async () => {
    await expect(readNetwork(join(dir, 'does-not-exist.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
