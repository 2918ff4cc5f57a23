/**
 * What the settings page shows about the store: persistence and space from the browser, name and
 * schema version of the database, and the score cache's date, kept live as the cache changes.
 */
import { liveQuery } from 'dexie';
import {
	requestPersistence,
	scoreCacheState,
	storageState,
	type ScoreCacheState,
	type ScorecraftDatabase,
	type StorageApi,
	type StorageState
} from '$lib/db';

export class SettingsState {
	storage: StorageState | null = $state(null);
	cache: ScoreCacheState | null = $state(null);
	/** The schema version of the database as opened (the declared one until then). */
	version = $state(0);
	error: string | null = $state(null);
	asking = $state(false);
	/** True after the browser said no to a request made here. */
	declined = $state(false);

	readonly name: string;
	readonly #db: ScorecraftDatabase;
	readonly #storage: StorageApi | undefined;

	/** `storage` stands in for the browser's Storage API in tests; by default the browser's own. */
	constructor(db: ScorecraftDatabase, storage?: StorageApi) {
		this.#db = db;
		this.#storage = storage;
		this.name = db.name;
		this.version = db.verno;
	}

	/** Starts reading; returns what stops it (for `onMount`). */
	start(): () => void {
		const subscription = liveQuery(() => scoreCacheState(this.#db)).subscribe({
			next: (cache) => {
				this.cache = cache;
				this.version = this.#db.verno;
				// The cache changes after the data did: the space used has likely changed too.
				void this.#readStorage();
			},
			error: (error: unknown) => {
				this.error = error instanceof Error ? error.message : String(error);
			}
		});
		void this.#readStorage();
		return () => subscription.unsubscribe();
	}

	async #readStorage(): Promise<void> {
		this.storage = await storageState(this.#storage);
	}

	/** Asks the browser to keep the store, then reads again what it now says. */
	async askPersistence(): Promise<void> {
		this.asking = true;
		try {
			const granted = await requestPersistence(this.#storage);
			this.declined = granted === false;
			await this.#readStorage();
		} finally {
			this.asking = false;
		}
	}
}
