import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './src/service-worker/build-plugin.ts';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

// eslint-disable-next-line no-restricted-syntax -- Vite reads its configuration from the default export.
export default defineConfig({
  root,
  base: '/',
  // sw.js: the caregiver's phone opens /care with no signal (production builds only)
  plugins: [react(), serviceWorkerPlugin(`${root}src/service-worker/sw.ts`)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP is `default-src 'self'` with no inline script: keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // zod and src/app/zod-jitless.ts share one chunk, so jitless is set before any schema chunk runs.
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]zod-jitless\.ts$/ }] },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
