import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNetwork, networkFromJson, networkToJson } from '../../src/index.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { networkIssuesOf } from '../support/errors.js';

describe('JSON import and export', () => {
  it('round-trips any valid network exactly (import, export, import)', () => {
    fc.assert(
      fc.property(arbitraryNetworkInput(), (input) => {
        const first = createNetwork(input);
        const text = networkToJson(first);
        const second = networkFromJson(text);
        expect(second.dataset).toStrictEqual(first.dataset);
        expect(networkToJson(second)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the format marker and every collection', () => {
    const json = JSON.parse(networkToJson(createNetwork({}), { indent: 0 }));
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'organizations',
      'people',
      'jobs',
      'groups',
      'relationships',
      'hires',
      'applications',
    ]);
  });

  it('reads text with a byte-order mark', () => {
    expect(networkFromJson('\uFEFF{"people":[{"id":"a","name":"A"}]}').people).toHaveLength(1);
  });

  it('reports JSON syntax errors with line and column', () => {
    const text = '{\n  "people": [\n    {"id": "a", "name": "A",}\n  ]\n}';
    const [issue] = networkIssuesOf(() => networkFromJson(text, {}, 'network.json'));
    expect(issue).toMatchObject({ code: 'parse_error', file: 'network.json', line: 3 });
  });

  it('names the file in validation issues', () => {
    expect(() => networkFromJson('{"people":[{"id":"a"}]}', {}, 'x.json')).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            file: 'x.json',
            path: 'people[0].name',
            code: 'missing_field',
          }),
        ],
      }),
    );
  });
});
