/**
 * The process's ingestion (one per store, so its rate limits hold across requests), sized by
 * `EVENTS_PER_SECOND` (events a source may send a second; 20,000 by default).
 */
import { env } from '$env/dynamic/private';
import { mailServer } from '../mail/server';
import type { Store } from '../store/store';
import { Ingestion } from './ingest';

const ingestions = new WeakMap<Store, Ingestion>();

export async function ingestion(): Promise<Ingestion> {
	const { store } = await mailServer();
	let found = ingestions.get(store);
	if (!found) {
		const perSecond = Number(env.EVENTS_PER_SECOND);
		found = new Ingestion(store.eventSources, store.productEvents, {
			eventsPerSecond: Number.isFinite(perSecond) && perSecond > 0 ? perSecond : undefined
		});
		ingestions.set(store, found);
	}
	return found;
}
