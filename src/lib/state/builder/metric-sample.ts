/**
 * The facts of a few accounts spread over the portfolio, as the scorecards read them: enough to
 * offer each metric to a custom measure (with a first scoring from its values) and each field to
 * the segment condition, without reading every account on opening the builder.
 */
import { accountWorkspace, portfolioRows, type ScorecraftDatabase } from '$lib/db';
import { FactsSource, type Facts, type IsoDate } from '$lib/engine';

/** Accounts read: a spread of segments and sizes, cheap enough to read on opening the builder. */
const SAMPLED = 40;

export async function sampledFacts(
	db: ScorecraftDatabase,
	asOf: IsoDate,
	count = SAMPLED
): Promise<Facts[]> {
	const rows = await portfolioRows(db);
	const step = Math.max(1, Math.floor(rows.length / count));
	const picked = rows.filter((_, index) => index % step === 0).slice(0, count);
	const facts: Facts[] = [];
	for (const row of picked) {
		const scope = await accountWorkspace(db, row.account.id);
		if (scope) facts.push(new FactsSource(scope.workspace).on(scope.account, asOf));
	}
	return facts;
}
