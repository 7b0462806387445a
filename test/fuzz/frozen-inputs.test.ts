/**
 * No function changes its inputs: every exported function that takes data is called with deeply
 * frozen datasets and options (a write to a frozen object throws in strict mode, which ES modules
 * are), and inputs that cannot be frozen (Maps) are compared with a copy taken before the call.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  attributeHires,
  betweenness,
  bridgingTies,
  canSee,
  closeness,
  clustering,
  communities,
  compileNetwork,
  constraint,
  createIntroductionFinder,
  createNetwork,
  DEFAULT_STRENGTH_MODEL,
  degree,
  differenceInterval,
  effectiveSize,
  efficiency,
  eigenvector,
  embeddedness,
  explainStrength,
  findIntroductions,
  generateMarket,
  harmonic,
  hierarchy,
  introductionBrokers,
  introductionPaths,
  localBridges,
  modularity,
  Network,
  type NetworkInput,
  neighborhood,
  neighborhoodOverlap,
  networkFromCsv,
  networkFromGraphology,
  networkToCsv,
  networkToDataset,
  networkToGexf,
  networkToGraphml,
  networkToGraphology,
  networkToJson,
  pagerank,
  planIntroductions,
  proportionInterval,
  pseudonymize,
  referralChains,
  referralFunnel,
  referralShare,
  requirementsGap,
  resolveStrengthModel,
  simulateHiring,
  strength,
  sweepReferralShare,
  tieAnalysis,
  toDot,
  toMermaid,
  topConnectors,
  vacancyChains,
  visibleNetwork,
  WarmpathError,
} from '../../src/index.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { RICH } from '../support/rich-network.js';
import { fuzz, testTimeout } from './harness.js';
import { plainCopy } from './mutations.js';

/** Whether `value` is plain data (an object literal, an array or a Map), not a class instance. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (
    proto === Object.prototype ||
    proto === Array.prototype ||
    proto === null ||
    value instanceof Map
  );
}

/**
 * Freezes plain data and everything it holds (iteratively: inputs may be deep). Class instances
 * (a Network, a graph) are left as they are: their own caches are not inputs.
 */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item) || !isPlain(item)) continue;
    seen.add(item);
    if (item instanceof Map) {
      for (const [key, entry] of item) stack.push(key, entry);
    } else {
      for (const key of Reflect.ownKeys(item))
        stack.push((item as Record<PropertyKey, unknown>)[key]);
    }
    Object.freeze(item);
  }
  return value;
}

/** A comparable copy: plain data as it is, Maps as their entries, a network as its dataset. */
function snapshot(value: unknown): unknown {
  if (value instanceof Network) return snapshot(value.dataset);
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [snapshot(k), snapshot(v)]) };
  if (Array.isArray(value)) return value.map(snapshot);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: snapshot((value as Record<string, unknown>)[key]),
        enumerable: true,
      });
    }
    return out;
  }
  return value;
}

/** The calls that ended with a named error (an answer, but the inputs were not all exercised). */
const refusals: string[] = [];

/** Calls `run` with `inputs` frozen, and checks they are as they were afterwards. */
function leavesAlone<const T extends readonly unknown[]>(
  name: string,
  inputs: T,
  run: (...inputs: T) => unknown,
): void {
  const before = inputs.map(snapshot);
  deepFreeze(inputs);
  try {
    run(...inputs);
  } catch (error) {
    // A named error (GEXF refusing a control character, an eigenvector that does not converge)
    // is an answer; a TypeError from writing to a frozen object is the failure looked for.
    if (!(error instanceof WarmpathError)) {
      throw new Error(`${name} failed on frozen input: ${String(error)}`, { cause: error });
    }
    refusals.push(`${name}: ${error.name}`);
  }
  inputs.forEach((input, i) => {
    expect(snapshot(input), `${name}: argument ${i} was changed`).toStrictEqual(before[i]);
  });
}

/** A dataset to freeze: the rich network of test/support plus hires, so every function has work. */
function richInput(): NetworkInput {
  return plainCopy(RICH) as NetworkInput;
}

/** Calls every data-taking function of the library on `network` with frozen options. */
function callEverything(network: Network): void {
  const people = network.people.map((p) => p.id);
  const [a = 'x', b = a] = people;
  const job = network.jobs[0];
  const org = network.organizations[0];
  const to = job ? { job: job.id } : b;
  const avoid = people.slice(2, 3);

  if (people.length >= 2) {
    leavesAlone('findIntroductions', [network, { from: a, to, avoid, k: 3 }], (n, o) =>
      findIntroductions(n, o),
    );
    leavesAlone(
      'findIntroductions (penalty)',
      [network, { from: a, to: b, diversity: { penalty: 0.5 }, avoidOrganizations: [] }],
      (n, o) => findIntroductions(n, o),
    );
    leavesAlone(
      'introductionPaths',
      [network, { from: a, to: b, diversity: 'disjoint' }],
      (n, o) => [...introductionPaths(n, o)],
    );
    leavesAlone(
      'IntroductionFinder.find',
      [{ from: a, to: b, maxHops: Number.POSITIVE_INFINITY }],
      (o) => createIntroductionFinder(network).find(o),
    );
    leavesAlone(
      'planIntroductions',
      [
        network,
        [
          { from: a, to },
          { from: b, to: a },
        ],
        {},
      ],
      (n, r, o) => planIntroductions(n, r, o),
    );
    if (org !== undefined) {
      leavesAlone(
        'findIntroductions (organization)',
        [network, { from: a, to: { organization: org.id }, avoidOrganizations: [org.id] }],
        (n, o) => findIntroductions(n, o),
      );
    }
    const result = findIntroductions(network, { from: a, to: b });
    leavesAlone('toDot', [result, { title: 'x' }], (r, o) => toDot(r, o));
    leavesAlone('toMermaid', [result.paths, {}], (r, o) => toMermaid(r, o));
    leavesAlone('neighborhood', [network, a, {}], (n, id, o) => toDot(neighborhood(n, id, o)));
    leavesAlone(
      'betweenness (pairs)',
      [network, { pairs: [[a, b]] as [string, string][] }],
      (n, o) => betweenness(n, o),
    );
    leavesAlone('betweenness (sources)', [network, { sources: [a], targets: [b] }], (n, o) =>
      betweenness(n, o),
    );
    leavesAlone('pagerank (object)', [network, { personalization: { [a]: 1 } }], (n, o) =>
      pagerank(n, o),
    );
    leavesAlone('pagerank (Map)', [network, { personalization: new Map([[a, 2]]) }], (n, o) =>
      pagerank(n, o),
    );
  }
  leavesAlone('betweenness', [network, { sample: 2, seed: 3 }], (n, o) => betweenness(n, o));
  const viewer = { id: a, teams: ['sales'] };
  const weight = (tie: { strength: number }) => tie.strength;
  for (const [name, measure, options] of [
    ['closeness', closeness, { weight, viewer, wfImproved: false }],
    ['harmonic', harmonic, { weight, viewer }],
    ['eigenvector', eigenvector, { weight, viewer, maxIterations: 10_000 }],
    ['constraint', constraint, { weight, viewer }],
    ['effectiveSize', effectiveSize, { weight, viewer }],
    ['efficiency', efficiency, { weight, viewer }],
    ['hierarchy', hierarchy, { weight, viewer }],
    ['clustering', clustering, { weight, viewer }],
    ['degree', degree, { normalized: true, viewer }],
    ['strength', strength, { weight, viewer }],
    ['localBridges', localBridges, { weight, viewer }],
    ['communities', communities, { weight, viewer, seed: 5, resolution: 1.5 }],
  ] as const) {
    leavesAlone(name, [network, options], (n, o) =>
      (measure as (n: Network, o: object) => unknown)(n, o),
    );
  }
  const division = communities(network, { seed: 3 });
  leavesAlone('modularity', [network, division.members.map((m) => [...m])], (n, m) =>
    modularity(n, m),
  );
  leavesAlone('bridgingTies', [network, division, { seed: 3 }], (n, d, o) => bridgingTies(n, d, o));
  leavesAlone('embeddedness', [network], (n) => embeddedness(n));
  leavesAlone('neighborhoodOverlap', [network], (n) => neighborhoodOverlap(n));
  leavesAlone('topConnectors', [network, { metric: 'constraint', n: 3 }], (n, o) =>
    topConnectors(n, o),
  );
  leavesAlone('introductionBrokers', [network, { limit: 3 }], (n, o) => introductionBrokers(n, o));
  leavesAlone('compileNetwork', [network], (n) => compileNetwork(n));

  leavesAlone('referralShare', [network, { by: 'organization', level: 0.9 }], (n, o) =>
    referralShare(n, o),
  );
  leavesAlone(
    'referralShare (function)',
    [network, { by: (hire: { jobId: string }) => hire.jobId }],
    (n, o) => referralShare(n, o as never),
  );
  leavesAlone('referralFunnel', [network, {}], (n, o) => referralFunnel(n, o));
  leavesAlone('attributeHires', [network, { maxHops: 3 }], (n, o) => attributeHires(n, o));
  leavesAlone('referralChains', [network], (n) => referralChains(n).toCSV());
  leavesAlone('vacancyChains', [network, {}], (n, o) => vacancyChains(n, o).toMarkdown());
  leavesAlone('tieAnalysis', [network, {}], (n, o) => tieAnalysis(n, o).toJSON());
  leavesAlone('requirementsGap', [network, {}], (n, o) => requirementsGap(n, o));
  leavesAlone('proportionInterval', [3, 10, { level: 0.9, method: 'wilson' }], (s, t, o) =>
    proportionInterval(s, t, o as never),
  );
  leavesAlone(
    'differenceInterval',
    [{ successes: 3, trials: 10 }, { successes: 5, trials: 9 }, {}],
    (x, y, o) => differenceInterval(x, y, o),
  );
  const relationship = network.relationships[0];
  if (relationship) {
    leavesAlone('explainStrength', [relationship, DEFAULT_STRENGTH_MODEL], (r, m) =>
      explainStrength(r, undefined, m),
    );
    leavesAlone('canSee', [relationship, { id: a, teams: ['t'] }], (r, v) => canSee(r, v));
  }
  leavesAlone('visibleNetwork', [network, { id: b, teams: ['sales'] }], (n, v) =>
    visibleNetwork(n, v),
  );
  leavesAlone('resolveStrengthModel', [{ halfLifeDays: 100, kindBase: { friend: 0.9 } }], (o) =>
    resolveStrengthModel(o),
  );
  leavesAlone(
    'pseudonymize',
    [network, { key: 'a secret of 32 bytes, not short', coarsenDates: 'month' }],
    (n, o) => pseudonymize(n, o as never),
  );

  // Writers, and the readers that take objects.
  leavesAlone('networkToJson', [network, { indent: 0 }], (n, o) => networkToJson(n, o));
  leavesAlone('networkToDataset', [network], (n) => networkToDataset(n));
  leavesAlone('networkToGraphology', [network], (n) => networkToGraphology(n));
  leavesAlone('networkToGexf', [network], (n) => networkToGexf(n));
  leavesAlone('networkToGraphml', [network], (n) => networkToGraphml(n));
  leavesAlone('networkToCsv', [network], (n) => networkToCsv(n));
  leavesAlone('networkFromGraphology', [networkToGraphology(network), {}], (s, o) =>
    networkFromGraphology(s, o),
  );
  leavesAlone(
    'networkFromGraphology (a graph)',
    [Graph.from(networkToGraphology(network)).export()],
    (s) => networkFromGraphology(s),
  );
  leavesAlone('networkFromCsv (object)', [networkToCsv(network)], (files) => networkFromCsv(files));
  leavesAlone('networkFromCsv (Map)', [new Map(Object.entries(networkToCsv(network)))], (files) =>
    networkFromCsv(files),
  );
}

describe('frozen inputs', () => {
  it('createNetwork and every function that takes data leave their inputs alone (rich network)', () => {
    const input = richInput();
    const options = {
      asOf: '2024-06-01',
      strengthModel: { halfLifeDays: 200, kindBase: { friend: 0.8 } },
    };
    leavesAlone('createNetwork', [input, options], (i, o) => createNetwork(i, o));
    refusals.length = 0;
    callEverything(createNetwork(input));
    expect(refusals).toEqual([]);
  });

  it('simulation, sweeps and market generation leave their inputs alone', () => {
    refusals.length = 0;
    const market = generateMarket(deepFreeze({ people: 60, seed: 2 }));
    const input = plainCopy(market) as NetworkInput;
    leavesAlone('simulateHiring', [input, { steps: 3, seed: 1 }], (i, o) => simulateHiring(i, o));
    leavesAlone('simulateHiring (network)', [createNetwork(input), { steps: 2, seed: 1 }], (n, o) =>
      simulateHiring(n, o),
    );
    leavesAlone(
      'sweepReferralShare',
      [input, { postingReach: [0.1, 0.5], steps: 2, seeds: [1, 2] }],
      (i, o) => sweepReferralShare(i, o as never),
    );
    leavesAlone('generateMarket', [{ people: 30, seed: 4 }], (o) => generateMarket(o));
    expect(refusals).toEqual([]);
  });

  it(
    'leave generated datasets alone (property)',
    () => {
      fuzz(
        fc.property(arbitraryNetworkInput(), (input) => {
          leavesAlone('createNetwork', [input], (i) => createNetwork(i));
          callEverything(createNetwork(input));
        }),
        15,
      );
    },
    testTimeout(15, 500),
  );
});
