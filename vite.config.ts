import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app: sources in src/web, built into dist/web, which the API process serves in production.
 * The server's CSP has `script-src 'self'` without 'unsafe-inline', so the built index.html must carry
 * no inline script: Vite emits only external module scripts, and we avoid Mantine's ColorSchemeScript.
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // Every module script is preloaded by a <link rel="modulepreload">; all supported browsers have it.
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // A RegExp, not '/api': a plain prefix would also catch source files such as /api-client.ts.
      '^/api(/|$)': { target: 'http://127.0.0.1:3000' },
    },
  },
});
