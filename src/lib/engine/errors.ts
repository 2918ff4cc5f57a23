/**
 * Named errors. The engine reports bad data as values (`{ ok: false, errors }`, each error with
 * its JSON path); it throws only when code calls it wrongly, e.g. compiling an unchecked rule.
 */

/** A JSON-logic operator that no backend knows. Load-time checks report it first, with its path. */
export class UnknownOperatorError extends Error {
	constructor(readonly operator: string) {
		super(`unknown JSON-logic operator "${operator}"`);
		this.name = 'UnknownOperatorError';
	}
}
