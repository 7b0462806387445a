/**
 * The formats added for issue 6, against the built package (dist/), the way users load it: ESM
 * `import` and CJS `require`. graphology-graphml is a CommonJS package without an `exports` map,
 * imported by its bare name; this checks that it resolves and works from both builds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const sample = readFileSync(
  new URL('../../examples/linkedin/Connections.csv', import.meta.url),
  'utf8',
);
const input = {
  organizations: [{ id: 'acme', name: 'Acme & Co' }],
  people: [
    { id: 'jacob', name: 'Jacob', organizationId: 'acme', skills: ['a;b'] },
    { id: 'michael', name: 'Michael\tM.' },
  ],
  groups: [{ id: 'g', name: 'G', members: ['jacob', 'michael'] }],
  relationships: [{ source: 'jacob', target: 'michael', kind: 'friend', strength: 0.8 }],
};

describe.each([
  [
    'ESM import of dist/index.js',
    () => import(new URL('../../dist/index.js', import.meta.url).href),
  ],
  ['CJS require of dist/index.cjs', async () => require('../../dist/index.cjs')],
])('%s', (_name, load) => {
  it('writes GraphML and reads it back with graphology-graphml', async () => {
    const warmpath = await load();
    const network = warmpath.createNetwork(input);
    const text = warmpath.networkToGraphml(network);
    expect(warmpath.detectFormat(text)).toBe('graphml');
    expect(warmpath.networkFromGraphml(text).dataset).toEqual(network.dataset);
    let error: unknown;
    try {
      warmpath.networkFromGraphml(
        '<graphml><graph edgedefault="undirected"><node id="a"/><node id="a"/></graph></graphml>',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(warmpath.InvalidNetworkError);
    expect((error as { issues: { code: string }[] }).issues[0]?.code).toBe('duplicate_id');
  });

  it("reads LinkedIn's export with the connection kind", async () => {
    const warmpath = await load();
    const network = warmpath.networkFromLinkedIn(sample, { owner: 'Jacob Ellis' });
    expect(warmpath.detectFormat(sample)).toBe('linkedin');
    expect(network.people).toHaveLength(41);
    expect(network.relationships[0].kind).toBe('connection');
    expect(warmpath.DEFAULT_STRENGTH_MODEL.kindBase.connection).toBe(0.2);
  });
});
