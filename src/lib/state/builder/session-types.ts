/** The builder session's types: what its saving, publishing and other actions come to. */
import type { ScorecraftDatabase } from '$lib/db';
import type { Scorecard, ScorecardVersion } from '$lib/engine';
import type { PreviewResult } from '../preview/types';
import type { PlayBreak } from './publish-check';

export type SaveState =
	| { kind: 'clean' }
	| { kind: 'saving' }
	| { kind: 'saved' }
	| { kind: 'invalid'; count: number }
	| { kind: 'failed'; error: string };

/** A scorecard published again with a new priority so that the one published takes its place. */
export interface MovedScorecard {
	id: string;
	name: string;
	priority: number;
}

export type SessionOutcome =
	| { kind: 'published'; version: number; moved: MovedScorecard[] }
	| { kind: 'rolledBack'; from: number; version: number; draftKept: boolean }
	| { kind: 'discarded' }
	| { kind: 'deleted' }
	/** Someone published `newest` since this draft started: publish over it, or take it. */
	| { kind: 'stale'; newest: ScorecardVersion; mine: Scorecard; by: string }
	| { kind: 'failed'; action: 'publish' | 'rollBack' | 'discard'; error: string };

export interface SessionOptions {
	db?: ScorecraftDatabase;
	/** The clock for `at` (who/when of versions and drafts). */
	now?: () => string;
	/** How long after the last edit the draft is written. */
	delayMs?: number;
	/**
	 * The preview of exactly this draft (which scorecard scores which account before and after),
	 * for the publish check; by default the one the preview panel puts on the preview board.
	 */
	previewOf?: (draft: Scorecard) => Promise<PreviewResult>;
}

/**
 * Where publishing stands between the click and the write: the check running, the plays it would
 * break waiting for a decision, or the check unable to run (the person may publish unchecked).
 */
export type PublishCheck =
	| { kind: 'checking' }
	| { kind: 'confirm'; breaks: PlayBreak[]; by: string }
	| { kind: 'unchecked'; error: string; by: string };
