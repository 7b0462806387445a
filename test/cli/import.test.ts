import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFromLinkedIn, networkToDataset, readNetwork } from 'warmpath';
import { BUILD_TIMEOUT_MS, cli, ensureBuilt, tempDir } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const temp = tempDir();
afterAll(temp.remove);

/** A small export as LinkedIn writes it: notes, the header, quoted commas, dates like 12 Mar 2024. */
const EXPORT = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Dana,Cho,https://www.linkedin.com/in/dana-cho-1a2b,,Brightline IT Solutions,Account Manager,12 Mar 2024',
  'Greg,Hollis,https://www.linkedin.com/in/greghollis,greg@example.com,Brightline IT Solutions,"Director of Sales, East",03 Jan 2019',
  'Priya,Nair,https://www.linkedin.com/in/priya-nair,,"Harbor Creative Group, Inc.",Designer,28 Feb 2021',
  '',
].join('\n');
const OWNER = { owner: 'Jacob Ellis', ownerId: 'jacob' };

function exportFile(text = EXPORT): string {
  const path = join(temp.path, `Connections-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  return path;
}

describe('warmpath import linkedin', () => {
  it('writes the connections as a network with --out, as networkFromLinkedIn reads them', async () => {
    const out = join(temp.path, 'mine.json');
    const file = exportFile();
    const run = cli([
      'import',
      'linkedin',
      file,
      '--owner',
      'Jacob Ellis',
      '--owner-id',
      'jacob',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      from: file,
      path: out,
      format: 'json',
      people: 4,
      organizations: 2,
    });
    const expected = networkFromLinkedIn(EXPORT, OWNER);
    expect(networkToDataset(await readNetwork(out))).toEqual(networkToDataset(expected));
  });

  it('prints the network as JSON on stdout without --out, also from standard input', () => {
    const run = cli(['import', 'linkedin', '-', '--owner', 'Jacob Ellis', '--owner-id', 'jacob'], {
      input: EXPORT,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(networkToDataset(networkFromLinkedIn(EXPORT, OWNER)));
    const summary = cli([
      'import',
      'linkedin',
      exportFile(),
      '--owner',
      'Jacob Ellis',
      '--format',
      'table',
    ]);
    expect(summary.stdout).toContain(
      "Jacob Ellis's LinkedIn connections:\n  connections:   3\n  organisations: 2\n",
    );
  });

  it('writes other formats by extension or --to', async () => {
    const folder = join(temp.path, 'mine-csv');
    const run = cli([
      'import',
      'linkedin',
      exportFile(),
      '--owner',
      'Jacob Ellis',
      '--out',
      folder,
      '--to',
      'csv',
    ]);
    expect(run.status).toBe(0);
    expect((await readNetwork(folder)).people.map((p) => p.id)).toEqual([
      'jacob-ellis',
      'dana-cho-1a2b',
      'greghollis',
      'priya-nair',
    ]);
  });

  it('exits with 2 and every problem, with file and line, for a bad export', () => {
    const bad = EXPORT.replace('12 Mar 2024', 'yesterday').replace(
      'https://www.linkedin.com/in/priya-nair',
      'priya',
    );
    const file = exportFile(bad);
    const run = cli(['import', 'linkedin', file, '--owner', 'Jacob Ellis']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const name = file.split('/').pop();
    expect(run.stderr).toMatch(/^warmpath: Invalid network \(2 problems\):\n/);
    expect(run.stderr).toContain(`  - ${name}:5 (Connected On) `);
    expect(run.stderr).toContain(`  - ${name}:7 (URL) `);
  });

  it('exits with 2 without --owner, for a file that is not an export, or CSV on stdout', () => {
    const owner = cli(['import', 'linkedin', exportFile()]);
    expect(owner.status).toBe(2);
    expect(owner.stderr).toContain("required option '--owner <name>' not specified");
    const notExport = cli(['import', 'linkedin', exportFile('id,name\np1,Jo\n'), '--owner', 'Jo']);
    expect(notExport.status).toBe(2);
    expect(notExport.stderr).toContain('not a LinkedIn connections export');
    const csv = cli(['import', 'linkedin', exportFile(), '--owner', 'Jo', '--format', 'csv']);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toBe(
      'warmpath: a network is not one table: write it with --out (a folder for CSV), not --format csv\n',
    );
  });

  it('points other commands given an export to import linkedin', () => {
    const file = exportFile();
    const run = cli(['connectors', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `warmpath: ${file} is a LinkedIn connections export: make it a network first, e.g. warmpath import linkedin ${JSON.stringify(file)} --owner "Your Name" --out network.json\n`,
    );
  });

  it('has help with examples', () => {
    const run = cli(['import', 'linkedin', '--help']);
    expect(run.stdout).toContain('Usage: warmpath import linkedin [options] <file>');
    expect(run.stdout).toContain(
      '$ warmpath import linkedin Connections.csv --owner "Jacob Ellis" --out network.json',
    );
    expect(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).toContain('"bin"');
  });
});
