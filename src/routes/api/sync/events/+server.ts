/**
 * Server-sent events for the pages: `revision` with `{"revision": N}` when the stream opens and
 * after each commit to the team workspace, so another person's change reaches every browser
 * within a second or two, without polling. A comment every 20 s keeps proxies from closing it.
 */
import type { RequestHandler } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';

const HEARTBEAT_MS = 20_000;

export const GET: RequestHandler = async (event) => {
	const server = await mailServer();
	signedIn(event);
	const { feed, published } = server.store;
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const revision = (n: number) => send(`event: revision\ndata: {"revision":${n}}\n\n`);
			const unsubscribe = feed.subscribe(revision);
			const heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
			stop = () => {
				unsubscribe();
				clearInterval(heartbeat);
			};
			event.request.signal.addEventListener('abort', () => {
				stop();
				try {
					controller.close();
				} catch {
					// already closed
				}
			});
			revision((await published.records.head()).revision);
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
