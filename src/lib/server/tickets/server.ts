/** The process's tickets API (one per store, so its rate limits hold across requests). */
import { mailServer } from '../mail/server';
import type { Store } from '../store/store';
import { TicketIntake } from './intake';

const intakes = new WeakMap<Store, TicketIntake>();

export async function ticketIntake(): Promise<TicketIntake> {
	const { store } = await mailServer();
	let found = intakes.get(store);
	if (!found) {
		found = new TicketIntake(store.eventSources, store.tickets);
		intakes.set(store, found);
	}
	return found;
}
