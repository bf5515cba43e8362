import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The build runs inside `npm start`; a report of plugin timings there is noise to a person starting the board.
  build: { rolldownOptions: { checks: { bundlerTimings: false } } },
});
