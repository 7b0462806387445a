/**
 * The render layer: pictures of chains and networks (DOT, Mermaid, SVG, PNG). It reads the other
 * layers and nothing but `src/index.ts` and the CLI reads it.
 *
 * @module
 */
export { toDot } from './dot.js';
export { DotRenderError, type GraphvizMessage, MissingRendererError } from './errors.js';
export { toMermaid } from './mermaid.js';
export {
  NEIGHBORHOOD_DEFAULTS,
  type Neighborhood,
  type NeighborhoodOptions,
  type NeighborhoodPerson,
  type NeighborhoodTie,
  neighborhood,
} from './neighborhood.js';
export type { DiagramOptions } from './options.js';
export { MAX_PNG_WIDTH, type PngOptions, renderPng } from './png.js';
export type { DiagramSubject } from './scene.js';
export { renderSvg } from './svg.js';
