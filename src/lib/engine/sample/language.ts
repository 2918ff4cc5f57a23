/** The languages the sample, its scorecards and its plays are told in. */
export const SAMPLE_LANGUAGES = ['en', 'ja'] as const;
export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number];

export const isSampleLanguage = (value: unknown): value is SampleLanguage =>
	SAMPLE_LANGUAGES.includes(value as SampleLanguage);
