/**
 * The plain, JSON-ready form of a network's data, shared by every writer.
 */
import type { Network } from '../model/network.js';
import { COLLECTIONS, type Dataset } from '../model/schema.js';

/** The dataset as a writer emits it: the format marker, the version, then every collection. */
export interface DatasetDocument extends Dataset {
  readonly format: 'warmpath';
  readonly version: 1;
}

/**
 * The network's data as one plain object that `createNetwork` accepts back unchanged: records
 * are the network's own frozen records (exactly as given), in input order.
 *
 * @example
 * ```ts
 * const copy = createNetwork(networkToDataset(network)); // same data
 * ```
 */
export function networkToDataset(network: Network): DatasetDocument {
  const out: Record<string, unknown> = { format: 'warmpath', version: 1 };
  for (const collection of COLLECTIONS) out[collection] = network.dataset[collection];
  return out as unknown as DatasetDocument;
}
