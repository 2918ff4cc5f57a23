/** The scorecards shipped in `rules/`, as the sample workspace and new workspaces start with. */
import enterpriseDream from '../../../../rules/enterprise-dream.json';
import scale from '../../../../rules/scale.json';
import threeDimensions from '../../../../rules/three-dimensions.json';
import type { Scorecard } from '../types';

// JSON imports are typed loosely (`type: string`, `number[][]`); the rules test validates each
// file against the workspace schema, which is what makes this cast safe.
const shipped = [scale, enterpriseDream, threeDimensions] as unknown as readonly Scorecard[];

/** Fresh copies, in priority order, so a caller may edit them without touching the shipped ones. */
export function shippedScorecards(): Scorecard[] {
	return structuredClone(shipped) as Scorecard[];
}
