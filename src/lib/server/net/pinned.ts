/**
 * One HTTP(S) POST to addresses already checked (`resolve.ts`): the socket goes to those addresses
 * and no others (no second lookup), while the Host header and the TLS server name, and so the
 * certificate check, stay the URL's host name. No redirect is followed (Node's client follows none),
 * the connection and the whole request each have a deadline, and little of the answer is read.
 * Never throws: a failure comes back as a reason for the server's log.
 */
import type { LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Delivery, PinnedLimits } from './types';

/** Node's `lookup` hook, answering with the checked addresses whatever the name. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
	return (hostname, options, callback) => {
		const fitting = options.family
			? addresses.filter((entry) => entry.family === options.family)
			: addresses;
		const [first] = fitting;
		if (!first) {
			const error: NodeJS.ErrnoException = new Error(`no checked address for ${hostname}`);
			error.code = 'ENOTFOUND';
			callback(error, '');
		} else if (options.all) callback(null, fitting);
		else callback(null, first.address, first.family);
	};
}

/** POSTs `payload` (JSON) to `url`, connecting only to `addresses`. */
export function postPinned(
	url: URL,
	addresses: LookupAddress[],
	payload: string,
	limits: PinnedLimits
): Promise<Delivery> {
	const secure = url.protocol === 'https:';
	return new Promise((resolve) => {
		let settled = false;
		const finish = (delivery: Delivery) => {
			if (settled) return;
			settled = true;
			clearTimeout(connectTimer);
			clearTimeout(deadline);
			request.destroy();
			resolve(delivery);
		};
		// Before the status line, a deadline or an error is a failure; after it, the answer as read so
		// far (the host has answered: posting again could deliver twice).
		let fail = (reason: string) => finish({ answered: false, reason });
		const answered = (response: IncomingMessage) => {
			const chunks: Buffer[] = [];
			let size = 0;
			const done = () =>
				finish({
					answered: true,
					status: response.statusCode ?? 0,
					retryAfter: response.headers['retry-after'] ?? null,
					body: Buffer.concat(chunks).toString('utf8', 0, limits.maxResponseBytes)
				});
			fail = done;
			response.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				size += chunk.length;
				if (size >= limits.maxResponseBytes) done();
			});
			response.on('end', done);
			response.on('error', done);
		};
		const request = (secure ? httpsRequest : httpRequest)(
			url,
			{
				method: 'POST',
				agent: false,
				lookup: pinnedLookup(addresses),
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
					'user-agent': 'Scorecraft-Webhook'
				}
			},
			answered
		);
		const connectTimer = setTimeout(
			() => fail(`no connection within ${limits.connectTimeoutMs} ms`),
			limits.connectTimeoutMs
		);
		const deadline = setTimeout(
			() => fail(`no answer within ${limits.timeoutMs} ms`),
			limits.timeoutMs
		);
		request.on('socket', (socket) =>
			socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer))
		);
		request.on('error', (error: NodeJS.ErrnoException) =>
			fail(
				error.code && !error.message.includes(error.code)
					? `${error.code}: ${error.message}`
					: error.message
			)
		);
		request.end(payload);
	});
}
