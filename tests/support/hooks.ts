/**
 * Webhook hosts for tests: real HTTP servers on this machine, closed after each test
 * (`closeHooks` in an `afterEach`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const open = new Set<Server>();

async function listening(
	server: Server,
	options: { port: number; host: string; ipv6Only?: boolean }
) {
	open.add(server);
	await new Promise<void>((resolve) => server.listen(options, resolve));
	return (server.address() as AddressInfo).port;
}

/** Closes every server a test opened. */
export async function closeHooks(): Promise<void> {
	const servers = [...open];
	open.clear();
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
}

/**
 * A server answering each request with the next status of a list (200 once they run out; never,
 * for null), or with what `answer` says for its body; it keeps the bodies and can be closed early.
 */
export async function hook(
	statuses: (number | null)[] | ((body: unknown) => number) = []
): Promise<{ url: string; bodies: unknown[]; close: () => Promise<void> }> {
	const bodies: unknown[] = [];
	const next = (body: unknown) =>
		typeof statuses === 'function' ? statuses(body) : statuses.length > 0 ? statuses.shift() : 200;
	const server = createServer((request: IncomingMessage, response) => {
		let text = '';
		request.on('data', (chunk) => (text += chunk));
		request.on('end', () => {
			const body: unknown = JSON.parse(text);
			bodies.push(body);
			const status = next(body);
			if (status === null || status === undefined) return; // never answers
			response.writeHead(status).end('ok');
		});
	});
	const port = await listening(server, { port: 0, host: '127.0.0.1' });
	const close = async () => {
		open.delete(server);
		await new Promise((resolve) => server.close(resolve));
	};
	return { url: `http://127.0.0.1:${port}/hook`, bodies, close };
}

/** A listener on every local address (IPv4 and IPv6) that counts connections and answers 200. */
export async function counter(): Promise<{
	port: number;
	connections: () => number;
	hosts: string[];
}> {
	let connections = 0;
	const hosts: string[] = [];
	const server = createServer((request, response) => {
		hosts.push(request.headers.host ?? '');
		request.resume();
		request.on('end', () => response.writeHead(200).end('ok'));
	});
	server.on('connection', () => connections++);
	const port = await listening(server, { port: 0, host: '::', ipv6Only: false });
	return { port, connections: () => connections, hosts };
}

/** A server that answers every request with a redirect to `location`. */
export async function redirecting(location: string): Promise<{ url: string }> {
	const server = createServer((request, response) => {
		request.resume();
		response.writeHead(302, { location }).end();
	});
	const port = await listening(server, { port: 0, host: '127.0.0.1' });
	return { url: `http://127.0.0.1:${port}/` };
}
