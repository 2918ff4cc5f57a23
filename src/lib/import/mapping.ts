/**
 * Which column is which field. The guess compares headings with the case, spaces, underscores
 * and punctuation taken out (`Account ID`, `account_id` and `AccountId` are the same), against
 * each field's name and its common synonyms in CRM and product-analytics exports.
 */
import {
	EXTRA,
	IGNORE,
	type ColumnMapping,
	type FieldType,
	type ImportKind,
	type ValueType
} from './types';

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

/** A heading reduced to what identifies it: lower case, letters and digits only. */
export function normaliseHeader(header: string): string {
	return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Names a scorecard could not read, or that would change an object's prototype. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The fact or metric name for a heading, as rules read it (`{"var": "logins_30d"}`): lower case,
 * words joined by `_`. Dots would be read as paths by `var`, so they go too.
 */
export function attributeName(header: string, column: number): string {
	const name = header
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}_]+/gu, '_')
		.replace(/^_+|_+$/g, '');
	return name === '' || RESERVED.has(name) ? `column_${column + 1}` : name;
}

/**
 * Columns a snapshot export carries beside the account id for people to read, not measurements:
 * left out unless the user maps them.
 */
const SNAPSHOT_LABELS = new Set(
	['name', 'account name', 'company', 'company name', 'customer name'].map(normaliseHeader)
);

/**
 * The guessed mapping for a file's heading row: every field it recognises, the rest free
 * (columns without a heading, and snapshot label columns such as the account name, are ignored).
 */
export function guessMapping(kind: ImportKind, header: readonly string[]): ColumnMapping[] {
	const normalised = header.map(normaliseHeader);
	const targets: string[] = normalised.map((name) =>
		name === '' || !takesFreeColumns(kind) || (kind === 'snapshots' && SNAPSHOT_LABELS.has(name))
			? IGNORE
			: EXTRA
	);
	const taken = new Set<number>();
	for (const spec of FIELDS[kind]) {
		const names = [spec.field, ...spec.synonyms].map(normaliseHeader);
		// The best synonym wins: `Account ID` beats `Account` when a file has both.
		for (const name of names) {
			const column = normalised.findIndex(
				(heading, index) => heading === name && !taken.has(index) && heading !== ''
			);
			if (column >= 0) {
				targets[column] = spec.field;
				taken.add(column);
				break;
			}
		}
	}
	return header.map((text, column) => ({
		header: text,
		target: targets[column]!,
		name: attributeName(text, column),
		type: defaultValueType(kind)
	}));
}

export type MappingIssue =
	| { problem: 'missing_field'; field: string }
	| { problem: 'heading_twice'; columns: string[] }
	| { problem: 'field_twice'; field: string; columns: string[] }
	| { problem: 'name_twice'; name: string; columns: string[] }
	| { problem: 'bad_name'; column: string }
	| { problem: 'unknown_target'; column: string; target: string };

/** A heading as two columns are compared: `Segment ` and `segment` are the same. */
function headingKey(header: string): string {
	return header.trim().toLowerCase();
}

/**
 * What stops a mapping from being used: a required field with no column, a field or name twice,
 * and two columns used with the same heading (compared trimmed, ignoring case). The last is never
 * guessed away: with `segment,Segment` the second would become a fact named `segment`, which
 * overrides the field in every rule that reads it; the user ignores all but one, or fixes the file.
 */
export function checkMapping(kind: ImportKind, mapping: readonly ColumnMapping[]): MappingIssue[] {
	const issues: MappingIssue[] = [];
	const byField = new Map<string, string[]>();
	const byName = new Map<string, string[]>();
	const byHeading = new Map<string, string[]>();
	for (const column of mapping) {
		if (column.target === IGNORE) continue;
		const heading = headingKey(column.header);
		if (heading !== '') byHeading.set(heading, [...(byHeading.get(heading) ?? []), column.header]);
		if (column.target === EXTRA) {
			if (!takesFreeColumns(kind)) {
				issues.push({ problem: 'unknown_target', column: column.header, target: column.target });
				continue;
			}
			const name = column.name.trim();
			if (name === '' || RESERVED.has(name) || name.includes('.')) {
				issues.push({ problem: 'bad_name', column: column.header });
				continue;
			}
			byName.set(name, [...(byName.get(name) ?? []), column.header]);
		} else if (fieldSpec(kind, column.target)) {
			byField.set(column.target, [...(byField.get(column.target) ?? []), column.header]);
		} else {
			issues.push({ problem: 'unknown_target', column: column.header, target: column.target });
		}
	}
	for (const spec of FIELDS[kind]) {
		const columns = byField.get(spec.field);
		if (!columns && spec.required) issues.push({ problem: 'missing_field', field: spec.field });
		if (columns && columns.length > 1)
			issues.push({ problem: 'field_twice', field: spec.field, columns });
	}
	for (const [name, columns] of byName) {
		// Columns of one heading given one name are said once, as the heading twice.
		if (columns.length > 1 && new Set(columns.map(headingKey)).size > 1)
			issues.push({ problem: 'name_twice', name, columns });
	}
	for (const columns of byHeading.values()) {
		if (columns.length > 1) issues.push({ problem: 'heading_twice', columns });
	}
	return issues;
}
