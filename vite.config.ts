import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The renderer build: one static bundle in out/renderer, loaded by Electron from disk and served
 * by browser mode. Relative asset paths, so both work; no inline scripts, so a strict CSP holds.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      cheerio: fileURLToPath(new URL('./renderer/designer/cheerio-stub.ts', import.meta.url)),
    },
  },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
});
