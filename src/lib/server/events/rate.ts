/**
 * How many events a source may send: a bucket per source that refills at `perSecond` and holds
 * two seconds' worth, so a burst (a backlog flushed after an outage) passes and a runaway sender
 * is slowed, not the server. Kept in memory: a restart forgets it, which only lets a burst through.
 */
export class RateLimit {
	readonly #buckets = new Map<string, { tokens: number; at: number }>();

	constructor(readonly perSecond: number) {}

	/** Takes `count` events for `source`: 0 when they may pass, else the seconds to wait. */
	take(source: string, count: number, now = Date.now()): number {
		const capacity = this.perSecond * 2;
		const bucket = this.#buckets.get(source) ?? { tokens: capacity, at: now };
		bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
		bucket.at = now;
		this.#buckets.set(source, bucket);
		// A batch larger than the bucket passes when it is full, and the bucket owes the rest.
		const needed = Math.min(count, capacity);
		if (needed <= bucket.tokens) {
			bucket.tokens -= count;
			return 0;
		}
		return Math.max(1, Math.ceil((needed - bucket.tokens) / this.perSecond));
	}
}
