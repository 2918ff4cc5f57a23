/** The engine's public surface: pure functions over workspace data, shared by every caller. */
export type * from './types';
export { encodeProblem, problem, PROBLEM_CODES, type Problem, type ProblemCode } from './problems';
export { emptyWorkspace } from './workspace/empty';
export { parsePlay, parseWorkspace, zodIssues } from './workspace/load';
export { parseScorecard, parseScorecardJson } from './workspace/scorecard';
export { formatPath } from './workspace/path';
export { WORKSPACE_FORMAT, WORKSPACE_KEYS, WORKSPACE_VERSION } from './workspace/schema';
export { scoreWorkspace, type ScoreOptions } from './score';
export { churnedBy } from './outcomes';
export { explainChange, type MeasureMove } from './explain';
export { groupNames } from './group-names';
export {
	ANOMALY_DROP,
	scoreChange,
	scoreHistories,
	scorePortfolio,
	weeklyDates,
	type AccountHistory,
	type HistoryOptions,
	type PortfolioScores,
	type ScoreChange
} from './history';
export { accountFacts, FactsBuilder, FactsSource, PERIODS, SnapshotIndex } from './facts';
export {
	peopleFacts,
	personEngagement,
	isDormant,
	isPowerUser,
	DORMANT_DAYS,
	POWER_USER_DAYS,
	type PeopleFacts
} from './people';
export {
	compileScorecard,
	compileScorecards,
	scoreFacts,
	selectScorecard,
	type CompiledScorecard
} from './scoring';
export { DEFAULT_BANDS, NO_DATA } from './scoring/measure';
export { checkLogic, requiredVars, varsRead, type Backend, type Logic } from './logic';
export { UnknownOperatorError } from './errors';
export { Random } from './random';
export * from './plays';
export * from './sla';
