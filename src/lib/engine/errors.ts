/**
 * Named errors. The engine reports bad data as values (`{ ok: false, errors }`); it throws only
 * when code calls it wrongly, e.g. compiling a rule that was never checked.
 */

/** A JSON-logic operator that no backend knows. Load-time checks report it first, with its path. */
export class UnknownOperatorError extends Error {
	constructor(readonly operator: string) {
		super(`unknown JSON-logic operator "${operator}"`);
		this.name = 'UnknownOperatorError';
	}
}

/** A workspace that does not match the format; each issue names the JSON path it is about. */
export class WorkspaceValidationError extends Error {
	constructor(readonly issues: readonly { path: string; message: string }[]) {
		super(
			`invalid workspace:\n${issues
				.slice(0, 20)
				.map((issue) => `  ${issue.path}: ${issue.message}`)
				.join('\n')}${issues.length > 20 ? `\n  … and ${issues.length - 20} more` : ''}`
		);
		this.name = 'WorkspaceValidationError';
	}
}
