/** A scorecard that cannot be compiled to SQL: where in it (a JSON path) and why. */
export class SqlCompileError extends Error {
	constructor(
		readonly path: string,
		readonly reason: string
	) {
		super(`${path}: ${reason}`);
		this.name = 'SqlCompileError';
	}
}
