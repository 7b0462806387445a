import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  DEFAULT_STRENGTH_MODEL,
  InvalidOptionsError,
  LINKEDIN_COLUMNS,
  type LinkedInOptions,
  networkFromJson,
  networkFromLinkedIn,
  networkToJson,
  RELATIONSHIP_KINDS,
} from '../../src/index.js';
import { parseCsv } from '../../src/io/csv-text.js';
import { networkFromGraphml, networkToGraphml } from '../../src/io/graphml.js';
import { parseConnectedOn, profileHandle, slugOf } from '../../src/io/linkedin-cells.js';
import { networkIssuesOf, optionIssuesOf, thrownBy } from '../support/errors.js';

const SAMPLE_PATH = new URL('../../examples/linkedin/Connections.csv', import.meta.url);
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const OWNER: LinkedInOptions = { owner: 'Jacob Ellis', ownerId: 'jacob' };
const HEADER = LINKEDIN_COLUMNS.join(',');
const PREAMBLE =
  'Notes:\n"Some e-mail addresses are missing, as members choose, in their settings."\n\n';

/** The sample's data rows, parsed by the plain CSV reader after skipping the four note lines. */
const SAMPLE_ROWS = parseCsv(SAMPLE.split('\n').slice(3).join('\n')).rows.slice(1);

function exportOf(rows: readonly string[], preamble = PREAMBLE, header = HEADER): string {
  return `${preamble}${header}\n${rows.join('\n')}\n`;
}

describe('networkFromLinkedIn on the sample export', () => {
  const network = networkFromLinkedIn(SAMPLE, OWNER);

  it('makes the owner and one person and one connection per row', () => {
    expect(SAMPLE_ROWS).toHaveLength(40);
    expect(network.people).toHaveLength(SAMPLE_ROWS.length + 1);
    expect(network.people[0]).toEqual({ id: 'jacob', name: 'Jacob Ellis' });
    expect(network.relationships).toHaveLength(SAMPLE_ROWS.length);
    network.relationships.forEach((relationship, i) => {
      expect(relationship).toMatchObject({
        source: 'jacob',
        target: network.people[i + 1]?.id,
        kind: 'connection',
        context: 'LinkedIn connection',
      });
      const connectedOn = SAMPLE_ROWS[i]?.fields[6] ?? '';
      const [day, month, year] = connectedOn.split(' ');
      const expected = new Date(`${month} ${day}, ${year} UTC`).toISOString().slice(0, 10);
      expect(relationship.since).toBe(expected);
    });
    expect(network.tiesOf('jacob')).toHaveLength(SAMPLE_ROWS.length);
  });

  it('keeps names, quoted commas, positions, URLs and e-mails', () => {
    SAMPLE_ROWS.forEach((row, i) => {
      const [first, last, url, email, company, position] = row.fields;
      const person = network.people[i + 1];
      expect(person?.attributes?.['linkedinUrl']).toBe(url);
      expect(person?.attributes?.['email']).toBe(email === '' ? undefined : email);
      if (first !== '' || last !== '') expect(person?.name).toBe(`${first} ${last}`);
      expect(person?.title).toBe(position === '' ? undefined : position);
      expect(person?.organizationId === undefined).toBe(company === '');
      if (position !== '') {
        expect(person?.positions).toEqual([
          {
            title: position,
            ...(company === '' ? {} : { organizationId: person?.organizationId }),
          },
        ]);
      }
    });
    expect(network.person('greg-okafor-3391b')?.title).toBe('Director, Inside Sales');
    const emails = SAMPLE_ROWS.filter((row) => row.fields[3] !== '').length;
    expect(emails).toBeGreaterThan(0);
    expect(emails).toBeLessThan(SAMPLE_ROWS.length / 2); // mostly empty, as in real exports
    expect(network.people.filter((p) => p.attributes?.['email'] !== undefined)).toHaveLength(
      emails,
    );
  });

  it('merges company spellings that differ in case and punctuation, named as first seen', () => {
    const companies = new Set(SAMPLE_ROWS.map((row) => row.fields[4]).filter((c) => c !== ''));
    expect(companies.size).toBe(13);
    expect(network.organizations.map((o) => o.id)).toEqual([
      'brightline-it',
      'harbor-creative-group-llc',
      'northwind-analytics',
      'kestrel-health',
      'parcel-post',
      'lind-berg-partners',
      'greenfield-schools',
      'self-employed',
      'trattoria-due',
      'carter-co-cpas',
      'bloom-retail',
    ]);
    expect(network.organization('brightline-it')?.name).toBe('Brightline IT');
    expect(network.organization('harbor-creative-group-llc')?.name).toBe(
      'Harbor Creative Group, LLC',
    );
    expect(network.membersOf('brightline-it').map((p) => p.id)).toContain('greg-okafor-3391b');
  });

  it('takes ids from profile addresses: decoded, and the same name twice stays two people', () => {
    expect(network.person('zoë-martin-5f')?.name).toBe('Zoë Martin');
    const sams = network.people.filter((p) => p.name === 'Sam Carter').map((p) => p.id);
    expect(sams).toEqual(['samcarter-1', 'sam-carter-cpa']);
    const unnamed = network.person('member-8f3a21');
    expect(unnamed?.name).toBe('member-8f3a21');
    expect(unnamed?.attributes).toEqual({
      linkedinUrl: 'https://www.linkedin.com/in/member-8f3a21',
    });
  });

  it('reads the same with a byte-order mark and CRLF line ends', () => {
    const windows = `\uFEFF${SAMPLE.replaceAll('\n', '\r\n')}`;
    expect(networkFromLinkedIn(windows, OWNER).dataset).toStrictEqual(network.dataset);
  });

  it('round-trips through JSON and GraphML', () => {
    expect(networkFromJson(networkToJson(network)).dataset).toStrictEqual(network.dataset);
    expect(networkFromGraphml(networkToGraphml(network)).dataset).toStrictEqual(network.dataset);
  });
});

describe('LinkedIn connections in the strength model', () => {
  it('are the weakest kind by default: 0.20 before duration', () => {
    const bases = DEFAULT_STRENGTH_MODEL.kindBase;
    expect(RELATIONSHIP_KINDS).toContain('connection');
    expect(bases.connection).toBe(0.2);
    for (const kind of RELATIONSHIP_KINDS) {
      if (kind !== 'connection') expect(bases[kind]).toBeGreaterThan(bases.connection);
    }
    const undated = networkFromLinkedIn(exportOf(['Ann,Lee,,,,,']), { owner: 'Me' });
    expect(undated.strengths()[0]?.strength).toBe(bases.connection);
  });

  it('are stronger the longer ago they were made, and follow kindBase.connection', () => {
    const rows = ['Ann,Lee,,,,,01 Jan 2014', 'Bo,Park,,,,,01 Jan 2024'];
    const network = networkFromLinkedIn(exportOf(rows), { owner: 'Me' });
    const [old, recent] = network.strengths();
    expect(old?.strength).toBeGreaterThan(recent?.strength ?? 1);
    expect(old?.text).toMatch(/^connection 0\.20 × duration/);
    const tuned = networkFromLinkedIn(exportOf(rows), {
      owner: 'Me',
      strengthModel: { kindBase: { connection: 0.4 } },
    });
    expect(tuned.strengths()[1]?.strength).toBeCloseTo(2 * (recent?.strength ?? 0), 12);
  });
});

describe('LinkedIn ids', () => {
  it('slugs names and makes taken ids unique in a fixed order', () => {
    const rows = [
      'Jo,Smith,,,,,',
      'Jo,Smith,,,,,',
      "Zoë,O'Brien,,,,,",
      'Me,,,,,,',
      'Jo,Smith,https://www.linkedin.com/in/jo-smith,,,,',
    ];
    const network = networkFromLinkedIn(exportOf(rows), { owner: 'Me' });
    // The row with a URL keeps its handle although it comes last.
    expect(network.people.map((p) => p.id)).toEqual([
      'me',
      'jo-smith-2',
      'jo-smith-3',
      'zoe-o-brien',
      'me-2',
      'jo-smith',
    ]);
  });

  it('never changes the id of a profile with a URL when rows are reordered (property)', () => {
    const rows = [
      'Jo,Smith,https://www.linkedin.com/in/jo-smith,,,,',
      'Jo,Smith,,,,,',
      'Al,Ng,https://www.linkedin.com/in/Al-Ng-1,,,,',
      'Al,Ng,,,,,',
      'Me,,,,,,',
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: 1 }), (subset) => {
        const network = networkFromLinkedIn(exportOf(subset), { owner: 'Me' });
        const ids = network.people.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        subset.forEach((row, i) => {
          const url = row.split(',')[2] ?? '';
          if (url !== '') expect(ids[i + 1]).toBe(profileHandle(url));
        });
      }),
    );
  });

  it('reads handles and slugs as documented', () => {
    expect(profileHandle('https://www.linkedin.com/in/Jane-Doe-1a2b/')).toBe('jane-doe-1a2b');
    expect(profileHandle('https://www.linkedin.com/in/j%C3%BCrgen?trk=x')).toBe('jürgen');
    expect(profileHandle('https://linkedin.com/pub/jane-doe/1/2/3')).toBe('3');
    expect(profileHandle('linkedin.com/in/jane')).toBeUndefined();
    expect(profileHandle('mailto:jane@example.com')).toBeUndefined();
    expect(slugOf("Zoë O'Brien, PhD")).toBe('zoe-o-brien-phd');
    expect(slugOf('山田 太郎')).toBe('山田-太郎');
    expect(slugOf(' ★ ')).toBe('★');
  });

  it('reads LinkedIn dates and ISO dates, and nothing else', () => {
    expect(parseConnectedOn('12 Mar 2024')).toBe('2024-03-12');
    expect(parseConnectedOn('1 September 2020')).toBe('2020-09-01');
    expect(parseConnectedOn('05 Sept 2019')).toBe('2019-09-05');
    expect(parseConnectedOn('29 Feb 2024')).toBe('2024-02-29');
    expect(parseConnectedOn('2024-03-12')).toBe('2024-03-12');
    for (const bad of ['29 Feb 2023', '31 Apr 2024', '12 Mrz 2024', '03/12/2024', 'Mar 12, 2024']) {
      expect(parseConnectedOn(bad), bad).toBeUndefined();
    }
  });
});

describe('LinkedIn layouts', () => {
  it('reads an export without the notes, without URL or e-mail columns, with extra columns', () => {
    const header = 'First Name,Last Name,Company,Position,Connected On,Tags';
    const text = exportOf(['Ann,Lee,Acme,CTO,02 Jan 2018,alumni'], '', header);
    const network = networkFromLinkedIn(text, { owner: 'Me', ownerId: 'me' });
    expect(network.person('ann-lee')).toEqual({
      id: 'ann-lee',
      name: 'Ann Lee',
      organizationId: 'acme',
      title: 'CTO',
      positions: [{ title: 'CTO', organizationId: 'acme' }],
      attributes: { firstName: 'Ann', lastName: 'Lee', Tags: 'alumni' },
    });
  });

  it('passes createNetwork options on: asOf leaves out later connections', () => {
    const rows = ['Ann,Lee,,,,,01 Jan 2014', 'Bo,Park,,,,,01 Jan 2024'];
    const network = networkFromLinkedIn(exportOf(rows), { owner: 'Me', asOf: '2020-01-01' });
    expect(network.relationships.map((r) => r.target)).toEqual(['ann-lee']);
  });
});

describe('LinkedIn errors', () => {
  it('lists every bad row with file, line, column and field', () => {
    const rows = [
      'Ann,Lee,https://www.linkedin.com/in/ann,,,,yesterday',
      ',,,,Acme,,01 Jan 2020',
      '"Bo, Jr",Park,not a url,,,,01 Jan 2020',
      'Cy,Diaz,,,,',
      'Ann,Lee,https://www.linkedin.com/in/ANN,,,,01 Jan 2020',
      'Di,Fox,,,,,31 Feb 2021',
    ];
    const issues = networkIssuesOf(() =>
      networkFromLinkedIn(exportOf(rows), { owner: 'Me' }, 'Connections (1).csv'),
    );
    expect(issues.map(({ code, path, line, column }) => ({ code, path, line, column }))).toEqual([
      { code: 'invalid_date', path: 'relationships[0].since', line: 5, column: 'Connected On' },
      { code: 'missing_field', path: 'people[2].name', line: 6, column: 'First Name' },
      {
        code: 'invalid_value',
        path: 'people[3].attributes.linkedinUrl',
        line: 7,
        column: 'URL',
      },
      { code: 'parse_error', path: '', line: 8, column: undefined },
      { code: 'duplicate_id', path: 'people[4].id', line: 9, column: 'URL' },
      { code: 'invalid_date', path: 'relationships[4].since', line: 10, column: 'Connected On' },
    ]);
    expect(issues.every((i) => i.file === 'Connections (1).csv')).toBe(true);
    expect(issues[0]?.message).toContain('"yesterday"');
    expect(issues[4]?.message).toContain('the same profile as line 5');
  });

  it('names a file without the header, and a header without a column', () => {
    const [none] = networkIssuesOf(() => networkFromLinkedIn('id,name\na,A\n', { owner: 'Me' }));
    expect(none).toMatchObject({ code: 'bad_header', file: 'Connections.csv', line: 1 });
    expect(none?.message).toContain(`no header line "${HEADER}"`);
    const header = 'First Name,Last Name,URL,Position,Position';
    const issues = networkIssuesOf(() =>
      networkFromLinkedIn(exportOf(['a,b,,c,d'], PREAMBLE, header), { owner: 'Me' }),
    );
    expect(issues.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'bad_header', line: 4, column: 'Position' },
      { code: 'bad_header', line: 4, column: 'Company' },
      { code: 'bad_header', line: 4, column: 'Connected On' },
    ]);
  });

  it('requires the owner, and checks the other options', () => {
    const text = exportOf(['Ann,Lee,,,,,']);
    expect(optionIssuesOf(() => networkFromLinkedIn(text, {} as LinkedInOptions))).toEqual([
      { path: 'owner', code: 'missing_field' },
    ]);
    expect(optionIssuesOf(() => networkFromLinkedIn(text, { owner: ' ', ownerId: '' }))).toEqual([
      { path: 'owner', code: 'invalid_type' },
      { path: 'ownerId', code: 'invalid_type' },
    ]);
    expect(
      optionIssuesOf(() => networkFromLinkedIn(text, { owner: 'Me', asof: '2020' } as never)),
    ).toEqual([{ path: 'asof', code: 'unknown_field' }]);
    thrownBy(() => networkFromLinkedIn(text, null as never), InvalidOptionsError);
  });

  it('builds a dataset createNetwork accepts as it is', () => {
    const network = networkFromLinkedIn(SAMPLE, OWNER);
    expect(createNetwork(network.dataset).dataset).toStrictEqual(network.dataset);
  });
});
