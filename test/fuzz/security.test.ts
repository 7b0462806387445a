/**
 * The claims of SECURITY.md, checked: XML entities are not expanded and external entities are
 * not fetched (no "billion laughs", no XXE), hostile XML structure is refused quickly, no input
 * pollutes a prototype, and the CSV writer writes cells verbatim (spreadsheet formulas
 * included), as SECURITY.md warns.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createNetwork,
  InvalidNetworkError,
  networkFromCsv,
  networkFromGexf,
  networkFromGraphml,
  networkFromGraphology,
  networkFromJson,
  networkFromLinkedIn,
  networkToCsv,
  networkToGexf,
  networkToGraphml,
} from '../../src/index.js';
import { parseCsv } from '../../src/io/csv-text.js';
import { MAX_XML_PROBLEMS } from '../../src/io/xml-parse.js';
import { networkIssuesOf } from '../support/errors.js';
import { expectPrototypesUntouched } from './harness.js';

const folder = mkdtempSync(join(tmpdir(), 'warmpath-security-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const SECRET = join(folder, 'secret.txt');
writeFileSync(SECRET, 'TOP SECRET');

const network = createNetwork({ people: [{ id: 'a', name: 'A' }] });
const FORMATS = [
  ['GEXF', 'gexf', networkToGexf(network), networkFromGexf],
  ['GraphML', 'graphml', networkToGraphml(network), networkFromGraphml],
] as const;

/** The document with a DTD and the person's name replaced by `reference`. */
function withDoctype(text: string, root: string, subset: string, reference: string): string {
  const body = text.replace(/^<\?xml[^>]*>\n/, '');
  return `<?xml version="1.0"?>\n<!DOCTYPE ${root} [${subset}]>\n${body
    .replace('>A<', `>${reference}<`)
    .replace('"A"', `"${reference}"`)}`;
}

describe.each(FORMATS)('%s readers and hostile XML', (_name, root, text, read) => {
  it('do not expand entities declared in a DTD (no "billion laughs")', () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join('');
    const laughs = withDoctype(text, root, `<!ENTITY l0 "ha">${levels}`, '&l9;');
    const issues = networkIssuesOf(() => read(laughs));
    expect(issues.some((issue) => issue.message.includes('entity not found:&l9;'))).toBe(true);
    // The one internal entity is not expanded either: entities are simply unknown.
    const one = withDoctype(text, root, '<!ENTITY who "Mallory">', '&who;');
    expect(networkIssuesOf(() => read(one))[0]?.message).toContain('entity not found:&who;');
  });

  it('do not read external entities (no XXE)', () => {
    const xxe = withDoctype(text, root, `<!ENTITY x SYSTEM "file://${SECRET}">`, '&x;');
    const error = (() => {
      try {
        read(xxe);
      } catch (thrown) {
        return thrown as InvalidNetworkError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidNetworkError);
    expect(JSON.stringify(error?.issues)).not.toContain('TOP SECRET');
    expect(error?.message).toContain('entity not found:&x;');
  });

  it('refuse elements nested thousands deep at once (they would take quadratic time)', () => {
    const element = '<node id="person:x"><data key="n_type">person</data>';
    // Well-formed but deep: every <node> is closed, after all the others.
    const deep = text.replace(/<node /, `${element.repeat(8_000)}${'</node>'.repeat(8_000)}<node `);
    const [issue, ...rest] = networkIssuesOf(() => read(deep));
    expect(rest).toEqual([]);
    expect(issue?.message).toMatch(
      /^<(node|data)> elements are nested more than 16 deep: a network file does not nest them$/,
    );
    // Never closed, after a damaged end tag: the damage is reported, where it is.
    const damaged = text.replace(/<node /, `</data/data>${element.repeat(8_000)}<node `);
    const [where] = networkIssuesOf(() => read(damaged));
    expect(where?.code).toBe('parse_error');
    expect(where?.message).toMatch(/^not well-formed XML: .* damaged at line \d+/);
    expect(where?.line).toBe(text.slice(0, text.search(/<node /)).split('\n').length);
  });

  it(`stop after ${MAX_XML_PROBLEMS} XML problems (elements after the root)`, () => {
    const many = `${text}${'<x/>'.repeat(50_000)}`;
    const issues = networkIssuesOf(() => read(many));
    expect(issues).toHaveLength(MAX_XML_PROBLEMS + 1);
    expect(issues.at(-1)?.message).toBe(`stopped reading after ${MAX_XML_PROBLEMS} problems`);
  });
});

describe('prototype pollution', () => {
  const own = (value: unknown) => {
    const out: Record<string, unknown> = {};
    Object.defineProperty(out, '__proto__', { value, enumerable: true });
    return out;
  };

  it('JSON with "__proto__" and "constructor" keys is data or an error, never a prototype', () => {
    for (const text of [
      '{"__proto__":{"polluted":1},"people":[]}',
      '{"people":[{"id":"a","name":"A","__proto__":{"polluted":1}}]}',
      '{"people":[{"id":"a","name":"A","attributes":{"__proto__":{"polluted":1}}}]}',
      '{"people":[{"id":"__proto__","name":"A","attributes":{"__proto__":"kept"}}]}',
      '{"constructor":{"prototype":{"polluted":1}}}',
    ]) {
      try {
        const read = networkFromJson(text);
        expect(read.people.length).toBeLessThanOrEqual(1);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidNetworkError);
      }
      expectPrototypesUntouched();
    }
    const kept = networkFromJson(
      '{"people":[{"id":"__proto__","name":"A","attributes":{"__proto__":"kept"}}]}',
    );
    expect(Object.getOwnPropertyDescriptor(kept.people[0]?.attributes, '__proto__')?.value).toBe(
      'kept',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('CSV, graphology, GEXF, GraphML and LinkedIn input cannot pollute either', () => {
    const attempts: (() => unknown)[] = [
      () =>
        networkFromCsv({
          'people.csv':
            'id,name,attributes.__proto__,attributes.constructor\n__proto__,A,{"x":1},y\n',
        }),
      () =>
        networkFromGraphology({
          nodes: [{ key: 'person:a', attributes: own({ polluted: 1 }) }],
        } as never),
      () =>
        networkFromGraphology({
          nodes: [{ key: '__proto__', attributes: { type: 'person', name: 'A' } }],
          edges: [],
        } as never),
      () =>
        networkFromGexf(networkToGexf(network).replace('id="person:a"', 'id="person:__proto__"')),
      () =>
        networkFromGraphml(networkToGraphml(network).replace('id="person:a"', 'id="__proto__"')),
      () =>
        networkFromLinkedIn(
          'First Name,Last Name,URL,Email Address,Company,Position,Connected On,__proto__\n' +
            '__proto__,constructor,https://www.linkedin.com/in/__proto__,,__proto__,toString,12 Mar 2024,x\n',
          { owner: '__proto__', ownerId: 'constructor' },
        ),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidNetworkError);
      }
      expectPrototypesUntouched();
    }
  });
});

describe('CSV export and spreadsheet formulas', () => {
  it('writes cells verbatim, formulas included, so that they read back unchanged (see SECURITY.md)', () => {
    const formulas = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)'];
    const input = {
      people: formulas.map((name, i) => ({ id: `p${i}`, name })),
    };
    const files = networkToCsv(createNetwork(input));
    const names = parseCsv(files['people.csv'] ?? '')
      .rows.slice(1)
      .map((row) => row.fields[1]);
    // Not neutralised (no leading quote added): a spreadsheet opening the file may run them.
    expect(names).toEqual(formulas);
    expect(networkFromCsv(files).people.map((p) => p.name)).toEqual(formulas);
  });
});
