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
  type PageRankSolver,
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
  type WorkLimit,
  WorkLimitError,
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
export { formatCsv } from './io/csv-text.js';
export { type DatasetDocument, networkToDataset } from './io/dataset.js';
export {
  DETECTED_FORMATS,
  type DetectedFormat,
  detectFormat,
  NETWORK_FORMATS,
  type NetworkFormat,
  type ReadNetworkOptions,
  readNetwork,
  type WriteNetworkOptions,
  writeNetwork,
} from './io/files.js';
export { GexfEncodingError, networkFromGexf, networkToGexf } from './io/gexf.js';
export { GraphmlEncodingError, networkFromGraphml, networkToGraphml } from './io/graphml.js';
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
export {
  LINKEDIN_COLUMNS,
  LINKEDIN_CONNECTION,
  type LinkedInColumn,
  type LinkedInOptions,
  type LinkedInOwner,
  networkFromLinkedIn,
} from './io/linkedin.js';
export {
  type DateCoarsening,
  MIN_PSEUDONYM_KEY_BYTES,
  type PseudonymizeOptions,
  type PseudonymKind,
  pseudonymize,
  pseudonymOf,
} from './io/pseudonymize.js';
export { XmlEncodingError } from './io/xml-columns.js';
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
  canSee,
  type Viewer,
  type ViewerOptions,
  visibleNetwork,
} from './model/visibility.js';
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
export {
  type IntroductionPlan,
  type IntroductionRequest,
  PLAN_DEFAULTS,
  type PlannedAssignment,
  type PlanOptions,
  type PlanOrder,
  planIntroductions,
  type UnservedReason,
  type UnservedRequest,
} from './paths/plan.js';
export {
  ATTRIBUTION_DEFAULTS,
  type AttributedChain,
  type AttributionDisagreement,
  type AttributionOptions,
  type AttributionSummary,
  attributeHires,
  type HireAttribution,
  type HireAttributions,
} from './referrals/attribution.js';
export {
  type LengthCount,
  type ReferralChains,
  type ReferralNode,
  type ReferralTree,
  referralChains,
  VACANCY_CHAIN_DEFAULTS,
  type Vacancy,
  type VacancyChain,
  type VacancyChainOptions,
  type VacancyChains,
  type VacancyMove,
  vacancyChains,
} from './referrals/chains.js';
export {
  FUNNEL_STAGES,
  type FunnelCounts,
  type FunnelGroup,
  type FunnelRate,
  type FunnelStage,
  REFERRAL_FUNNEL_DEFAULTS,
  type ReferralFunnel,
  type ReferralFunnelOptions,
  referralFunnel,
} from './referrals/funnel.js';
export {
  betaQuantile,
  type DifferenceInterval,
  type DifferenceOptions,
  type DifferenceSide,
  differenceInterval,
  INTERVAL_DEFAULTS,
  INTERVAL_METHODS,
  type IntervalMethod,
  type IntervalOptions,
  normalQuantile,
  type Proportion,
  type ProportionInterval,
  proportionInterval,
  regularizedIncompleteBeta,
} from './referrals/intervals.js';
export {
  type GeneratedMarket,
  generateMarket,
  MARKET_DEFAULTS,
  type MarketOptions,
} from './referrals/market.js';
export type { Column, Exportable } from './referrals/report.js';
export {
  type ChannelRequirementGap,
  contentWords,
  defaultRequirementMatcher,
  type HireRequirementGap,
  REQUIREMENT_STOPWORDS,
  type RequirementContext,
  type RequirementMatcher,
  type RequirementsGap,
  type RequirementsGapOptions,
  requirementsGap,
} from './referrals/requirements.js';
export {
  compareGroupKeys,
  type GroupBy,
  type GroupedRateOptions,
  type GroupKey,
  REFERRAL_PERIODS,
  REFERRAL_SHARE_DEFAULTS,
  type ReferralPeriod,
  type ReferralShare,
  type ReferralShareOptions,
  referralShare,
  type ShareComparison,
  type ShareGroup,
  UNKNOWN_CHANNEL_POLICIES,
  type UnknownChannelPolicy,
} from './referrals/share.js';
export { type SimulationResult, simulateHiring } from './referrals/simulate.js';
export {
  type ResolvedSimulationOptions,
  SIMULATION_DEFAULTS,
  type SimulationOptions,
} from './referrals/simulate-options.js';
export type { StepRecord } from './referrals/simulate-run.js';
export type {
  ChannelCounts,
  SimulationSummary,
  VacancyChainSummary,
} from './referrals/simulate-summary.js';
export {
  SWEEP_DEFAULTS,
  type SweepOptions,
  type SweepResult,
  type SweepRow,
  sweepReferralShare,
} from './referrals/simulate-sweep.js';
export {
  CONTACT_FREQUENCY_CUTS,
  type ContactFrequency,
  contactFrequency,
  type PairTie,
  type ReferralTies,
  TIE_ANALYSIS_DEFAULTS,
  type TieAnalysis,
  type TieAnalysisOptions,
  type TieAnalysisSummary,
  type TieClass,
  tieAnalysis,
} from './referrals/tie-analysis.js';
export {
  type DiagramOptions,
  type DiagramSubject,
  DotRenderError,
  type GraphvizMessage,
  MAX_PNG_WIDTH,
  MissingRendererError,
  NEIGHBORHOOD_DEFAULTS,
  type Neighborhood,
  type NeighborhoodOptions,
  type NeighborhoodPerson,
  type NeighborhoodTie,
  neighborhood,
  type PngOptions,
  renderPng,
  renderSvg,
  toDot,
  toMermaid,
} from './render/index.js';
