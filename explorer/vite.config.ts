import { defineConfig } from 'vite';

// `vite build --config explorer/vite.config.ts` from the repository root: paths are relative to this folder.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  base: '/explorer/',
  publicDir: false,
  build: {
    outDir: '../dist/explorer',
    emptyOutDir: true,
    sourcemap: true,
    // cytoscape alone is ~400 kB minified; one chunk is fine for an analyst tool.
    chunkSizeWarningLimit: 1000,
  },
});
