import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createNetwork,
  DETECTED_FORMATS,
  detectFormat,
  InvalidNetworkError,
  InvalidOptionsError,
  NETWORK_FORMATS,
  networkFromLinkedIn,
  networkToGexf,
  networkToGraphml,
  networkToJson,
  readNetwork,
  writeNetwork,
} from '../../src/index.js';
import { RICH } from '../support/rich-network.js';

const SAMPLE = fileURLToPath(new URL('../../examples/linkedin/Connections.csv', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const network = createNetwork(RICH);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warmpath-detect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes `process.stdin` yield these chunks. */
function stdinOf(chunks: readonly (string | Buffer)[]): void {
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(
    Readable.from(chunks) as unknown as typeof process.stdin,
  );
}

describe('detectFormat', () => {
  it("tells each format from the text every writer writes, and LinkedIn's export", async () => {
    const linkedIn = await readFile(SAMPLE, 'utf8');
    const texts = {
      json: networkToJson(network),
      gexf: networkToGexf(network),
      graphml: networkToGraphml(network),
      linkedin: linkedIn,
    };
    expect(Object.keys(texts)).toEqual([...DETECTED_FORMATS]);
    for (const [format, text] of Object.entries(texts)) {
      expect(detectFormat(text), format).toBe(format);
      expect(detectFormat(`\uFEFF \r\n\t${text}`), `${format} after a BOM and space`).toBe(format);
    }
  });

  it('looks past the XML declaration, comments and a document type, and at the root only', () => {
    expect(detectFormat('<!-- made by hand --><graphml/>')).toBe('graphml');
    expect(
      detectFormat('<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY a "b">]>\n<!-- x -->\n<gexf>'),
    ).toBe('gexf');
    expect(detectFormat('<g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns">')).toBe(
      'graphml',
    );
    expect(detectFormat('<svg><graphml/></svg>')).toBeUndefined();
    expect(detectFormat('<graphmlx/>')).toBeUndefined();
  });

  it('finds a LinkedIn export by its notes or by its header, not by other CSV', () => {
    expect(detectFormat('Notes:\n"anything, at all"\n')).toBe('linkedin');
    expect(detectFormat('First Name,Last Name,Company,Position,Connected On\n')).toBe('linkedin');
    expect(detectFormat('"First Name","Last Name",URL\r\n')).toBe('linkedin');
    for (const other of ['id,name\njacob,Jacob\n', 'First Name\n', '', '   ', '[1,2]', 'null']) {
      expect(detectFormat(other), JSON.stringify(other)).toBeUndefined();
    }
    const late = `${'note\n'.repeat(25)}First Name,Last Name\n`;
    expect(detectFormat(late)).toBeUndefined();
  });
});

describe('readNetwork by content', () => {
  it('writes every format and reads it back, whatever the file is called', async () => {
    expect([...NETWORK_FORMATS]).toEqual(['json', 'csv', 'graphml', 'gexf']);
    for (const format of NETWORK_FORMATS) {
      // Misleading names: the content decides.
      const path = join(dir, `written-${format}.txt`);
      await writeNetwork(network, path, { format });
      expect((await readNetwork(path)).dataset, format).toStrictEqual(network.dataset);
    }
    expect(await readFile(join(dir, 'written-graphml.txt'), 'utf8')).toBe(
      networkToGraphml(network),
    );
    expect(await readFile(join(dir, 'written-gexf.txt'), 'utf8')).toBe(networkToGexf(network));
  });

  it('names the file in the issues of each format', async () => {
    const broken = {
      'bad.json': '{"people":[{"id":"a"}]}',
      'bad.graphml': networkToGraphml(network).replace('<data key="n_name">Lee</data>', ''),
      'bad.gexf': networkToGexf(network).replace('<attvalue for="name" value="Lee"/>', ''),
    };
    expect(broken['bad.graphml']).not.toBe(networkToGraphml(network));
    expect(broken['bad.gexf']).not.toBe(networkToGexf(network));
    for (const [name, text] of Object.entries(broken)) {
      await writeFile(join(dir, name), text);
      await expect(readNetwork(join(dir, name)), name).rejects.toMatchObject({
        issues: [expect.objectContaining({ file: name, code: 'missing_field' })],
      });
    }
  });

  it('reads a LinkedIn export given its owner, and asks for the owner otherwise', async () => {
    const path = join(dir, 'export.csv');
    await copyFile(SAMPLE, path);
    const network = await readNetwork(path, {
      linkedIn: { owner: 'Jacob Ellis', ownerId: 'jacob' },
    });
    expect(network.dataset).toStrictEqual(
      networkFromLinkedIn(await readFile(SAMPLE, 'utf8'), {
        owner: 'Jacob Ellis',
        ownerId: 'jacob',
      }).dataset,
    );
    const asOf = await readNetwork(path, { asOf: '2016-01-01', linkedIn: { owner: 'J' } });
    expect(asOf.relationships.every((r) => (r.since ?? '') <= '2016-01-01')).toBe(true);
    expect(asOf.relationships.length).toBeGreaterThan(0);
    await expect(readNetwork(path)).rejects.toMatchObject({
      name: 'InvalidOptionsError',
      issues: [expect.objectContaining({ path: 'linkedIn.owner', code: 'missing_field' })],
    });
    await writeFile(
      path,
      'Notes:\n"x"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,soon\n',
    );
    await expect(readNetwork(path, { linkedIn: { owner: 'Me' } })).rejects.toMatchObject({
      issues: [{ file: 'export.csv', line: 5, column: 'Connected On', code: 'invalid_date' }],
    });
  });

  it('says which formats it reads when it cannot tell', async () => {
    const cases = {
      'people.csv': ['id,name\na,A\n', 'cannot tell the format from the content'],
      'empty.json': ['', 'the file is empty'],
      'drawing.svg': ['<?xml version="1.0"?><svg/>', 'an XML document whose root element is <svg>'],
    };
    for (const [name, [text, start]] of Object.entries(cases)) {
      await writeFile(join(dir, name), text as string);
      const error = await readNetwork(join(dir, name)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidNetworkError);
      const [issue] = (error as InvalidNetworkError).issues;
      expect(issue).toMatchObject({ code: 'parse_error', file: name, line: 1 });
      expect(issue?.message.startsWith(start as string)).toBe(true);
      expect(issue?.message).toContain('GraphML');
      expect(issue?.message).toContain("LinkedIn's Connections.csv");
    }
  });

  it('still reads a folder as CSV files', async () => {
    const folder = join(dir, 'csv-folder');
    await mkdir(folder);
    await writeNetwork(network, folder, { format: 'csv' });
    expect((await readNetwork(folder)).dataset).toStrictEqual(network.dataset);
  });

  it('lists the formats when asked for another', async () => {
    const error = await writeNetwork(network, join(dir, 'x'), { format: 'graphm' as 'csv' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as InvalidOptionsError).message).toContain(
      'must be one of "json", "csv", "graphml", "gexf", got "graphm" (did you mean "graphml"?)',
    );
  });
});

describe("readNetwork('-'): standard input", () => {
  it('reads every chunk, a character split between chunks included', async () => {
    const bytes = Buffer.from(
      networkToGraphml(createNetwork({ people: [{ id: 'zoë', name: 'Zoë 😀' }] })),
    );
    const split = bytes.indexOf(Buffer.from('😀')) + 2;
    stdinOf([bytes.subarray(0, split), bytes.subarray(split)]);
    const network = await readNetwork('-');
    expect(network.person('zoë')?.name).toBe('Zoë 😀');
  });

  it('names standard input in issues, and detects each format there too', async () => {
    stdinOf(['{"people":[{"id":"a"}]}']);
    await expect(readNetwork('-')).rejects.toMatchObject({
      issues: [{ file: 'stdin', path: 'people[0].name', code: 'missing_field' }],
    });
    stdinOf([await readFile(SAMPLE)]);
    const fromStdin = await readNetwork('-', { linkedIn: { owner: 'Jacob Ellis' } });
    expect(fromStdin.people).toHaveLength(41);
    stdinOf([networkToGexf(network)]);
    expect((await readNetwork('-')).dataset).toStrictEqual(network.dataset);
  });

  it('reads a pipe in a real process', () => {
    const script =
      "const { readNetwork } = await import('./src/index.ts'); const n = await readNetwork('-'); console.log(JSON.stringify(n.people.map((p) => p.id)));";
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, input: networkToGraphml(network), encoding: 'utf8' },
    );
    expect(JSON.parse(output)).toEqual(network.people.map((p) => p.id));
  });
});
