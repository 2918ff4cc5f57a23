/**
 * Whether the browser keeps the store: by default it may evict IndexedDB under storage pressure,
 * unless the site asked for persistent storage and was granted it. Every call tolerates browsers
 * (and servers) without the Storage API: unknown answers come back as null.
 */
import type { StorageState } from './types';

/** The parts of the browser's `StorageManager` used here, any of them possibly missing. */
export type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function browserStorage(): StorageApi | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks the browser to keep the store; true when it will. Some browsers ask the user first. */
export async function requestPersistence(
	storage: StorageApi | undefined = browserStorage()
): Promise<boolean | null> {
	if (!storage?.persist) return null;
	try {
		return await storage.persist();
	} catch {
		return null;
	}
}

export async function storageState(
	storage: StorageApi | undefined = browserStorage()
): Promise<StorageState> {
	const [persisted, estimate] = await Promise.all([
		storage?.persisted?.().catch(() => null) ?? null,
		storage?.estimate?.().catch(() => null) ?? null
	]);
	return {
		persisted: typeof persisted === 'boolean' ? persisted : null,
		usage: estimate?.usage ?? null,
		quota: estimate?.quota ?? null
	};
}
