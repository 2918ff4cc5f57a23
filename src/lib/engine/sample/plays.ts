/** The plays shipped in `rules/plays/`, and the contact states that make the sample's plans tell. */
import csmDropAlert from '../../../../rules/plays/csm-drop-alert.json';
import csmExpansionTask from '../../../../rules/plays/csm-expansion-task.json';
import csmRedTask from '../../../../rules/plays/csm-red-task.json';
import scaleCommunityInvitation from '../../../../rules/plays/scale-community-invitation.json';
import scaleContentNurture from '../../../../rules/plays/scale-content-nurture.json';
import scaleOnboardingNudge from '../../../../rules/plays/scale-onboarding-nudge.json';
import scaleRenewalReminder from '../../../../rules/plays/scale-renewal-reminder.json';
import scaleTrainingInvitation from '../../../../rules/plays/scale-training-invitation.json';
import csmDropAlertJa from '../../../../rules/plays/ja/csm-drop-alert.json';
import csmExpansionTaskJa from '../../../../rules/plays/ja/csm-expansion-task.json';
import csmRedTaskJa from '../../../../rules/plays/ja/csm-red-task.json';
import scaleCommunityInvitationJa from '../../../../rules/plays/ja/scale-community-invitation.json';
import scaleContentNurtureJa from '../../../../rules/plays/ja/scale-content-nurture.json';
import scaleOnboardingNudgeJa from '../../../../rules/plays/ja/scale-onboarding-nudge.json';
import scaleRenewalReminderJa from '../../../../rules/plays/ja/scale-renewal-reminder.json';
import scaleTrainingInvitationJa from '../../../../rules/plays/ja/scale-training-invitation.json';
import { addDays } from '../dates';
import type { SampleLanguage } from './language';
import type { Account, Contact, IsoDate, Play } from '../types';

// Validated against the workspace schema by the plays' own test, which makes the cast safe.
const shipped: Record<SampleLanguage, readonly Play[]> = {
	en: [
		scaleTrainingInvitation,
		scaleCommunityInvitation,
		scaleContentNurture,
		scaleOnboardingNudge,
		scaleRenewalReminder,
		csmRedTask,
		csmDropAlert,
		csmExpansionTask
	] as unknown as readonly Play[],
	// The same plays with their words in Japanese (`rules/plays/ja/`); a contact's language picks
	// each email's template variant.
	ja: [
		scaleTrainingInvitationJa,
		scaleCommunityInvitationJa,
		scaleContentNurtureJa,
		scaleOnboardingNudgeJa,
		scaleRenewalReminderJa,
		csmRedTaskJa,
		csmDropAlertJa,
		csmExpansionTaskJa
	] as unknown as readonly Play[]
};

/** Fresh copies, so a caller may edit them without touching the shipped ones. */
export function shippedPlays(language: SampleLanguage = 'en'): Play[] {
	return structuredClone(shipped[language]) as Play[];
}

/** A small, stable hash of an id (FNV-1a): the same id, the same choice, whatever the seed. */
function hashOf(id: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}

/**
 * Marks a few contacts unsubscribed (about 3 %) or with a broken address (about 1 %) and a few
 * accounts do-not-contact (about 1 %), chosen from their ids so the random stream of the rest of
 * the sample stays as it was.
 */
export function withContactStates(
	accounts: Account[],
	contacts: Contact[],
	end: IsoDate
): { accounts: Account[]; contacts: Contact[] } {
	return {
		accounts: accounts.map((account) =>
			hashOf(account.id) % 100 === 7 ? { ...account, do_not_contact: true } : account
		),
		contacts: contacts.map((contact) => {
			const pick = hashOf(contact.id) % 100;
			if (pick < 3) return { ...contact, unsubscribed_at: addDays(end, -(10 + pick * 20)) };
			if (pick === 3) return { ...contact, email: contact.email.replace('@', ' at ') };
			return contact;
		})
	};
}
