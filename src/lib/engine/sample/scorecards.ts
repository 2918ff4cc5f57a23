/** The scorecards shipped in `rules/`, as the sample workspace and new workspaces start with. */
import enterpriseDream from '../../../../rules/enterprise-dream.json';
import scale from '../../../../rules/scale.json';
import threeDimensions from '../../../../rules/three-dimensions.json';
import enterpriseDreamJa from '../../../../rules/ja/enterprise-dream.json';
import scaleJa from '../../../../rules/ja/scale.json';
import threeDimensionsJa from '../../../../rules/ja/three-dimensions.json';
import type { Scorecard } from '../types';
import type { SampleLanguage } from './language';

// JSON imports are typed loosely (`type: string`, `number[][]`); the rules test validates each
// file against the workspace schema, which is what makes this cast safe.
const shipped: Record<SampleLanguage, readonly Scorecard[]> = {
	en: [scale, enterpriseDream, threeDimensions] as unknown as readonly Scorecard[],
	// The same scorecards with their words in Japanese (`rules/ja/`): ids, logic and bands alike.
	ja: [scaleJa, enterpriseDreamJa, threeDimensionsJa] as unknown as readonly Scorecard[]
};

/** Fresh copies, in priority order, so a caller may edit them without touching the shipped ones. */
export function shippedScorecards(language: SampleLanguage = 'en'): Scorecard[] {
	return structuredClone(shipped[language]) as Scorecard[];
}
