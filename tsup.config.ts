import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  sourcemap: true,
  treeshake: true,
  target: 'node20',
};

// One output file per source module, so a consumer's bundler keeps only what is imported
// (see docs/architecture.md). `npm run build` empties dist/ first: two configs run in parallel,
// so neither may clean.
export default defineConfig([
  {
    ...shared,
    entry: ['src/**/*.ts', '!src/cli/bin.ts'],
    format: ['esm', 'cjs'],
    splitting: true,
    // d3-array 3 is ESM-only: bundled (its `ticks`, a few hundred bytes) so that the CommonJS
    // build never has to require() an ES module.
    noExternal: ['d3-array'],
    // tsup injects `baseUrl`, which TypeScript 6 deprecates; silence it here, not in tsconfig.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  },
  {
    // The command's process entry point: ESM only (it reads its version through import.meta.url).
    ...shared,
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    external: [/^\.\/main\.js$/],
  },
]);
