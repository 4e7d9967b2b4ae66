// The explorer is built from the library's source (not the published build): `rare-earths`,
// `rare-earths/data` and `rare-earths/report` resolve to src/, so the page always shows the
// library as it stands. Relative asset paths let the built folder be served from anywhere
// (beside the typedoc reference by `npm run docs`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^rare-earths$/, replacement: src('index.ts') },
      { find: /^rare-earths\/data$/, replacement: src('data/index.ts') },
      { find: /^rare-earths\/report$/, replacement: src('report/index.ts') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One page, one script: the library's modules are small and load together.
    chunkSizeWarningLimit: 1024,
  },
  server: { host: '127.0.0.1', port: 5180 },
  preview: { host: '127.0.0.1', port: 5181 },
});
