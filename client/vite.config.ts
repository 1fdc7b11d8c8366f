import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In `vite dev` the API and the sync socket live on the real server (default port 3000);
// in production they share one port with the built app, so nothing is proxied there.
const apiTarget = process.env.INTERLINK_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  resolve: {
    alias: {
      // The import preview reuses @interlink/export's items.csv parser, which imports csv-parse's
      // Node build (it relies on the global Buffer). The same parser's browser build carries its
      // own Buffer, so the browser reads a file exactly as the server will.
      'csv-parse/sync': 'csv-parse/browser/esm/sync',
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/sync': { target: apiTarget.replace(/^http/, 'ws'), ws: true },
    },
  },
});
