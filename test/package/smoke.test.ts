/**
 * Runs against the built package (dist/), the way users load it: ESM `import` and CJS `require`.
 * Catches what type checks cannot, such as a dependency subpath that only resolves in one format.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const input = {
  people: [
    { id: 'jacob', name: 'Jacob' },
    { id: 'michael', name: 'Michael' },
  ],
  relationships: [{ source: 'jacob', target: 'michael', kind: 'friend', strength: 0.8 }],
};

describe.each([
  // A computed specifier, so type checks before the build do not need dist/ to exist.
  [
    'ESM import of dist/index.js',
    () => import(new URL('../../dist/index.js', import.meta.url).href),
  ],
  ['CJS require of dist/index.cjs', async () => require('../../dist/index.cjs')],
])('%s', (_name, load) => {
  it('builds a network, reads and writes JSON, and throws named errors', async () => {
    const warmpath = await load();
    const network = warmpath.createNetwork(input);
    expect(network.tie('jacob', 'michael').strength).toBe(0.8);
    expect(network.graph.order).toBe(2);
    const copy = warmpath.networkFromJson(warmpath.networkToJson(network));
    expect(copy.dataset).toEqual(network.dataset);
    let error: unknown;
    try {
      warmpath.createNetwork({ people: [{ id: 'a' }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(warmpath.InvalidNetworkError);
    expect((error as { name: string }).name).toBe('InvalidNetworkError');
  });

  it('computes betweenness on worker threads from the built files', async () => {
    const warmpath = await load();
    const network = warmpath.createNetwork({
      people: ['a', 'b', 'c'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 'a', target: 'b', kind: 'other', strength: 0.5 },
        { source: 'b', target: 'c', kind: 'other', strength: 0.5 },
      ],
    });
    const scores = await warmpath.betweennessParallel(network, { workers: 2 });
    expect(scores.get('b')).toBe(1);
    expect(warmpath.communities(network).members.flat().sort()).toEqual(['a', 'b', 'c']);
  });

  it('finds chains and reads back CSV, graphology and GEXF exports (CommonJS dependencies included)', async () => {
    const warmpath = await load();
    const network = warmpath.createNetwork(input);
    const { paths } = warmpath.findIntroductions(network, { from: 'jacob', to: 'michael' });
    expect(paths[0].people).toEqual(['jacob', 'michael']);
    expect(paths[0].probability).toBe(0.8);
    for (const [write, read] of [
      ['networkToCsv', 'networkFromCsv'],
      ['networkToGraphology', 'networkFromGraphology'],
      ['networkToGexf', 'networkFromGexf'],
    ] as const) {
      expect(warmpath[read](warmpath[write](network)).dataset, write).toEqual(network.dataset);
    }
  });
});
