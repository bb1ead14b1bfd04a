import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web application: Preact and TypeScript, built into dist/web, which the
 * server serves at / and /app/* with its files under /assets/. No plugin is
 * needed: Vite's own transformer compiles JSX for Preact.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The server's content policy allows scripts from its own origin only: never inline anything.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // No source maps: the served build would hand out the app's whole source (and its comments) to anyone.
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  // `npx vite --config web/vite.config.mts`: the app with hot reload, the API from a server started with npm start.
  server: {
    proxy: Object.fromEntries(
      ['/auth', '/cases', '/visitors', '/waiting-list', '/dashboard', '/partners', '/audit', '/citizens', '/health'].map((path) => [path, process.env.API_URL ?? 'http://127.0.0.1:3000']),
    ),
  },
  logLevel: 'warn',
});
