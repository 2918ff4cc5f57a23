/**
 * The Content Security Policies the app serves: one for its pages, one for its workers.
 *
 * Pages: scripts only from the app itself and no eval (SvelteKit writes the policy into each page,
 * svelte.config.js). Workers: a dedicated worker obeys the policy served with its own script (CSP
 * Level 3; Chromium does), not its page's. Theirs adds 'unsafe-eval' so the engine compiles each
 * scorecard into one function there (source generated from validated JSON, every value a constant
 * passed in, never spliced in as text): within a few percent of hand-written JavaScript, where
 * closures, the page's only way, are about 20 times slower. Everything else a worker may reach is
 * narrower than a page's: no images, styles or frames, and the network only to the app itself.
 */

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);

/** The page directives, in SvelteKit's form (keywords unquoted). */
export const PAGE_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'frame-ancestors': ['none']
};

export const WORKER_POLICY = policyText({
	'default-src': ['none'],
	'script-src': ['self', 'unsafe-eval'],
	'connect-src': ['self']
});

/** Where the build puts the workers' scripts (vite's `worker` output under SvelteKit's appDir). */
export const WORKER_SCRIPTS = '/_app/immutable/workers/';

/**
 * Gives a response its worker policy when it serves a worker's script. Runs before the app's
 * handler, whose static files keep headers set here.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function addWorkerPolicy(request, response) {
	if (request.url?.startsWith(WORKER_SCRIPTS))
		response.setHeader('content-security-policy', WORKER_POLICY);
}

/**
 * A policy's header text from directives in SvelteKit's form.
 *
 * @param {Record<string, string[]>} directives
 */
export function policyText(directives) {
	return Object.entries(directives)
		.map(([name, sources]) =>
			[name, ...sources.map((source) => (KEYWORDS.has(source) ? `'${source}'` : source))].join(' ')
		)
		.join('; ');
}
