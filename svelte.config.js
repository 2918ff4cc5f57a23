import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { PAGE_DIRECTIVES } from './csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// SvelteKit's own check refuses form posts from other origins. Each endpoint that changes
		// something checks requests itself instead: the API asks for the app's origin and session
		// token (src/lib/server/guard.ts), and the unsubscribe page must take RFC 8058 one-click
		// posts, which mail providers send from their own servers, with no Origin of ours.
		csrf: { trustedOrigins: ['*'] },
		// A strict policy for pages: no inline scripts from elsewhere and no eval. Workers have their
		// own (csp.js, served by server.js).
		csp: { mode: 'auto', directives: PAGE_DIRECTIVES }
	}
};

export default config;
