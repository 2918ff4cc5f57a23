/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The shipped scorecards written by hand as plain JavaScript: what a developer would write for
 * these three scorecards alone, computing the same results as the engine. The benchmark's yardstick.
 */
import type { AccountScore, Facts } from '../src/lib/engine';

type F = Record<string, any>;

const finite = (v: number) => v - v === 0;
const band = (o: number | null) =>
	o === null ? 'No data' : o >= 80 ? 'Green' : o >= 60 ? 'Yellow' : o >= 40 ? 'Orange' : 'Red';
const seatSteps = (x: number) => (x >= 0.8 ? 95 : x >= 0.6 ? 80 : x >= 0.4 ? 60 : 25);
const lin = (x: number, x0: number, y0: number, x1: number, y1: number) => y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
const npsSteps = (x: number) => (x >= 9 ? 100 : x >= 7 ? 70 : 20);

/** The quotient of two facts, or null when either is absent or the result is not finite. */
function ratio(a: unknown, b: unknown): number | null {
	if (a == null || b == null) return null;
	const v = (a as number) / (b as number);
	return finite(v) ? v : null;
}
function num(a: unknown): number | null {
	return a == null || (typeof a === 'number' && !finite(a)) ? null : (a as number);
}

function scale(f: F, id: string): AccountScore {
	const v0 = ratio(f.seats_active, f.seats_purchased);
	const s0 = v0 === null ? null : seatSteps(v0);
	const v1 = num(f.active_days_30d);
	const s1 = v1 === null ? null : v1 <= 0 ? 0 : v1 <= 4 ? lin(v1, 0, 0, 4, 40) : v1 <= 12 ? lin(v1, 4, 40, 12, 70) : v1 <= 20 ? lin(v1, 12, 70, 20, 100) : 100;
	const g0 = s0 === null ? null : (1 * s0) / 1;
	const g1 = s1 === null ? null : (1 * s1) / 1;
	let W = 0;
	let U = 0;
	if (g0 !== null) { W += 50; U += 50 * g0; }
	if (g1 !== null) { W += 50; U += 50 * g1; }
	const o = W > 0 ? U / W : null;
	const missing: string[] = [];
	if (s0 === null) missing.push('seat_penetration');
	if (s1 === null) missing.push('active_days');
	return {
		account_id: id,
		scorecard_id: 'scale',
		overall: o,
		band: band(o),
		groups: { deployment: g0, adoption: g1 },
		measures: {
			seat_penetration: { value: v0, score: s0, weight_share: s0 !== null && o !== null ? (1 / 1) * (50 / W) : 0 },
			active_days: { value: v1, score: s1, weight_share: s1 !== null && o !== null ? (1 / 1) * (50 / W) : 0 }
		},
		missing
	};
}

function bool(v: unknown, yes: number, no: number, otherwise: number): number {
	const k = String(v);
	return k === 'true' ? yes : k === 'false' ? no : otherwise;
}

/** Adds a measure to a group's running sums when it has a score. */
interface Sums { w: number; u: number }
function add(sums: Sums, weight: number, score: number | null): void {
	if (score !== null) {
		sums.w += weight;
		sums.u += weight * score;
	}
}
const mean = (sums: Sums) => (sums.w > 0 ? sums.u / sums.w : null);
const share = (s: number | null, weight: number, sums: Sums, g: number | null, groupWeight: number, o: number | null, W: number) =>
	s !== null && g !== null && o !== null ? (weight / sums.w) * (groupWeight / W) : 0;

function dream(f: F, id: string): AccountScore {
	const v0 = ratio(f.seats_active, f.seats_purchased);
	const v1 = f.seats_purchased == null || f.seats_active == null ? null : num(f.seats_purchased - f.seats_active);
	const v2 = num(f.exec_sponsor_engaged);
	const v3 = num(f.qbr_attended);
	const v4 = num(f.nps);
	const v5 = num(f.active_days_30d);
	const v6 = num(f.days_since_last_login);
	const v7 = ratio(f.features_used, f.features_available);
	const v8 = ratio(f.workflows_completed_30d, f.seats_active);
	const v9 = num(f.integrations_active);
	const v10 = ratio(f.power_users, f.seats_active);
	const s0 = v0 === null ? null : seatSteps(v0);
	const s1 = v1 === null ? null : v1 <= 50 ? 100 : v1 <= 150 ? 80 : v1 <= 300 ? 60 : v1 <= 600 ? 40 : 20;
	const s2 = v2 === null ? null : bool(v2, 100, 30, 30);
	const s3 = v3 === null ? null : bool(v3, 90, 40, 40);
	const s4 = v4 === null ? null : npsSteps(v4);
	const s5 = v5 === null ? null : v5 <= 0 ? 0 : v5 <= 4 ? lin(v5, 0, 0, 4, 40) : v5 <= 12 ? lin(v5, 4, 40, 12, 70) : v5 <= 20 ? lin(v5, 12, 70, 20, 100) : 100;
	const s6 = v6 === null ? null : v6 <= 1 ? 100 : v6 <= 3 ? 85 : v6 <= 7 ? 70 : v6 <= 14 ? 45 : v6 <= 30 ? 20 : 0;
	const s7 = v7 === null ? null : v7 <= 0 ? 0 : v7 <= 0.3 ? lin(v7, 0, 0, 0.3, 50) : v7 <= 0.6 ? lin(v7, 0.3, 50, 0.6, 80) : v7 <= 0.8 ? lin(v7, 0.6, 80, 0.8, 100) : 100;
	const s8 = v8 === null ? null : v8 <= 0 ? 0 : v8 <= 0.25 ? lin(v8, 0, 0, 0.25, 40) : v8 <= 0.75 ? lin(v8, 0.25, 40, 0.75, 70) : v8 <= 1.5 ? lin(v8, 0.75, 70, 1.5, 100) : 100;
	const s9 = v9 === null ? null : v9 >= 5 ? 100 : v9 >= 3 ? 80 : v9 >= 1 ? 55 : 20;
	const s10 = v10 === null ? null : v10 <= 0 ? 0 : v10 <= 0.05 ? lin(v10, 0, 0, 0.05, 40) : v10 <= 0.15 ? lin(v10, 0.05, 40, 0.15, 75) : v10 <= 0.3 ? lin(v10, 0.15, 75, 0.3, 100) : 100;
	const a = { w: 0, u: 0 }, b = { w: 0, u: 0 }, c = { w: 0, u: 0 }, d = { w: 0, u: 0 }, e = { w: 0, u: 0 };
	add(a, 2, s0); add(a, 1, s1);
	add(b, 2, s2); add(b, 1, s3); add(b, 1, s4);
	add(c, 2, s5); add(c, 1, s6);
	add(d, 1, s7); add(d, 1, s8);
	add(e, 1, s9); add(e, 1, s10);
	const g0 = mean(a), g1 = mean(b), g2 = mean(c), g3 = mean(d), g4 = mean(e);
	const all = { w: 0, u: 0 };
	add(all, 20, g0); add(all, 25, g1); add(all, 20, g2); add(all, 20, g3); add(all, 15, g4);
	const o = mean(all);
	const W = all.w;
	const missing: string[] = [];
	if (s0 === null) missing.push('seat_penetration');
	if (s1 === null) missing.push('licences_unassigned');
	if (s2 === null) missing.push('exec_sponsor');
	if (s3 === null) missing.push('qbr_attended');
	if (s4 === null) missing.push('nps');
	if (s5 === null) missing.push('active_days');
	if (s6 === null) missing.push('days_since_last_login');
	if (s7 === null) missing.push('feature_breadth');
	if (s8 === null) missing.push('workflows_per_seat');
	if (s9 === null) missing.push('integrations');
	if (s10 === null) missing.push('power_user_share');
	return {
		account_id: id,
		scorecard_id: 'enterprise-dream',
		overall: o,
		band: band(o),
		groups: { deployment: g0, relationship: g1, engagement: g2, adoption: g3, mature_adoption: g4 },
		measures: {
			seat_penetration: { value: v0, score: s0, weight_share: share(s0, 2, a, g0, 20, o, W) },
			licences_unassigned: { value: v1, score: s1, weight_share: share(s1, 1, a, g0, 20, o, W) },
			exec_sponsor: { value: v2, score: s2, weight_share: share(s2, 2, b, g1, 25, o, W) },
			qbr_attended: { value: v3, score: s3, weight_share: share(s3, 1, b, g1, 25, o, W) },
			nps: { value: v4, score: s4, weight_share: share(s4, 1, b, g1, 25, o, W) },
			active_days: { value: v5, score: s5, weight_share: share(s5, 2, c, g2, 20, o, W) },
			days_since_last_login: { value: v6, score: s6, weight_share: share(s6, 1, c, g2, 20, o, W) },
			feature_breadth: { value: v7, score: s7, weight_share: share(s7, 1, d, g3, 20, o, W) },
			workflows_per_seat: { value: v8, score: s8, weight_share: share(s8, 1, d, g3, 20, o, W) },
			integrations: { value: v9, score: s9, weight_share: share(s9, 1, e, g4, 15, o, W) },
			power_user_share: { value: v10, score: s10, weight_share: share(s10, 1, e, g4, 15, o, W) }
		},
		missing
	};
}

function threeDimensions(f: F, id: string): AccountScore {
	const v0 = num(f.active_days_30d);
	const v1 = ratio(f.seats_active, f.seats_purchased);
	const v2 = num(f.exec_sponsor_engaged);
	const v3 = num(f.nps);
	const v4 = num(f.csat);
	const v5 = num(f.outcome_progress);
	const v6 = num(f.invoices_late);
	const s0 = v0 === null ? null : v0 <= 0 ? 0 : v0 <= 1 ? lin(v0, 0, 0, 1, 30) : v0 <= 2 ? lin(v0, 1, 30, 2, 50) : v0 <= 4 ? lin(v0, 2, 50, 4, 70) : v0 <= 20 ? lin(v0, 4, 70, 20, 90) : v0 <= 30 ? lin(v0, 20, 90, 30, 100) : 100;
	const s1 = v1 === null ? null : v1 <= 0 ? 0 : v1 <= 0.4 ? lin(v1, 0, 0, 0.4, 50) : v1 <= 0.6 ? lin(v1, 0.4, 50, 0.6, 70) : v1 <= 0.8 ? lin(v1, 0.6, 70, 0.8, 90) : v1 <= 1 ? lin(v1, 0.8, 90, 1, 100) : 100;
	const s2 = v2 === null ? null : bool(v2, 100, 35, 35);
	const s3 = v3 === null ? null : npsSteps(v3);
	const s4 = v4 === null ? null : v4 >= 4 ? 100 : v4 >= 3 ? 70 : 20;
	const s5 = v5 === null ? null : v5 <= 0 ? 0 : v5 <= 0.25 ? lin(v5, 0, 0, 0.25, 40) : v5 <= 0.5 ? lin(v5, 0.25, 40, 0.5, 65) : v5 <= 0.75 ? lin(v5, 0.5, 65, 0.75, 85) : v5 <= 1 ? lin(v5, 0.75, 85, 1, 100) : 100;
	const s6 = v6 === null ? null : v6 <= 0 ? 100 : v6 <= 1 ? 60 : v6 <= 2 ? 30 : 0;
	const a = { w: 0, u: 0 }, b = { w: 0, u: 0 }, c = { w: 0, u: 0 };
	add(a, 1, s0); add(a, 1, s1);
	add(b, 2, s2); add(b, 1, s3); add(b, 1, s4);
	add(c, 2, s5); add(c, 1, s6);
	const g0 = mean(a), g1 = mean(b), g2 = mean(c);
	const all = { w: 0, u: 0 };
	add(all, 40, g0); add(all, 30, g1); add(all, 30, g2);
	const o = mean(all);
	const W = all.w;
	const missing: string[] = [];
	if (s0 === null) missing.push('login_frequency');
	if (s1 === null) missing.push('seat_penetration');
	if (s2 === null) missing.push('exec_sponsor');
	if (s3 === null) missing.push('nps');
	if (s4 === null) missing.push('csat');
	if (s5 === null) missing.push('outcome_progress');
	if (s6 === null) missing.push('invoices_late');
	return {
		account_id: id,
		scorecard_id: 'three-dimensions',
		overall: o,
		band: band(o),
		groups: { product: g0, relationship: g1, business: g2 },
		measures: {
			login_frequency: { value: v0, score: s0, weight_share: share(s0, 1, a, g0, 40, o, W) },
			seat_penetration: { value: v1, score: s1, weight_share: share(s1, 1, a, g0, 40, o, W) },
			exec_sponsor: { value: v2, score: s2, weight_share: share(s2, 2, b, g1, 30, o, W) },
			nps: { value: v3, score: s3, weight_share: share(s3, 1, b, g1, 30, o, W) },
			csat: { value: v4, score: s4, weight_share: share(s4, 1, b, g1, 30, o, W) },
			outcome_progress: { value: v5, score: s5, weight_share: share(s5, 2, c, g2, 30, o, W) },
			invoices_late: { value: v6, score: s6, weight_share: share(s6, 1, c, g2, 30, o, W) }
		},
		missing
	};
}

// The numbers only, as `scoreInto` gives them: [overall, ...groups, ...measures], NaN for none.

const nan = (x: number | null) => (x === null ? NaN : x);
function mean2(w0: number, s0: number | null, w1: number, s1: number | null): number | null {
	let w = 0;
	let u = 0;
	if (s0 !== null) { w += w0; u += w0 * s0; }
	if (s1 !== null) { w += w1; u += w1 * s1; }
	return w > 0 ? u / w : null;
}
function mean3(w0: number, s0: number | null, w1: number, s1: number | null, w2: number, s2: number | null): number | null {
	let w = 0;
	let u = 0;
	if (s0 !== null) { w += w0; u += w0 * s0; }
	if (s1 !== null) { w += w1; u += w1 * s1; }
	if (s2 !== null) { w += w2; u += w2 * s2; }
	return w > 0 ? u / w : null;
}

function scaleInto(f: F, out: Float64Array): void {
	const v0 = ratio(f.seats_active, f.seats_purchased);
	const s0 = v0 === null ? null : seatSteps(v0);
	const v1 = num(f.active_days_30d);
	const s1 = v1 === null ? null : v1 <= 0 ? 0 : v1 <= 4 ? lin(v1, 0, 0, 4, 40) : v1 <= 12 ? lin(v1, 4, 40, 12, 70) : v1 <= 20 ? lin(v1, 12, 70, 20, 100) : 100;
	const g0 = s0 === null ? null : (1 * s0) / 1;
	const g1 = s1 === null ? null : (1 * s1) / 1;
	out[0] = nan(mean2(50, g0, 50, g1));
	out[1] = nan(g0);
	out[2] = nan(g1);
	out[3] = nan(s0);
	out[4] = nan(s1);
}

function dreamInto(f: F, out: Float64Array): void {
	const v0 = ratio(f.seats_active, f.seats_purchased);
	const v1 = f.seats_purchased == null || f.seats_active == null ? null : num(f.seats_purchased - f.seats_active);
	const v2 = num(f.exec_sponsor_engaged);
	const v3 = num(f.qbr_attended);
	const v4 = num(f.nps);
	const v5 = num(f.active_days_30d);
	const v6 = num(f.days_since_last_login);
	const v7 = ratio(f.features_used, f.features_available);
	const v8 = ratio(f.workflows_completed_30d, f.seats_active);
	const v9 = num(f.integrations_active);
	const v10 = ratio(f.power_users, f.seats_active);
	const s0 = v0 === null ? null : seatSteps(v0);
	const s1 = v1 === null ? null : v1 <= 50 ? 100 : v1 <= 150 ? 80 : v1 <= 300 ? 60 : v1 <= 600 ? 40 : 20;
	const s2 = v2 === null ? null : bool(v2, 100, 30, 30);
	const s3 = v3 === null ? null : bool(v3, 90, 40, 40);
	const s4 = v4 === null ? null : npsSteps(v4);
	const s5 = v5 === null ? null : v5 <= 0 ? 0 : v5 <= 4 ? lin(v5, 0, 0, 4, 40) : v5 <= 12 ? lin(v5, 4, 40, 12, 70) : v5 <= 20 ? lin(v5, 12, 70, 20, 100) : 100;
	const s6 = v6 === null ? null : v6 <= 1 ? 100 : v6 <= 3 ? 85 : v6 <= 7 ? 70 : v6 <= 14 ? 45 : v6 <= 30 ? 20 : 0;
	const s7 = v7 === null ? null : v7 <= 0 ? 0 : v7 <= 0.3 ? lin(v7, 0, 0, 0.3, 50) : v7 <= 0.6 ? lin(v7, 0.3, 50, 0.6, 80) : v7 <= 0.8 ? lin(v7, 0.6, 80, 0.8, 100) : 100;
	const s8 = v8 === null ? null : v8 <= 0 ? 0 : v8 <= 0.25 ? lin(v8, 0, 0, 0.25, 40) : v8 <= 0.75 ? lin(v8, 0.25, 40, 0.75, 70) : v8 <= 1.5 ? lin(v8, 0.75, 70, 1.5, 100) : 100;
	const s9 = v9 === null ? null : v9 >= 5 ? 100 : v9 >= 3 ? 80 : v9 >= 1 ? 55 : 20;
	const s10 = v10 === null ? null : v10 <= 0 ? 0 : v10 <= 0.05 ? lin(v10, 0, 0, 0.05, 40) : v10 <= 0.15 ? lin(v10, 0.05, 40, 0.15, 75) : v10 <= 0.3 ? lin(v10, 0.15, 75, 0.3, 100) : 100;
	const g0 = mean2(2, s0, 1, s1);
	const g1 = mean3(2, s2, 1, s3, 1, s4);
	const g2 = mean2(2, s5, 1, s6);
	const g3 = mean2(1, s7, 1, s8);
	const g4 = mean2(1, s9, 1, s10);
	let w = 0;
	let u = 0;
	if (g0 !== null) { w += 20; u += 20 * g0; }
	if (g1 !== null) { w += 25; u += 25 * g1; }
	if (g2 !== null) { w += 20; u += 20 * g2; }
	if (g3 !== null) { w += 20; u += 20 * g3; }
	if (g4 !== null) { w += 15; u += 15 * g4; }
	out[0] = w > 0 ? u / w : NaN;
	out[1] = nan(g0); out[2] = nan(g1); out[3] = nan(g2); out[4] = nan(g3); out[5] = nan(g4);
	out[6] = nan(s0); out[7] = nan(s1); out[8] = nan(s2); out[9] = nan(s3); out[10] = nan(s4); out[11] = nan(s5);
	out[12] = nan(s6); out[13] = nan(s7); out[14] = nan(s8); out[15] = nan(s9); out[16] = nan(s10);
}

function threeDimensionsInto(f: F, out: Float64Array): void {
	const v0 = num(f.active_days_30d);
	const v1 = ratio(f.seats_active, f.seats_purchased);
	const v2 = num(f.exec_sponsor_engaged);
	const v3 = num(f.nps);
	const v4 = num(f.csat);
	const v5 = num(f.outcome_progress);
	const v6 = num(f.invoices_late);
	const s0 = v0 === null ? null : v0 <= 0 ? 0 : v0 <= 1 ? lin(v0, 0, 0, 1, 30) : v0 <= 2 ? lin(v0, 1, 30, 2, 50) : v0 <= 4 ? lin(v0, 2, 50, 4, 70) : v0 <= 20 ? lin(v0, 4, 70, 20, 90) : v0 <= 30 ? lin(v0, 20, 90, 30, 100) : 100;
	const s1 = v1 === null ? null : v1 <= 0 ? 0 : v1 <= 0.4 ? lin(v1, 0, 0, 0.4, 50) : v1 <= 0.6 ? lin(v1, 0.4, 50, 0.6, 70) : v1 <= 0.8 ? lin(v1, 0.6, 70, 0.8, 90) : v1 <= 1 ? lin(v1, 0.8, 90, 1, 100) : 100;
	const s2 = v2 === null ? null : bool(v2, 100, 35, 35);
	const s3 = v3 === null ? null : npsSteps(v3);
	const s4 = v4 === null ? null : v4 >= 4 ? 100 : v4 >= 3 ? 70 : 20;
	const s5 = v5 === null ? null : v5 <= 0 ? 0 : v5 <= 0.25 ? lin(v5, 0, 0, 0.25, 40) : v5 <= 0.5 ? lin(v5, 0.25, 40, 0.5, 65) : v5 <= 0.75 ? lin(v5, 0.5, 65, 0.75, 85) : v5 <= 1 ? lin(v5, 0.75, 85, 1, 100) : 100;
	const s6 = v6 === null ? null : v6 <= 0 ? 100 : v6 <= 1 ? 60 : v6 <= 2 ? 30 : 0;
	const g0 = mean2(1, s0, 1, s1);
	const g1 = mean3(2, s2, 1, s3, 1, s4);
	const g2 = mean2(2, s5, 1, s6);
	out[0] = nan(mean3(40, g0, 30, g1, 30, g2));
	out[1] = nan(g0); out[2] = nan(g1); out[3] = nan(g2);
	out[4] = nan(s0); out[5] = nan(s1); out[6] = nan(s2); out[7] = nan(s3); out[8] = nan(s4); out[9] = nan(s5); out[10] = nan(s6);
}

/** The numbers of `scoreByHand`, into the buffer of the scorecard it returns (null: unscored). */
export function scoreByHandInto(facts: Facts, buffers: Record<string, Float64Array>): string | null {
	const f = facts as F;
	if (f.segment === 'scale') return scaleInto(f, buffers.scale!), 'scale';
	if (f.segment === 'enterprise') return dreamInto(f, buffers['enterprise-dream']!), 'enterprise-dream';
	if (f.segment === 'mid') return threeDimensionsInto(f, buffers['three-dimensions']!), 'three-dimensions';
	return null;
}

/** Picks the scorecard by segment, as the shipped scorecards' `applies_to` do. */
export function scoreByHand(facts: Facts, accountId: string): AccountScore {
	const f = facts as F;
	if (f.segment === 'scale') return scale(f, accountId);
	if (f.segment === 'enterprise') return dream(f, accountId);
	if (f.segment === 'mid') return threeDimensions(f, accountId);
	return { account_id: accountId, scorecard_id: null, overall: null, band: null, groups: {}, measures: {}, missing: [] };
}
