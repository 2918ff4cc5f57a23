/** Seeded, realistic sample data: a whole workspace to try Scorecraft on, and to test and benchmark with. */
export { generateSample, SAMPLE_END, sampleSizeProblem, type SampleOptions } from './generate';
export { shippedScorecards } from './scorecards';
export { shippedPlays } from './plays';
export { isSampleLanguage, SAMPLE_LANGUAGES, type SampleLanguage } from './language';
