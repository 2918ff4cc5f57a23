/**
 * Dates of the sample as whole days from its end, turned into `YYYY-MM-DD` once per distinct day:
 * the sample needs hundreds of thousands of dates but only a few thousand different ones.
 */
import { addDays, addMonths, daysBetween } from '../dates';
import type { IsoDate } from '../types';

export class Calendar {
	readonly #dates = new Map<number, IsoDate>();
	readonly #monthShifts = new Map<number, number>();

	constructor(readonly end: IsoDate) {}

	/** The date `day` days after the end (before it when negative). */
	date(day: number): IsoDate {
		let date = this.#dates.get(day);
		if (date === undefined) this.#dates.set(day, (date = addDays(this.end, day)));
		return date;
	}

	/** The day `months` calendar months from `day`, as `addMonths` counts them. */
	addMonths(day: number, months: number): number {
		// Keys pack both numbers into one: days stay far below a million either side of the end.
		const key = months * 4_000_000 + day;
		let shifted = this.#monthShifts.get(key);
		if (shifted === undefined) {
			shifted = daysBetween(this.end, addMonths(this.date(day), months));
			this.#monthShifts.set(key, shifted);
		}
		return shifted;
	}
}
