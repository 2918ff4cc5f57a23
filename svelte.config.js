import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		// A strict policy: no inline scripts from elsewhere and no eval, so the engine takes its
		// closure-compiled path in the browser.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
