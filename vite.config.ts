import { defineConfig } from 'vite';

// The dashboard: bundled from src/web into dist/web, no CDN, served by `casus serve`.
export default defineConfig({
  root: 'src/web',
  base: './',
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
