import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The CLI uses the library through its public API (`src/index.ts`): in the build, that import
 * becomes `./index.js`, the library's own ESM build beside dist/cli.js, instead of a second copy.
 */
const libraryAsExternal: Plugin = {
  name: 'library-as-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/index\.js$|^\.\.\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]/.test(args.importer)
        ? { path: './index.js', external: true }
        : undefined,
    );
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Keep the CLI, which the second build writes into the same folder.
    clean: ['!cli.js', '!cli.js.map', '!postgres.*'],
    // An optional peer dependency, loaded by renderPng only when asked for: never bundled.
    external: ['@resvg/resvg-js'],
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
  },
  {
    // warmpath/postgres: a separate entry that uses the library by its package name (Node resolves
    // 'warmpath' to dist/index.js or dist/index.cjs, so there is one copy of every class) and
    // leaves pg and pg-copy-streams, optional peer dependencies, to the user's install.
    entry: { postgres: 'src/postgres/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    external: ['warmpath', 'pg', 'pg-copy-streams'],
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [libraryAsExternal],
  },
]);
