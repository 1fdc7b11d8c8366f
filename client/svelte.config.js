// SvelteKit, built for Node: the server imports build/handler.js and mounts it behind the API
// on the same port, so the app and the API share an origin (no CORS, relative fetches).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
  },
  kit: {
    adapter: adapter({ out: 'build', precompress: false }),
  },
};

export default config;
