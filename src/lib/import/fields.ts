/**
 * The fields of each kind of file: their names, how their cells are read, which are required, and
 * the headings that mean them in CRM and product-analytics exports (the mapping's guess reads them).
 * What a kind does with columns that are none of its fields is said here too.
 */
import type { FieldType, ImportKind, ValueType } from './types';

export interface FieldSpec {
	field: string;
	type: FieldType;
	required: boolean;
	/** Headings (compared normalised) that mean this field, best first. */
	synonyms: readonly string[];
}

const ACCOUNT_ID_SYNONYMS = [
	'account id',
	'company id',
	'customer id',
	'organization id',
	'organisation id',
	'org id',
	'account key',
	'account'
];

export const FIELDS: Readonly<Record<ImportKind, readonly FieldSpec[]>> = {
	accounts: [
		{
			field: 'id',
			type: 'id',
			required: true,
			synonyms: ['id', 'account id', 'company id', 'customer id', 'organization id', 'org id']
		},
		{
			field: 'name',
			type: 'text',
			required: true,
			synonyms: ['name', 'account name', 'company', 'company name', 'customer', 'customer name']
		},
		{
			field: 'segment',
			type: 'text',
			required: true,
			synonyms: ['segment', 'customer segment', 'account segment', 'tier']
		},
		{
			field: 'arr',
			type: 'number',
			required: false,
			synonyms: ['arr', 'annual recurring revenue', 'arr usd', 'annual contract value', 'acv']
		},
		{
			field: 'renewal_date',
			type: 'date',
			required: false,
			synonyms: [
				'renewal date',
				'renewal',
				'renews on',
				'renewal on',
				'next renewal',
				'contract end',
				'contract end date'
			]
		},
		{
			field: 'csm',
			type: 'text',
			required: false,
			synonyms: [
				'csm',
				'customer success manager',
				'csm email',
				'csm name',
				'account owner',
				'owner'
			]
		},
		{ field: 'tags', type: 'list', required: false, synonyms: ['tags', 'tag', 'labels'] },
		{
			field: 'do_not_contact',
			type: 'boolean',
			required: false,
			synonyms: ['do not contact', 'dnc', 'no contact']
		}
	],
	contacts: [
		{
			field: 'id',
			type: 'id',
			required: true,
			synonyms: ['id', 'contact id', 'person id', 'user id']
		},
		{ field: 'account_id', type: 'id', required: true, synonyms: ACCOUNT_ID_SYNONYMS },
		{
			field: 'email',
			type: 'email',
			required: true,
			synonyms: ['email', 'e-mail', 'email address', 'e-mail address', 'mail']
		},
		{
			field: 'name',
			type: 'text',
			required: false,
			synonyms: ['name', 'full name', 'contact name', 'contact']
		},
		{
			field: 'role',
			type: 'text',
			required: false,
			synonyms: ['role', 'title', 'job title', 'persona']
		},
		{
			field: 'locale',
			type: 'text',
			required: false,
			synonyms: ['locale', 'language', 'lang', 'preferred language']
		},
		{
			field: 'unsubscribed_at',
			type: 'datetime',
			required: false,
			synonyms: [
				'unsubscribed at',
				'unsubscribed',
				'unsubscribe date',
				'unsubscribed on',
				'opted out at'
			]
		},
		{
			field: 'last_seen',
			type: 'datetime',
			required: false,
			synonyms: [
				'last seen',
				'last seen at',
				'last active',
				'last activity',
				'last login',
				'last login at'
			]
		}
	],
	snapshots: [
		{ field: 'account_id', type: 'id', required: true, synonyms: [...ACCOUNT_ID_SYNONYMS, 'id'] },
		{
			field: 'date',
			type: 'date',
			required: true,
			synonyms: [
				'date',
				'snapshot date',
				'week',
				'day',
				'as of',
				'as of date',
				'period',
				'week start'
			]
		}
	],
	outcomes: [
		{ field: 'account_id', type: 'id', required: true, synonyms: [...ACCOUNT_ID_SYNONYMS, 'id'] },
		{
			field: 'date',
			type: 'date',
			required: true,
			synonyms: [
				'date',
				'outcome date',
				'close date',
				'closed date',
				'closed on',
				'churn date',
				'cancellation date',
				'renewal date',
				'effective date',
				'end date'
			]
		},
		{
			field: 'type',
			type: 'outcome',
			required: true,
			synonyms: [
				'type',
				'outcome',
				'outcome type',
				'result',
				'status',
				'stage',
				'opportunity stage',
				'renewal status',
				'renewal outcome'
			]
		},
		{
			field: 'arr_before',
			type: 'number',
			required: false,
			synonyms: ['arr before', 'previous arr', 'prior arr', 'old arr', 'arr prior', 'starting arr']
		},
		{
			field: 'arr_after',
			type: 'number',
			required: false,
			synonyms: ['arr after', 'new arr', 'renewed arr', 'ending arr', 'arr']
		},
		{
			field: 'reason',
			type: 'text',
			required: false,
			synonyms: [
				'reason',
				'churn reason',
				'loss reason',
				'closed lost reason',
				'cancellation reason',
				'reason lost'
			]
		}
	],
	manual_entries: [
		{ field: 'account_id', type: 'id', required: true, synonyms: ACCOUNT_ID_SYNONYMS },
		{
			field: 'measure',
			type: 'text',
			required: true,
			synonyms: ['measure', 'measure id', 'measure name', 'metric', 'indicator', 'kpi']
		},
		{ field: 'value', type: 'text', required: true, synonyms: ['value', 'score', 'rating'] },
		{
			field: 'date',
			type: 'datetime',
			required: true,
			synonyms: ['date', 'entered at', 'entered on', 'as of', 'month', 'period', 'reviewed on']
		},
		{
			field: 'entered_by',
			type: 'text',
			required: false,
			synonyms: ['entered by', 'by', 'author', 'reviewer', 'csm', 'owner']
		},
		{
			field: 'comment',
			type: 'text',
			required: false,
			synonyms: ['comment', 'comments', 'note', 'notes', 'why', 'reason']
		}
	],
	survey_answers: [
		{
			field: 'contact',
			type: 'id',
			required: true,
			synonyms: [
				'contact',
				'contact id',
				'email',
				'e-mail',
				'email address',
				'respondent',
				'respondent email',
				'person',
				'user email',
				'user id'
			]
		},
		{
			field: 'date',
			type: 'datetime',
			required: true,
			synonyms: [
				'date',
				'answered at',
				'responded at',
				'submitted at',
				'response date',
				'created at'
			]
		},
		{
			field: 'nps',
			type: 'number',
			required: false,
			synonyms: ['nps', 'nps score', 'likelihood to recommend', 'recommend', 'score']
		},
		{
			field: 'csat',
			type: 'number',
			required: false,
			synonyms: ['csat', 'csat score', 'satisfaction', 'satisfaction score']
		},
		{
			field: 'comment',
			type: 'text',
			required: false,
			synonyms: ['comment', 'comments', 'verbatim', 'feedback', 'why', 'reason']
		}
	]
};

/** Key fields: one record per key in a file. */
export const KEY_FIELDS: Readonly<Record<ImportKind, readonly string[]>> = {
	accounts: ['id'],
	contacts: ['id'],
	snapshots: ['account_id', 'date'],
	// One outcome per account and day: a file saying two is ambiguous, and a second import of the
	// same file finds each again by these.
	outcomes: ['account_id', 'date'],
	manual_entries: ['account_id', 'measure', 'date'],
	survey_answers: ['contact', 'date']
};

/** Kinds whose records keep only their fields: outcomes and entries have no facts or metrics. */
export function takesFreeColumns(kind: ImportKind): boolean {
	return kind === 'accounts' || kind === 'contacts' || kind === 'snapshots';
}

/** What free columns become: account facts, or contact and snapshot metrics. */
export function extraKind(kind: ImportKind): 'facts' | 'metrics' {
	return kind === 'accounts' ? 'facts' : 'metrics';
}

/** Snapshots hold measurements, so their free columns are strict; facts and contacts take text. */
export function defaultValueType(kind: ImportKind): ValueType {
	return kind === 'snapshots' ? 'metric' : 'auto';
}

export function fieldSpec(kind: ImportKind, field: string): FieldSpec | undefined {
	return FIELDS[kind].find((spec) => spec.field === field);
}
