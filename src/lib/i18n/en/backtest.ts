/** English for the Backtest page. */
export default {
	'backtest.intro':
		'Does the score foresee churn? Every account with a renewal outcome is scored as it stood some days before the outcome, from the data it had then and nothing later. Churn means an outcome of “churned”; a downsell is not churn.',
	'backtest.intro.expansion':
		'Does the score foresee expansion? Every account with a renewal outcome is scored as it stood some days before the outcome, from the data it had then and nothing later. Expansion means an outcome of “expanded”; any other outcome counts as not expanding.',
	'backtest.convention':
		'A low score should mean churn. AUC is the chance that an account that churned scored below one that stayed (1 is perfect, 0.5 a coin toss, below 0.5 the score points the wrong way); ties count half.',
	'backtest.convention.expansion':
		'A low score should mean no expansion. AUC is the chance that an account that did not expand scored below one that expanded (1 is perfect, 0.5 a coin toss, below 0.5 the score points the wrong way); ties count half.',
	'backtest.scorecard': 'Scorecard',
	'backtest.horizon': 'Scored before the outcome',
	'backtest.horizonDays': '{days|one:# day|other:# days}',
	'backtest.reading': 'Reading the workspace…',
	'backtest.running': 'Backtesting… {done} of {total}',
	'backtest.ranIn':
		'Backtested {outcomes|one:# outcome|other:# outcomes} in {seconds} s, in the background.',
	'backtest.failed': 'The backtest failed: {error}',
	'backtest.noOutcomes':
		'The workspace has no renewal outcomes yet, so there is nothing to backtest: the backtest asks how well each score, as it stood before a renewal, foresaw how the renewal ended.',
	'backtest.noOutcomes.how':
		'Export your closed renewals and cancellations from your CRM as a CSV, one row per outcome, and import it on the Data page as Outcomes. Its columns:',
	'backtest.noOutcomes.account': 'the account’s id, as in your accounts file;',
	'backtest.noOutcomes.date': 'when the renewal closed or the customer left (YYYY-MM-DD);',
	'backtest.noOutcomes.type':
		'churned, renewed, expanded or downsold; your CRM’s own words (Closed Lost, Cancelled, Upsell…) are read too, and you can say what each means;',
	'backtest.noOutcomes.optional': 'optional: the ARR before and after, and the reason.',
	'backtest.noOutcomes.link': 'Import outcomes on the Data page',
	'backtest.noOutcomes.enough':
		'With 30 churned accounts or more the AUC is worth reading; with fewer the page says how uncertain it is.',
	'backtest.noScorecards': 'No published scorecard to backtest.',
	'backtest.nothingScored':
		'None of this scorecard’s outcomes had a score {days|one:# day|other:# days} before: no data that early, or no outcome among its accounts.',
	'backtest.oneSided':
		'The scored outcomes are all churn or all renewals: there is nothing to rank.',
	'backtest.oneSided.expansion':
		'Either every scored outcome is an expansion or none is: there is nothing to rank.',

	'backtest.target': 'Foresee',
	'backtest.target.churnLabel': 'Churn',
	'backtest.target.expansionLabel': 'Expansion',
	'backtest.target.expansionHint':
		'Green should mean ready to grow: a low score should foresee an account not expanding, a high one its expansion.',

	'backtest.summary.auc': 'AUC',
	'backtest.summary.lift': 'Lift of the lowest tenth',
	'backtest.summary.liftValue': '{lift}×',
	'backtest.summary.scored': 'Outcomes scored',
	'backtest.summary.scoredValue': '{scored} of {outcomes}',
	'backtest.summary.noData': '{count} without data then',
	'backtest.summary.churned': 'Churned',
	'backtest.summary.churned.expansion': 'Did not expand',
	'backtest.summary.churnedValue': '{churned} ({rate})',
	'backtest.summary.interval': '95 % interval {low}–{high}',
	'backtest.summary.few':
		'Only {count|one:# account|other:# accounts} churned: the AUC could as well be anywhere from {low} to {high} on another sample of outcomes like these (95 % interval, by bootstrap). Read it as a rough guess until more outcomes are in.',
	'backtest.summary.few.expansion':
		'Only {count|one:# account|other:# accounts} did not expand: the AUC could as well be anywhere from {low} to {high} on another sample of outcomes like these (95 % interval, by bootstrap). Read it as a rough guess until more outcomes are in.',

	'backtest.roc.title': 'ROC curve',
	'backtest.roc.label':
		'ROC curve: share of churned accounts flagged against share of retained accounts flagged, as the threshold rises; area {auc}. The marked point is the threshold {threshold}.',
	'backtest.roc.label.expansion':
		'ROC curve: the share flagged of the accounts that did not expand against the share flagged of those that expanded, as the threshold rises; area {auc}. The marked point is the threshold {threshold}.',
	'backtest.roc.curve': 'This scorecard',
	'backtest.roc.chance': 'Coin toss',
	'backtest.roc.point': 'Threshold {threshold}',
	'backtest.roc.x': 'Retained accounts flagged',
	'backtest.roc.x.expansion': 'Expanded, flagged',
	'backtest.roc.y': 'Churned accounts flagged',
	'backtest.roc.y.expansion': 'Did not expand, flagged',

	'backtest.bands.title': 'Churn by band',
	'backtest.bands.title.expansion': 'Expansion by band',
	'backtest.bands.caption': 'Accounts and churn in each band of the score they had then',
	'backtest.bands.caption.expansion':
		'Accounts, and those that did not expand, in each band of the score they had then',
	'backtest.bands.label': 'Churn rate per band: {bands}',
	'backtest.bands.label.expansion': 'Rate without expansion per band: {bands}',
	'backtest.bands.part': '{band} {rate}',
	'backtest.bands.band': 'Band',
	'backtest.bands.accounts': 'Accounts',
	'backtest.bands.churned': 'Churned',
	'backtest.bands.churned.expansion': 'Did not expand',
	'backtest.bands.rate': 'Churn rate',
	'backtest.bands.rate.expansion': 'Rate without expansion',

	'backtest.threshold.title': 'Flagging accounts below a threshold',
	'backtest.threshold.slider': 'Threshold',
	'backtest.threshold.explain':
		'An account is flagged when its score is below {threshold}. The default is the boundary of the lowest band.',
	'backtest.threshold.reset': 'Back to {threshold}',
	'backtest.threshold.best':
		'Best balance (Youden’s J, recall minus false-positive rate): below {threshold}, catching {recall} of churn for {fpr} of the others flagged.',
	'backtest.threshold.best.expansion':
		'Best balance (Youden’s J, recall minus false-positive rate): below {threshold}, catching {recall} of the accounts that did not expand while flagging {fpr} of those that expanded.',
	'backtest.threshold.useBest': 'Use {threshold}',
	'backtest.matrix.caption': 'Outcomes by what happened and whether the score flagged them',
	'backtest.matrix.actual': 'What happened',
	'backtest.matrix.flagged': 'Flagged (below {threshold})',
	'backtest.matrix.notFlagged': 'Not flagged',
	'backtest.matrix.churned': 'Churned',
	'backtest.matrix.churned.expansion': 'Did not expand',
	'backtest.matrix.retained': 'Stayed',
	'backtest.matrix.retained.expansion': 'Expanded',
	'backtest.metric.precision': 'Precision',
	'backtest.metric.precisionHelp': 'of the flagged accounts churned',
	'backtest.metric.precisionHelp.expansion': 'of the flagged accounts did not expand',
	'backtest.metric.recall': 'Recall',
	'backtest.metric.recallHelp': 'of the churned accounts were flagged',
	'backtest.metric.recallHelp.expansion': 'of the accounts that did not expand were flagged',
	'backtest.metric.fpr': 'False-positive rate',
	'backtest.metric.fprHelp': 'of the accounts that stayed were flagged',
	'backtest.metric.fprHelp.expansion': 'of the accounts that expanded were flagged',
	'backtest.metric.fnr': 'False-negative rate',
	'backtest.metric.fnrHelp': 'of the churned accounts were missed',
	'backtest.metric.fnrHelp.expansion': 'of the accounts that did not expand were missed',

	'backtest.measures.title': 'Each measure on its own',
	'backtest.measures.caption':
		'How well each group and measure alone foresaw churn, and how often it had no data',
	'backtest.measures.caption.expansion':
		'How well each group and measure alone foresaw expansion, and how often it had no data',
	'backtest.measures.name': 'Group / measure',
	'backtest.measures.auc': 'AUC',
	'backtest.measures.missing': 'Missing',
	'backtest.measures.lookAhead':
		'Reads people-level usage, which holds only each person’s latest activity: in a backtest it may know the outcome.',
	'backtest.measures.weak': 'Weak',

	'backtest.weights.title': 'Suggested weights',
	'backtest.weights.intro':
		'A regularised logistic regression of churn on the measure scores, fitted on {train} of the accounts and judged on the other {heldOut}, which it never saw. Weights are never negative; a measure whose score rose with churn gets 0.',
	'backtest.weights.intro.expansion':
		'A regularised logistic regression of not expanding on the measure scores, fitted on {train} of the accounts and judged on the other {heldOut}, which it never saw. Weights are never negative; a measure whose higher scores went with not expanding gets 0.',
	'backtest.weights.caption': 'Share of the overall score now and as proposed',
	'backtest.weights.item': 'Group / measure',
	'backtest.weights.current': 'Now',
	'backtest.weights.proposed': 'Proposed',
	'backtest.weights.heldOut': 'AUC on the held-out accounts',
	'backtest.weights.heldOutValue': '{current} now → {proposed} proposed',
	'backtest.weights.unchanged':
		'No change proposed: in cross-validation on the training accounts the fitted weights did no better than the current ones.',
	'backtest.weights.tooFew':
		'Too few outcomes to fit weights: at least 5 churned and 5 retained accounts are needed in both the training and the held-out part.',
	'backtest.weights.tooFew.expansion':
		'Too few outcomes to fit weights: at least 5 accounts that expanded and 5 that did not are needed in both the training and the held-out part.',
	'backtest.weights.noProtective':
		'No measure’s score went down with churn, so there are no weights to propose.',
	'backtest.weights.noProtective.expansion':
		'No measure’s score went up with expansion, so there are no weights to propose.',
	'backtest.weights.apply': 'Apply to draft',
	'backtest.draft.saving': 'Saving…',
	'backtest.draft.savedWeights':
		'The proposed weights are in the draft of {scorecard}. Nothing is published until you publish it.',
	'backtest.draft.savedFact':
		'“{fact}” is in the draft of {scorecard} as a measure of its own. Nothing is published until you publish it.',
	'backtest.draft.groups': 'Group weights in the draft: {groups}',
	'backtest.draft.group': '{name} {weight}',
	'backtest.draft.open': 'Open the draft in the builder',
	'backtest.draft.savedDiscovered':
		'The discovered scorecard is saved as a draft of a new scorecard, {scorecard}. Nothing is published until you publish it.',
	'backtest.draft.exists': 'This scorecard has a draft: suggestions are added to it.',
	'backtest.draft.failed': 'The draft could not be saved: {error}',

	'backtest.facts.title': 'What the scorecard does not measure',
	'backtest.facts.intro':
		'Facts in the data that no measure of this scorecard reads, ranked by how well each alone foresaw churn. Each comes with a scoring fitted on the training accounts (steps at quantiles, or a score per value by its churn rate) and the held-out AUC the scorecard would reach with it as a group of its own.',
	'backtest.facts.intro.expansion':
		'Facts in the data that no measure of this scorecard reads, ranked by how well each alone foresaw expansion. Each comes with a scoring fitted on the training accounts (steps at quantiles, or a score per value by its expansion rate) and the held-out AUC the scorecard would reach with it as a group of its own.',
	'backtest.facts.caption': 'Unmeasured facts, best predictor first',
	'backtest.facts.fact': 'Fact',
	'backtest.facts.auc': 'AUC',
	'backtest.facts.direction': 'Churn goes with',
	'backtest.facts.direction.expansion': 'Not expanding goes with',
	'backtest.facts.lower': 'lower values',
	'backtest.facts.higher': 'higher values',
	'backtest.facts.category': 'some values',
	'backtest.facts.missing': 'Missing',
	'backtest.facts.scoring': 'Fitted scoring',
	'backtest.facts.share': 'Share',
	'backtest.facts.withFact': 'Held-out AUC with it',
	'backtest.facts.add': 'Add to draft',
	'backtest.facts.addLabel': 'Add {fact} to the draft',
	'backtest.facts.none': 'Every fact in the data that could be scored is already measured.',
	'backtest.facts.steps': '≥ {min}: {score}',
	'backtest.facts.else': 'else {score}',
	'backtest.facts.lookAhead':
		'Left out: {facts}. They come from people’s usage, which holds only each person’s latest activity, so in a backtest they could know the outcome. Account fields such as ARR also hold today’s values.',

	'backtest.calibration.title': 'Calibrated probability',
	'backtest.calibration.intro':
		'The score turned into the probability of churn within {days|one:# day|other:# days}, fitted on the training accounts ({method}) and judged on the {heldOut} held-out outcomes, which it never saw. The Brier score is the mean squared error of the probabilities: lower is better.',
	'backtest.calibration.intro.expansion':
		'The score turned into the probability of not expanding within {days|one:# day|other:# days}, fitted on the training accounts ({method}) and judged on the {heldOut} held-out outcomes, which it never saw. The Brier score is the mean squared error of the probabilities: lower is better.',
	'backtest.calibration.running': 'Calibrating…',
	'backtest.calibration.failed': 'The calibration failed: {error}',
	'backtest.calibration.tooFew':
		'Too few outcomes to calibrate: at least 5 churned and 5 other outcomes are needed in both the training and the held-out part.',
	'backtest.calibration.tooFew.expansion':
		'Too few outcomes to calibrate: at least 5 expansions and 5 other outcomes are needed in both the training and the held-out part.',
	'backtest.calibration.method.platt': 'a logistic curve',
	'backtest.calibration.method.isotonic': 'an isotonic map',
	'backtest.calibration.method.blend': 'a blend of a logistic curve and an isotonic map',
	'backtest.calibration.caption': 'Brier score and AUC on the held-out outcomes',
	'backtest.calibration.model': 'Prediction',
	'backtest.calibration.brier': 'Brier score',
	'backtest.calibration.auc': 'AUC',
	'backtest.calibration.calibrated': 'This scorecard, calibrated',
	'backtest.calibration.linear': 'This scorecard’s score read linearly (1 − score/100)',
	'backtest.calibration.baseline':
		'Baseline: logistic regression on all facts (the benchmark to beat)',
	'backtest.calibration.noBaseline': 'No baseline regression: too few outcomes or no usable facts.',
	'backtest.calibration.reliability': 'Reliability diagram',
	'backtest.calibration.reliabilityLabel':
		'Reliability diagram: the mean predicted probability against the observed rate in each tenth of the held-out outcomes; points on the diagonal are well calibrated.',
	'backtest.calibration.x': 'Predicted',
	'backtest.calibration.y': 'Observed',
	'backtest.calibration.binsCaption': 'Predicted against observed per tenth of the predictions',
	'backtest.calibration.decile': 'Tenth',
	'backtest.calibration.outcomes': 'Outcomes',
	'backtest.calibration.events': 'Churned',
	'backtest.calibration.events.expansion': 'Did not expand',
	'backtest.calibration.predicted': 'Predicted',
	'backtest.calibration.observed': 'Observed',

	'backtest.discover.title': 'Discover measures',
	'backtest.discover.intro':
		'Builds a readable scorecard from this one by forward selection: each step adds the fact that most improves the AUC (cross-validated on the training accounts, with its scoring fitted from the outcomes) or removes a measure that no longer helps. The held-out accounts only report each step.',
	'backtest.discover.run': 'Discover measures',
	'backtest.discover.running': 'Discovering measures…',
	'backtest.discover.failed': 'The discovery failed: {error}',
	'backtest.discover.reason.unknown-scorecard': 'The scorecard is no longer in the workspace.',
	'backtest.discover.reason.too-few-outcomes':
		'Too few outcomes to discover measures: at least 5 churned and 5 other outcomes are needed in both the training and the held-out part.',
	'backtest.discover.reason.too-few-outcomes.expansion':
		'Too few outcomes to discover measures: at least 5 expansions and 5 other outcomes are needed in both the training and the held-out part.',
	'backtest.discover.reason.nothing-found': 'No fact improved the scorecard.',
	'backtest.discover.caption': 'The steps of the discovery',
	'backtest.discover.step': 'Step',
	'backtest.discover.action': 'Action',
	'backtest.discover.action.start': 'start',
	'backtest.discover.action.add': 'add',
	'backtest.discover.action.remove': 'remove',
	'backtest.discover.fact': 'Fact',
	'backtest.discover.heldOutAuc': 'Held-out AUC',
	'backtest.discover.measures': 'Measures',
	'backtest.discover.result': 'Held-out AUC: {before} for this scorecard → {after} discovered',
	'backtest.discover.save': 'Open as draft in the builder',

	'backtest.blind.title': 'Churned while {band}',
	'backtest.blind.title.expansion': 'Did not expand while {band}',
	'backtest.blind.intro':
		'Accounts the score rated in its top band {days|one:# day|other:# days} before they churned: the score’s blind spots, worth a look.',
	'backtest.blind.intro.expansion':
		'Accounts the score rated in its top band {days|one:# day|other:# days} before an outcome that was not an expansion: the score’s blind spots, worth a look.',
	'backtest.blind.caption': 'Accounts that churned while in the top band',
	'backtest.blind.caption.expansion': 'Accounts that did not expand while in the top band',
	'backtest.blind.account': 'Account',
	'backtest.blind.score': 'Score then',
	'backtest.blind.asOf': 'Scored on',
	'backtest.blind.churnedOn': 'Churned on',
	'backtest.blind.churnedOn.expansion': 'Outcome on',
	'backtest.blind.none': 'No account churned while in the top band.',
	'backtest.blind.none.expansion': 'No account in the top band failed to expand.'
} as const;
