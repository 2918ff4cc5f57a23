export type * from './types';
export { DEFAULT_LIMITS } from './types';
export { scoreContext } from './context';
export { describeRule, reasonLine } from './describe';
export { isRecipientForm, isValidAddress, RECIPIENT_FORMS, sameAddress } from './recipients';
export { accountContexts, planPlays, playLimits } from './plan';
export { scoreContextFields } from './fields';
export {
	brokenReferences,
	inAudience,
	scoreReferences,
	unresolvedReferences,
	type BrokenReference,
	type ScoredAccount,
	type ScoreReference,
	type UnresolvedReference
} from './references';
