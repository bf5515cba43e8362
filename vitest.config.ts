import { defineConfig } from 'vitest/config';

// Tests drive the built app through the real server, so they need no Svelte plugin of their own; the build is loaded by
// Node itself, untouched by Vitest's transforms.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    server: { deps: { external: [/\/build\//] } },
  },
});
