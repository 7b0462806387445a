/**
 * The error an iterative measure throws when it does not converge.
 *
 * @module
 */
import { WarmpathError } from '../errors.js';

/**
 * An iterative measure (PageRank, eigenvector centrality) did not reach its tolerance within
 * `maxIterations`. `.iterations` is how many iterations ran and `.residual` the last change
 * between iterates, in the measure's own norm (for PageRank's conjugate-gradient solver, the
 * relative residual of its linear system instead; compare it with `.tolerance`): raise
 * `maxIterations` or loosen `tolerance` and try again.
 *
 * @example
 * ```ts
 * try {
 *   pagerank(network, { maxIterations: 2 });
 * } catch (error) {
 *   if (error instanceof ConvergenceError) console.log(error.iterations, error.residual);
 * }
 * ```
 */
export class ConvergenceError extends WarmpathError {
  override readonly name = 'ConvergenceError' as const;
  /** The measure that did not converge, e.g. `'pagerank'`. */
  readonly measure: string;
  /** Iterations run (the `maxIterations` that was allowed). */
  readonly iterations: number;
  /**
   * The change between the last two iterates, in the measure's convergence norm (PageRank's
   * conjugate-gradient solver: the last `‖p − (I − α W D⁻¹) x‖₁ / ‖p‖₁`).
   */
  readonly residual: number;
  /** The bound the residual had to fall below. */
  readonly tolerance: number;

  constructor(measure: string, iterations: number, residual: number, tolerance: number) {
    super(
      `${measure} did not converge in ${iterations} iterations: the last change was ${residual}, the tolerance ${tolerance} (raise maxIterations or loosen tolerance)`,
    );
    this.measure = measure;
    this.iterations = iterations;
    this.residual = residual;
    this.tolerance = tolerance;
  }
}
