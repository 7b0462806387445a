/**
 * What the tests of the XML formats (GEXF, GraphML) share: the adversarial network they must
 * carry, an independent check of what XML 1.0 can hold, and the two properties every XML writer
 * and reader must have (round trip or refusal of exactly the unrepresentable text; damaged files
 * rejected only with InvalidNetworkError, without console output).
 */
import fc from 'fast-check';
import { expect, vi } from 'vitest';
import { createNetwork, InvalidNetworkError, type NetworkInput } from '../../src/index.js';
import type { Network } from '../../src/model/network.js';
import { ADVERSARIAL_IDS, COERCIBLE_ATTRIBUTES, withOwnProto } from './adversarial.js';
import { arbitraryNetworkInput } from './arbitraries.js';

function customAttributes(): Record<string, string | number | boolean> {
  return withOwnProto<string | number | boolean>(
    {
      ...COERCIBLE_ATTRIBUTES,
      big: 1e21,
      json: '{"a":1}',
      list: '[a, "b,c"]',
      // Characters XML cannot hold survive in JSON columns.
      control: 'a\u0001b\u0000',
      noncharacter: '\uFFFE\uFFFF',
      lone: '\uD800x\uDC00',
    },
    'kept',
  );
}

/**
 * A network of adversarial ids (`__proto__`, emoji, colons, a long id), names with tabs and line
 * breaks, skills and custom attributes XML cannot hold as text, `-0`, and directed and
 * undirected relationships.
 */
export function adversarialXmlInput(): NetworkInput {
  return {
    organizations: [{ id: '__proto__', name: 'Proto <Inc> & "Co"' }],
    people: ADVERSARIAL_IDS.map((id) => ({
      id,
      name: ` name ${id}\n\ttab\r\n `,
      skills: ['a,b', ' padded ', '\u0002'],
      attributes: customAttributes(),
    })),
    groups: [{ id: 'constructor', name: 'g', members: [...ADVERSARIAL_IDS] }],
    relationships: ADVERSARIAL_IDS.slice(1).map((id, i) => ({
      source: ADVERSARIAL_IDS[i] as string,
      target: id,
      kind: 'friend' as const,
      interactionsPerMonth: i === 0 ? -0 : i,
      ...(i % 2 === 0 ? { directed: true } : {}),
    })),
  };
}

/** Whether XML 1.0 can represent `text` (written independently of the library's check). */
export function xmlCanHold(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const ok =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (!ok) return false;
  }
  return true;
}

/** The value at a dataset path such as `people[3].name`. */
export function valueAt(dataset: unknown, path: string): unknown {
  let value = dataset;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Property: any network is either written and read back to the same dataset (after `check` on
 * the text), or refused with `encodingError` whose every issue names a value XML cannot hold.
 */
export function expectRoundTripOrRefusal(
  write: (network: Network) => string,
  read: (text: string) => Network,
  encodingError: abstract new (...args: never[]) => Error & { issues: readonly { path: string }[] },
  check: (text: string) => void = () => {},
): void {
  fc.assert(
    fc.property(arbitraryNetworkInput(), (input) => {
      const network = createNetwork(input);
      let text: string;
      try {
        text = write(network);
      } catch (error) {
        expect(error).toBeInstanceOf(encodingError);
        for (const issue of (error as InstanceType<typeof encodingError>).issues) {
          expect(xmlCanHold(String(valueAt(network.dataset, issue.path)))).toBe(false);
        }
        return;
      }
      check(text);
      expect(read(text).dataset).toStrictEqual(network.dataset);
    }),
    { numRuns: 100 },
  );
}

/**
 * Property: `read` rejects `text` cut, spliced and stuffed with markup only with an
 * InvalidNetworkError, and never writes to the console.
 */
export function expectOnlyInvalidNetworkErrors(
  text: string,
  read: (text: string) => unknown,
  markup: readonly string[],
): void {
  fc.assert(
    fc.property(
      fc.nat({ max: text.length }),
      fc.nat({ max: 40 }),
      fc.oneof(fc.string(), fc.constantFrom('<', '>', '"', '&', ...markup)),
      (at, cut, insert) => {
        const damaged = text.slice(0, at) + insert + text.slice(at + cut);
        const warn = vi.spyOn(console, 'warn');
        try {
          read(damaged);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidNetworkError);
        }
        expect(warn).not.toHaveBeenCalled();
        warn.mockRestore();
      },
    ),
    { numRuns: 300 },
  );
}
