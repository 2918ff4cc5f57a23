/** What the owner is told of the unsubscribe key ring: when the signing key was made, no key material. */
import { currentUnsubscribeKey, type UnsubscribeKeyRing } from '$lib/server/mail/unsubscribe';

export interface UnsubscribeKeyStatus {
	created_at: string;
}

export function keyStatus(ring: UnsubscribeKeyRing): UnsubscribeKeyStatus {
	// A ring is read only when it has a current key (unsubscribe-keys.ts refuses others).
	return { created_at: currentUnsubscribeKey(ring)!.created_at };
}
