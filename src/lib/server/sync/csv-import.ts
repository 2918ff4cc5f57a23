/**
 * A CSV file imported on the server (`POST /api/import/{kind}`, `$lib/import/upload.ts`): read as it
 * arrives, every row checked against the accounts the server holds (whatever the browser checked),
 * and the valid rows' records merged with the stored ones (`$lib/import/merge.ts`, as the browser's
 * store merges them) and written in one commit, so a failure writes nothing. Rows with problems are
 * left out and answered, as the Data page lists them. Every browser's replica then pulls the commit.
 */
import type { UpsertCount } from '../../db/types';
import { checkMapping, type MappingIssue } from '../../import/mapping';
import {
	MERGES,
	mergeContact,
	mergeRecords,
	mergeSnapshot,
	type StoredKind
} from '../../import/merge';
import {
	knownContactsOf,
	rollUpAnswers,
	type KnownContacts,
	type SurveyAnswer
} from '../../import/surveys';
import type { CsvSource } from '../../import/csv';
import { checkCsv } from '../../import/pipeline';
import type {
	ColumnMapping,
	CsvFormat,
	FileProblem,
	ImportKind,
	ImportRecord
} from '../../import/types';
import {
	IMPORT_ERRORS_LISTED,
	IMPORT_MAX_BYTES,
	type ImportAnswer,
	type ImportCounts
} from '../../import/upload';
import type { LockedRecords, WorkspaceRecords } from '../store/records';
import type { Contact, ManualEntry, Outcome, Scorecard, Snapshot } from '../../engine';
import { manualScales, type ManualScales } from '../../import/manual-measures';
import { newRecordId, type RecordKind } from '../../sync/protocol';
import { idOfBody } from './mapping';
import type { Pusher } from './push';
import { changeRefusal } from './rights';

export interface CsvImportRequest {
	kind: ImportKind;
	/** The file: the request's body as it arrives (or a whole file, in tests and scripts). */
	body: CsvSource;
	mapping: ColumnMapping[];
	format: CsvFormat;
	/** The body's length, when the request says it. */
	totalBytes?: number;
	/** The server's today: outcomes dated after it are refused. */
	latestDate?: string;
}

/**
 * Why nothing was imported: the caller's role (`role`), a mapping the kind cannot use, a file that
 * cannot be read as CSV or is not the one mapped, one too large, or accounts the rows name deleted
 * while the file was read (`accounts_changed`: importing it again checks against the new ones).
 */
export type ImportProblem = 'role' | 'mapping' | 'file' | 'too_large' | 'accounts_changed';

export type ServerImport =
	{ ok: true; answer: ImportAnswer } | { ok: false; problem: ImportProblem; error: string };

const FILE_PROBLEMS: Readonly<Record<FileProblem, string>> = {
	empty: 'the file is empty: there is no heading row to read',
	not_utf8: 'the file is not UTF-8 text (save it again as CSV UTF-8)',
	unreadable: 'the file could not be read to its end',
	other_heading: 'the heading row of the file is not the one the mapping was made for'
};

function mappingText(issue: MappingIssue): string {
	switch (issue.problem) {
		case 'missing_field':
			return `no column for the required field ${issue.field}`;
		case 'field_twice':
			return `${issue.field} is chosen for more than one column: ${issue.columns.join(', ')}`;
		case 'name_twice':
			return `the name ${issue.name} is given to more than one column: ${issue.columns.join(', ')}`;
		case 'heading_twice':
			return `columns ${issue.columns.join(', ')} have the same heading: ignore all but one`;
		case 'bad_name':
			return `column ${issue.column} needs a name without dots`;
		case 'unknown_target':
			return `column ${issue.column} goes to ${issue.target}, which is no field`;
	}
}

/** `body` cut off with an error past `maxBytes`; `exceeded()` tells whether it was. */
function limited(body: CsvSource, maxBytes: number): { body: CsvSource; exceeded: () => boolean } {
	if (body instanceof Blob) return { body, exceeded: () => body.size > maxBytes };
	let bytes = 0;
	const counted = body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				bytes += chunk.byteLength;
				if (bytes > maxBytes) controller.error(new Error('too large'));
				else controller.enqueue(chunk);
			}
		})
	);
	return { body: counted, exceeded: () => bytes > maxBytes };
}

const none = (): UpsertCount => ({ added: 0, updated: 0, unchanged: 0 });

/** The records each kind of file becomes. */
const RECORDS_OF: Readonly<Record<ImportKind, RecordKind>> = {
	accounts: 'accounts',
	contacts: 'contacts',
	snapshots: 'snapshots',
	outcomes: 'outcomes',
	manual_entries: 'manualEntries',
	// Rolled up into the people's accounts' snapshots (and the people's own metrics).
	survey_answers: 'snapshots'
};

/** What makes an outcome or a manual entry the same one again, as it carries no id. */
const naturalKey: Partial<Record<RecordKind, (body: ImportRecord) => string>> = {
	outcomes: (body) => {
		const outcome = body as Outcome;
		return `${outcome.account_id}\u0000${outcome.date}`;
	},
	manualEntries: (body) => {
		const entry = body as ManualEntry;
		return `${entry.account_id}\u0000${entry.measure_id}\u0000${entry.entered_at}`;
	}
};

/**
 * Each record under its id. An outcome or a manual entry carries none: it takes the id of the one
 * held for the same account and day (and measure), so a file imported twice changes nothing and a
 * value corrected since updates it, or a new one.
 */
async function identified(
	locked: LockedRecords,
	kind: RecordKind,
	records: readonly ImportRecord[]
): Promise<{ id: string; record: ImportRecord }[]> {
	const keyOf = naturalKey[kind];
	if (!keyOf) return records.map((record) => ({ id: idOfBody(kind, record)!, record }));
	const held = new Map<string, string>();
	for (const { id, body } of await locked.list([kind])) held.set(keyOf(body as ImportRecord), id);
	return records.map((record) => ({ id: held.get(keyOf(record)) ?? newRecordId(), record }));
}

/** The people the server holds, by id and email, for checking survey answers. */
async function peopleHeld(records: WorkspaceRecords): Promise<KnownContacts> {
	const contacts = await records.locked((locked) => locked.list(['contacts']));
	return knownContactsOf(contacts.map(({ body }) => body as Contact));
}

/** The manual measures of the scorecards the server holds, for checking manual entries. */
async function scalesHeld(records: WorkspaceRecords): Promise<ManualScales> {
	const scorecards = await records.locked((locked) => locked.list(['scorecards']));
	return manualScales(scorecards.map(({ body }) => body as Scorecard));
}

type Merge = (existing: ImportRecord, incoming: ImportRecord) => ImportRecord;

/** Records of one kind to merge with the held ones, under their ids. */
interface Batch {
	kind: RecordKind;
	incoming: { id: string; record: ImportRecord }[];
	merge: Merge;
}

type Gone = { gone: string[]; what: 'accounts' | 'people' };

/** A file's records as they are stored, once the accounts they name are known to be held. */
async function recordBatches(
	locked: LockedRecords,
	kind: StoredKind,
	records: readonly ImportRecord[],
	importer: Pusher
): Promise<Batch[] | Gone> {
	const recordKind = RECORDS_OF[kind];
	// An entry the file does not sign is the importer's.
	const imported = records.map((record) =>
		kind === 'manual_entries' && !(record as ManualEntry).entered_by
			? { ...record, entered_by: importer.actor.email }
			: record
	);
	const incoming = await identified(locked, recordKind, imported);
	if (kind !== 'accounts') {
		const named = [
			...new Set(incoming.map(({ record }) => (record as { account_id: string }).account_id))
		];
		const accounts = await locked.bodies('accounts', named);
		const gone = named.filter((id) => (accounts.get(id) ?? null) === null);
		if (gone.length) return { gone, what: 'accounts' };
	}
	return [
		{
			kind: recordKind,
			incoming: inAccountOrder(recordKind, incoming),
			merge: MERGES[kind] as Merge
		}
	];
}

/**
 * Snapshots by account (a stable sort: rows of one key keep the file's order), whatever the
 * file's order: replicas store an account's snapshots as one record, and receive new records in
 * the order they were written, so a file sorted by week would have them rewrite every account's
 * record with each page they pull.
 */
function inAccountOrder(
	kind: RecordKind,
	incoming: { id: string; record: ImportRecord }[]
): { id: string; record: ImportRecord }[] {
	if (kind !== 'snapshots') return incoming;
	const accountOf = (each: { record: ImportRecord }) => (each.record as Snapshot).account_id;
	return incoming.toSorted((a, b) =>
		accountOf(a) < accountOf(b) ? -1 : accountOf(a) > accountOf(b) ? 1 : 0
	);
}

/**
 * Survey answers rolled into the metrics of their people's accounts (`rollUpAnswers`): the
 * snapshots they make or change, and each person's latest answers.
 */
async function answerBatches(
	locked: LockedRecords,
	answers: readonly SurveyAnswer[]
): Promise<Batch[] | Gone> {
	const named = [...new Set(answers.map((answer) => answer.contact))];
	const held = await locked.bodies('contacts', named);
	const gone = named.filter((id) => (held.get(id) ?? null) === null);
	if (gone.length) return { gone, what: 'people' };
	const people = new Map(named.map((id) => [id, held.get(id) as Contact]));
	const accounts = [...new Set([...people.values()].map((person) => person.account_id))];
	const snapshots = (await locked.ofAccounts('snapshots', accounts)).map(
		({ body }) => body as Snapshot
	);
	const rollup = rollUpAnswers(answers, people, snapshots);
	return [
		{
			kind: 'snapshots',
			incoming: rollup.snapshots.map((record) => ({ id: idOfBody('snapshots', record)!, record })),
			merge: mergeSnapshot as Merge
		},
		{
			kind: 'contacts',
			incoming: rollup.contacts.map((record) => ({ id: record.id, record })),
			merge: mergeContact as Merge
		}
	];
}

/** Reads, checks and writes one file of `kind` for `importer`; never throws for what the file holds. */
export async function importCsv(
	records: WorkspaceRecords,
	request: CsvImportRequest,
	importer: Pusher,
	options: { maxBytes?: number } = {}
): Promise<ServerImport> {
	const { kind, mapping, format } = request;
	const recordKind = RECORDS_OF[kind];
	const refusal = changeRefusal(
		importer.role,
		kind === 'survey_answers' ? ['snapshots', 'contacts'] : [recordKind]
	);
	if (refusal) return { ok: false, problem: 'role', error: refusal };
	const issues = checkMapping(kind, mapping);
	if (issues.length)
		return {
			ok: false,
			problem: 'mapping',
			error: `mapping: ${issues.map(mappingText).join('; ')}`
		};
	const maxBytes = options.maxBytes ?? IMPORT_MAX_BYTES;
	if (!(request.body instanceof Blob) && (request.totalBytes ?? 0) > maxBytes)
		return { ok: false, problem: 'too_large', error: tooLarge(maxBytes) };
	const body = limited(request.body, maxBytes);
	if (body.exceeded()) return { ok: false, problem: 'too_large', error: tooLarge(maxBytes) };

	// Read before the file, outside the commit: holding the lock while a file uploads would stop
	// every other commit (and, on PGlite, every query) for as long. The commit checks them again.
	const knownAccounts = kind === 'accounts' ? undefined : await records.idsOf('accounts');
	const manualScales = kind === 'manual_entries' ? await scalesHeld(records) : undefined;
	const knownContacts = kind === 'survey_answers' ? await peopleHeld(records) : undefined;
	const checked = await checkCsv(body.body, kind, mapping, {
		format,
		knownAccounts,
		manualScales,
		knownContacts,
		latestDate: request.latestDate,
		totalBytes: request.totalBytes
	});
	if (body.exceeded()) return { ok: false, problem: 'too_large', error: tooLarge(maxBytes) };
	if (!checked.ok) return { ok: false, problem: 'file', error: FILE_PROBLEMS[checked.problem] };

	type Committed =
		| { gone: string[]; what: 'accounts' | 'people' }
		| { revision: number; counts: Partial<Record<RecordKind, UpsertCount>> };
	const committed = await records.locked(async (locked): Promise<Committed> => {
		const batches =
			kind === 'survey_answers'
				? await answerBatches(locked, checked.records as SurveyAnswer[])
				: await recordBatches(locked, kind, checked.records as ImportRecord[], importer);
		if ('gone' in batches) return batches;
		// Records never held (most of a first import) are inserted as they are; the others updated.
		const author = { actor: importer.actor, client: null };
		const counts: Partial<Record<RecordKind, UpsertCount>> = {};
		for (const batch of batches) {
			const held = await locked.bodies(
				batch.kind,
				batch.incoming.map(({ id }) => id)
			);
			const live = new Map<string, ImportRecord>();
			for (const [id, body] of held) if (body !== null) live.set(id, body as ImportRecord);
			const merged = mergeRecords<ImportRecord>(batch.incoming, live, batch.merge);
			const toWrite = ({ id, record }: { id: string; record: ImportRecord }) => ({
				kind: batch.kind,
				id,
				body: record
			});
			await locked.write(merged.changed.filter(({ id }) => held.has(id)).map(toWrite), author);
			await locked.write(merged.changed.filter(({ id }) => !held.has(id)).map(toWrite), author, {
				fresh: true
			});
			counts[batch.kind] = merged.count;
		}
		return { revision: await locked.finish(), counts };
	});
	if ('gone' in committed)
		return {
			ok: false,
			problem: 'accounts_changed',
			error: `${committed.what} were deleted while the file was read (${committed.gone.slice(0, 5).join(', ')}${committed.gone.length > 5 ? ', …' : ''}): import the file again`
		};
	const summary: ImportCounts = {
		accounts: none(),
		contacts: none(),
		snapshots: none(),
		outcomes: none(),
		manual_entries: none(),
		survey_answers: none()
	};
	const { counts } = committed;
	if (kind === 'survey_answers') {
		// The answers are counted as the days of accounts' figures they made or changed.
		summary.survey_answers = counts.snapshots ?? none();
		summary.snapshots = counts.snapshots ?? none();
		summary.contacts = counts.contacts ?? none();
	} else summary[kind] = counts[recordKind] ?? none();
	return {
		ok: true,
		answer: {
			revision: committed.revision,
			summary,
			check: checked.summary,
			errors: checked.errors.slice(0, IMPORT_ERRORS_LISTED)
		}
	};
}

const tooLarge = (maxBytes: number) =>
	`the file is larger than the ${maxBytes >= 1 << 20 ? `${Math.round(maxBytes / (1 << 20))} MB` : `${maxBytes} bytes`} one import takes: split it`;
