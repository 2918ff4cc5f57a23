import type { Workspace } from '../types';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from './schema';

/** A valid workspace with nothing in it, a fresh one each call (callers fill its lists). */
export function emptyWorkspace(): Workspace {
	return {
		format: WORKSPACE_FORMAT,
		version: WORKSPACE_VERSION,
		accounts: [],
		contacts: [],
		snapshots: [],
		outcomes: [],
		scorecards: [],
		plays: [],
		templates: [],
		settings: {}
	};
}
