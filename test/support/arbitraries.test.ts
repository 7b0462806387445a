import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/index.js';
import { COLLECTIONS } from '../../src/model/schema.js';
import { arbitraryNetworkInput } from './arbitraries.js';

describe('arbitraryNetworkInput', () => {
  it('generates only valid networks', () => {
    fc.assert(
      fc.property(arbitraryNetworkInput(), (input) => {
        expect(() => createNetwork(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('generates networks with every collection populated', () => {
    const samples = fc.sample(arbitraryNetworkInput(), { numRuns: 200, seed: 1 });
    for (const key of COLLECTIONS) {
      expect(
        samples.some((s) => (s[key]?.length ?? 0) > 0),
        key,
      ).toBe(true);
    }
  });
});
