/**
 * The team (owner only, as the hook's route table says): who is in it and as what, the
 * invitations waiting, and the owner's changes to both, each recorded in the audit log.
 */
import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { isValidAddress } from '$lib/engine/plays/recipients';
import { app } from '$lib/server/app';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { sendInvitation } from '$lib/server/people/invite-mail';
import { isRole, ROLES } from '$lib/server/store/people';
import type { InvitationRow, PersonRow } from './types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const caller = signedIn(event);
	const { people } = (await app()).store;
	const [members, pending] = await Promise.all([people.list(), people.pending()]);
	return {
		self: caller.id,
		roles: ROLES,
		people: members.map((person): PersonRow => ({
			id: person.id,
			email: person.email,
			name: person.name,
			role: person.role,
			since: person.created_at,
			manager: person.manager_id
		})),
		invitations: pending.map((invitation): InvitationRow => ({
			id: invitation.id,
			email: invitation.email,
			role: invitation.role,
			expires: invitation.expires_at
		}))
	};
};

/** A form field as trimmed text ('' when missing). */
const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
};

export const actions: Actions = {
	invite: async (event) => {
		const caller = signedIn(event);
		const { people, audit } = (await app()).store;
		const form = await event.request.formData();
		const email = field(form, 'email').toLowerCase();
		const role = field(form, 'role');
		if (!isValidAddress(email))
			return fail(400, {
				action: 'invite',
				email,
				role,
				message: t('people.problem.email', { email })
			});
		if (!isRole(role))
			return fail(400, { action: 'invite', email, role, message: t('people.problem.role') });
		const existing = await people.byEmail(email);
		if (existing?.role)
			return fail(400, {
				action: 'invite',
				email,
				role,
				message: t('people.problem.member', { email })
			});
		const { token } = await people.invite(email, role, caller.id);
		await audit.record(actorOf(caller), 'invite', email, { role });
		const link = `${event.url.origin}/invite/${token}`;
		const sent = await sendInvitation(email, {
			inviter: caller.name || caller.email,
			replyTo: caller.email,
			role,
			link,
			origin: event.url.origin
		});
		// The invitation stands either way; without the email, the owner passes the link on.
		return sent.ok
			? { action: 'invite', invited: { email, via: sent.via } }
			: { action: 'invite', invited: { email, link, error: sent.error } };
	},

	role: async (event) => {
		const caller = signedIn(event);
		const { people, audit } = (await app()).store;
		const form = await event.request.formData();
		const userId = field(form, 'user_id');
		const role = field(form, 'role');
		if (!isRole(role)) return fail(400, { action: 'role', message: t('people.problem.role') });
		const person = (await people.list()).find((member) => member.id === userId);
		if (!person) return fail(400, { action: 'role', message: t('people.problem.notFound') });
		if (person.role === role) return { action: 'role' };
		const outcome = await people.setRole(userId, role);
		if (outcome === 'last_owner')
			return fail(400, { action: 'role', message: t('people.problem.lastOwner') });
		if (outcome === 'not_found')
			return fail(400, { action: 'role', message: t('people.problem.notFound') });
		await audit.record(actorOf(caller), 'role.change', person.email, { from: person.role, role });
		// A changed role ends the person's sessions: an owner who changed their own signs in again.
		if (userId === caller.id) redirect(303, '/signin');
		return { action: 'role' };
	},

	manager: async (event) => {
		const caller = signedIn(event);
		const { people, audit } = (await app()).store;
		const form = await event.request.formData();
		const userId = field(form, 'user_id');
		const managerId = field(form, 'manager_id') || null;
		const members = await people.list();
		const person = members.find((member) => member.id === userId);
		const manager = members.find((member) => member.id === managerId);
		if (!person || (managerId && !manager))
			return fail(400, { action: 'manager', message: t('people.problem.notFound') });
		if ((await people.setManager(userId, managerId)) === 'self')
			return fail(400, { action: 'manager', message: t('people.problem.ownManager') });
		await audit.record(actorOf(caller), 'manager.change', person.email, {
			manager: manager?.email ?? null
		});
		return { action: 'manager' };
	},

	remove: async (event) => {
		const caller = signedIn(event);
		const { people, audit } = (await app()).store;
		const userId = field(await event.request.formData(), 'user_id');
		const person = (await people.list()).find((member) => member.id === userId);
		if (!person) return fail(400, { action: 'remove', message: t('people.problem.notFound') });
		const outcome = await people.remove(userId);
		if (outcome === 'last_owner')
			return fail(400, { action: 'remove', message: t('people.problem.lastOwner') });
		if (outcome === 'not_found')
			return fail(400, { action: 'remove', message: t('people.problem.notFound') });
		await audit.record(actorOf(caller), 'person.remove', person.email, { role: person.role });
		if (userId === caller.id) redirect(303, '/signin');
		return { action: 'remove' };
	},

	revoke: async (event) => {
		const caller = signedIn(event);
		const { people, audit } = (await app()).store;
		const invitationId = field(await event.request.formData(), 'invitation_id');
		const invitation = (await people.pending()).find((pending) => pending.id === invitationId);
		if (!invitation || !(await people.revokeInvitation(invitationId)))
			return fail(400, { action: 'revoke', message: t('people.problem.invitationGone') });
		await audit.record(actorOf(caller), 'invite.revoke', invitation.email, {
			role: invitation.role
		});
		return { action: 'revoke' };
	}
};
