/** How the Plays pages name statuses, actions and their details. */
import type { PlanEntry, Play, SuppressionReason } from '$lib/engine';
import { formatDate } from '$lib/i18n/format';
import { t } from '$lib/i18n/messages';

export function statusLabel(entry: Pick<PlanEntry, 'status' | 'suppression'>): string {
	return entry.status === 'planned'
		? t('plays.status.planned')
		: suppressionLabel(entry.suppression!);
}

export function suppressionLabel(reason: SuppressionReason | 'planned'): string {
	return t(`plays.status.${reason}`);
}

export function actionSummary(action: Play['actions'][number]): string {
	switch (action.type) {
		case 'email':
			return t('plays.action.email', { template: action.template, to: action.to });
		case 'task':
			return t('plays.action.task', { title: action.title });
		case 'tag':
			return t('plays.action.tag', {
				tags: [
					...(action.add ?? []).map((tag) => `+${tag}`),
					...(action.remove ?? []).map((tag) => `−${tag}`)
				].join(' ')
			});
		case 'webhook':
			return t('plays.action.webhook', { host: hostOf(action.url) });
	}
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

export function detailText(entry: PlanEntry): string {
	const detail = entry.detail;
	switch (detail.type) {
		case 'email':
			return t('plays.detail.email', { template: detail.template });
		case 'task':
			return t('plays.detail.task', { title: detail.title, due: formatDate(detail.due_date) });
		case 'tag':
			return t('plays.detail.tag', {
				tags: [
					...detail.add.map((tag) => `+${tag}`),
					...detail.remove.map((tag) => `−${tag}`)
				].join(' ')
			});
		case 'webhook':
			return t('plays.detail.webhook', { url: detail.url });
	}
}
