/**
 * The errors of the render layer: Graphviz could not draw a DOT source, or an optional renderer
 * package is not installed.
 */
import { WarmpathError } from '../errors.js';

/** One message from Graphviz. */
export interface GraphvizMessage {
  /** `error` or `warning`. */
  readonly level: 'error' | 'warning' | undefined;
  readonly message: string;
}

/**
 * Graphviz could not draw a DOT source (a syntax error, an unknown layout engine, ...).
 * `.messages` holds what Graphviz reported, warnings included.
 *
 * @example
 * ```ts
 * try {
 *   await renderSvg('digraph { a -> }');
 * } catch (error) {
 *   if (error instanceof DotRenderError) console.log(error.messages[0]?.message); // syntax error in line 1 ...
 * }
 * ```
 */
export class DotRenderError extends WarmpathError {
  override readonly name = 'DotRenderError' as const;
  /** Every message Graphviz reported, in order. */
  readonly messages: readonly GraphvizMessage[];

  constructor(messages: readonly GraphvizMessage[]) {
    const errors = messages.filter((m) => m.level !== 'warning');
    const shown = (errors.length > 0 ? errors : messages).map((m) => m.message.trim());
    super(`Graphviz could not draw the graph: ${shown.join('; ') || 'no message'}`);
    this.messages = Object.freeze(messages.map((m) => Object.freeze({ ...m })));
  }
}

/**
 * A function needs an optional package that is not installed (or whose native part could not be
 * loaded on this platform): `renderPng` needs `@resvg/resvg-js`. `.packageName` says which;
 * `.cause` is the loader's error.
 *
 * @example
 * ```ts
 * try {
 *   await renderPng(svg);
 * } catch (error) {
 *   if (error instanceof MissingRendererError) console.log(`npm install ${error.packageName}`);
 * }
 * ```
 */
export class MissingRendererError extends WarmpathError {
  override readonly name = 'MissingRendererError' as const;
  /** The package to install. */
  readonly packageName: string;

  constructor(packageName: string, feature: string, cause?: unknown) {
    super(
      `${feature} needs the optional package ${packageName}, which could not be loaded: install it with \`npm install ${packageName}\``,
      cause === undefined ? undefined : { cause },
    );
    this.packageName = packageName;
  }
}
