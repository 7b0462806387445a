/**
 * Compiles a `Network` for path queries, once per network (cached; networks never change).
 */
import type { Network } from '../model/network.js';
import { type CompiledNetwork, CompiledNetworkBuilder } from './compiled.js';

const cache = new WeakMap<Network, CompiledNetwork>();

/**
 * The compiled form of a network: its people and ties in typed arrays (see `CompiledNetwork`).
 * Tie `t` of the compiled form is `network.ties()[t]`. Cached per network.
 *
 * @example
 * ```ts
 * const compiled = compileNetwork(network);
 * compiled.nodeCount === network.people.length; // true
 * ```
 */
export function compileNetwork(network: Network): CompiledNetwork {
  let compiled = cache.get(network);
  if (compiled === undefined) {
    const builder = new CompiledNetworkBuilder();
    for (const person of network.people) {
      builder.addPerson(person.id, {
        introductions: person.introductions,
        organizationId: person.organizationId,
      });
    }
    for (const tie of network.ties())
      builder.addTie(tie.source, tie.target, tie.forward, tie.backward);
    compiled = builder.build();
    cache.set(network, compiled);
  }
  return compiled;
}
