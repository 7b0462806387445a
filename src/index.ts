/**
 * warmpath: relationship networks for warm introductions, connectors and referral research.
 *
 * @packageDocumentation
 */

export {
  BETWEENNESS_DEFAULTS,
  type BetweennessOptions,
  betweenness,
} from './centrality/betweenness.js';
export {
  betweennessParallel,
  type ParallelBetweennessOptions,
} from './centrality/betweenness-parallel.js';
export { type BridgingTie, bridgingTies } from './centrality/bridging-ties.js';
export { type Broker, type BrokerOptions, introductionBrokers } from './centrality/brokers.js';
export { CLOSENESS_DEFAULTS, type ClosenessOptions, closeness } from './centrality/closeness.js';
export {
  CLUSTERING_DEFAULTS,
  type ClusteringOptions,
  clustering,
} from './centrality/clustering.js';
export {
  COMMUNITY_DEFAULTS,
  type Communities,
  type CommunityOptions,
  communities,
} from './centrality/communities.js';
export {
  CONSTRAINT_DEFAULTS,
  type ConstraintOptions,
  constraint,
} from './centrality/constraint.js';
export { ConvergenceError } from './centrality/convergence-error.js';
export {
  DEGREE_DEFAULTS,
  type DegreeOptions,
  degree,
  STRENGTH_DEFAULTS,
  type StrengthOptions,
  strength,
} from './centrality/degree.js';
export {
  EFFECTIVE_SIZE_DEFAULTS,
  type EffectiveSizeOptions,
  effectiveSize,
  efficiency,
} from './centrality/effective-size.js';
export {
  EIGENVECTOR_DEFAULTS,
  type EigenvectorOptions,
  eigenvector,
} from './centrality/eigenvector.js';
export { HARMONIC_DEFAULTS, type HarmonicOptions, harmonic } from './centrality/harmonic.js';
export { HIERARCHY_DEFAULTS, type HierarchyOptions, hierarchy } from './centrality/hierarchy.js';
export {
  LOCAL_BRIDGE_DEFAULTS,
  type LocalBridge,
  type LocalBridgeOptions,
  localBridges,
} from './centrality/local-bridges.js';
export { type ModularityOptions, modularity } from './centrality/modularity.js';
export type { ProgressOptions } from './centrality/options.js';
export {
  PAGERANK_DEFAULTS,
  type PageRankOptions,
  type Personalization,
  pagerank,
} from './centrality/pagerank.js';
export {
  embeddedness,
  neighborhoodOverlap,
  type TieEmbeddedness,
  type TieOverlap,
} from './centrality/tie-overlap.js';
export {
  CONNECTOR_METRICS,
  type Connector,
  type ConnectorMetric,
  type TopConnectorOptions,
  topConnectors,
} from './centrality/top-connectors.js';
export type { TieWeight, WeightedTie } from './centrality/weights.js';
export {
  InvalidNetworkError,
  InvalidOptionsError,
  type Issue,
  type IssueCode,
  type MissingEntity,
  UnknownEntityError,
  WarmpathError,
} from './errors.js';
export { BAND_THRESHOLDS, type Band, bandOf } from './explain/band.js';
export { explainHop, type IntroductionHop } from './explain/hop.js';
export { compileNetwork } from './graph/compile-network.js';
export {
  type CompiledNetwork,
  CompiledNetworkBuilder,
  type CompiledPersonInput,
} from './graph/compiled.js';
export { seededRandom } from './graph/random.js';
export {
  CSV_FILES,
  type CsvFileName,
  type CsvFiles,
  networkFromCsv,
  networkToCsv,
} from './io/csv.js';
export { type DatasetDocument, networkToDataset } from './io/dataset.js';
export {
  NETWORK_FORMATS,
  type NetworkFormat,
  readNetwork,
  type WriteNetworkOptions,
  writeNetwork,
} from './io/files.js';
export { GexfEncodingError, networkFromGexf, networkToGexf } from './io/gexf.js';
export {
  GRAPH_EDGE_TYPES,
  GRAPH_NODE_TYPES,
  type GraphEdgeType,
  type GraphNodeType,
  networkFromGraphology,
  networkToGraphology,
  nodeKey,
} from './io/graphology.js';
export { type NetworkToJsonOptions, networkFromJson, networkToJson } from './io/json.js';
export { type CreateNetworkOptions, createNetwork } from './model/create.js';
export {
  graphKey,
  type PersonNodeAttributes,
  personIdOfGraphKey,
  type TieEdgeAttributes,
} from './model/graph-view.js';
export { Network } from './model/network.js';
export {
  APPLICATION_STAGES,
  type Application,
  ApplicationSchema,
  type ApplicationStage,
  type Attributes,
  AttributesSchema,
  type AttributeValue,
  type Dataset,
  DateSchema,
  type Group,
  GroupSchema,
  HIRE_CHANNELS,
  type Hire,
  type HireChannel,
  HireSchema,
  IdSchema,
  INTRODUCTION_POLICIES,
  type IntroductionPolicy,
  JOB_STATUSES,
  type Job,
  JobSchema,
  type JobStatus,
  type NetworkInput,
  NetworkInputSchema,
  type Organization,
  OrganizationSchema,
  type Person,
  PersonSchema,
  type Position,
  PositionSchema,
  RELATIONSHIP_KINDS,
  type Relationship,
  type RelationshipKind,
  RelationshipSchema,
} from './model/schema.js';
export {
  DEFAULT_STRENGTH_MODEL,
  explainStrength,
  resolveStrengthModel,
  type StrengthExplanation,
  type StrengthFactor,
  type StrengthModel,
  type StrengthModelOptions,
} from './model/strength.js';
export type { Tie, TieEvidence } from './model/ties.js';
export {
  createIntroductionFinder,
  findIntroductions,
  IntroductionFinder,
  type IntroductionPath,
  type IntroductionResult,
  introductionPaths,
  type ReachedTarget,
} from './paths/find.js';
export {
  type Diversity,
  INTRODUCTION_DEFAULTS,
  type IntroductionOptions,
  type IntroductionTarget,
} from './paths/options.js';
