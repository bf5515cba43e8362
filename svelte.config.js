import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    files: {
      routes: 'web/routes',
      lib: 'web/lib',
      assets: 'web/static',
      appTemplate: 'web/app.html',
      errorTemplate: 'web/error.html',
      hooks: { server: 'web/hooks.server', client: 'web/hooks.client', universal: 'web/hooks' },
      params: 'web/params',
    },
    alias: {
      $shared: 'server/shared',
      $domain: 'server/domain',
    },
  },
};
