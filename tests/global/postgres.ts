/**
 * The unit project's PostgreSQL server: started once per test run, its URL handed to the tests
 * (`inject('postgresUrl')`), stopped and deleted after them. The store's tests run against it
 * as well as against PGlite.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../support/postgres';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const started = performance.now();
	const server = await startPostgres();
	console.log(`PostgreSQL 15 started in ${Math.round(performance.now() - started)} ms`);
	project.provide('postgresUrl', server.url);
	return server.stop;
}
