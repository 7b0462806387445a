import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, drawSeedStory, NEIGHBORHOOD } from '../../examples/draw-seed-story.js';
import { loadSeedNetwork } from '../../examples/seed-story.js';
import { findIntroductions } from '../../src/paths/find.js';
import { neighborhood } from '../../src/render/neighborhood.js';
import { svgGroups } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'warmpath-draw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/draw-seed-story.ts', () => {
  const network = loadSeedNetwork();

  it('writes the three pictures, each with the people and hops it should show', async () => {
    const logged: string[] = [];
    const files = await drawSeedStory(dir, (line) => logged.push(line));
    expect(files.map((f) => basename(f))).toEqual([
      'seed-story-chains.svg',
      'michael-to-laura.svg',
      'michael-neighborhood.svg',
    ]);
    expect(logged).toHaveLength(3);
    const groups = (name: string): ReturnType<typeof svgGroups> =>
      svgGroups(readFileSync(join(dir, name), 'utf8'));

    const chains = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'it-sales-rep' },
      asOf: '2024-04-10',
      k: 3,
    });
    const drawn = groups('seed-story-chains.svg');
    expect(drawn.filter((g) => g.kind === 'node').map((g) => g.title)).toEqual(
      expect.arrayContaining(
        chains.paths.flatMap((p, i) => p.people.map((id) => `${i + 1}:${id}`)),
      ),
    );
    expect(drawn.filter((g) => g.kind === 'edge')).toHaveLength(
      chains.paths.reduce((n, p) => n + p.hops.length, 0),
    );
    const toLaura = groups('michael-to-laura.svg').filter((g) => g.kind === 'node');
    expect(toLaura.some((g) => g.texts[0] === 'Laura Whitfield')).toBe(true);

    const around = neighborhood(network, NEIGHBORHOOD.personId, {
      hops: NEIGHBORHOOD.hops,
      minStrength: NEIGHBORHOOD.minStrength,
    });
    expect(
      groups('michael-neighborhood.svg')
        .filter((g) => g.kind === 'node')
        .map((g) => g.title)
        .sort(),
    ).toEqual(around.people.map((p) => p.id));
  });

  it('has written the pictures the README and docs/render.md show', () => {
    for (const name of [
      'seed-story-chains.svg',
      'michael-to-laura.svg',
      'michael-neighborhood.svg',
    ]) {
      const file = join(DEFAULT_OUT_DIR, name);
      expect(existsSync(file), `${file}: run npx tsx examples/draw-seed-story.ts`).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain('<svg');
    }
  });
});
