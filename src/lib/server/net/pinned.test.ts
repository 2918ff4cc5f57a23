/** Requests go to the checked address under the URL's name, within their deadlines, reading little. */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { postPinned } from './pinned';

/** A self-signed certificate for hooks.test (P-256, valid until 2126): never trusted, only presented. */
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnRmYC6uK+Pybj9hR
t29eVaaPeyG+2T2jwSGfPKIwmwehRANCAAQyeOsmVxOrnOrFgI9nfPENLjh99Zhp
5Hr7A34plbNfjBHiDP/EI8tIPo0igaT2G7xpwEcsu+OOtf46L0PCuXt1
-----END PRIVATE KEY-----`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBlzCCAT6gAwIBAgIULqfr9VmOtIRy1ucbNktUnmtdOoswCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKaG9va3MudGVzdDAgFw0yNjEyMDIxNTIxMDhaGA8yMTI2MTEw
ODE1MjEwOFowFTETMBEGA1UEAwwKaG9va3MudGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABDJ46yZXE6uc6sWAj2d88Q0uOH31mGnkevsDfimVs1+MEeIM/8Qj
y0g+jSKBpPYbvGnARyy74461/jovQ8K5e3WjajBoMB0GA1UdDgQWBBQpeHz0ny+2
0cMzDqIZEdJvLuiFoTAfBgNVHSMEGDAWgBQpeHz0ny+20cMzDqIZEdJvLuiFoTAP
BgNVHRMBAf8EBTADAQH/MBUGA1UdEQQOMAyCCmhvb2tzLnRlc3QwCgYIKoZIzj0E
AwIDRwAwRAIgHNZGHsvbunVdh5oMLAirIDE9odrJD1ioJNCVz50ifj0CID8RiAm3
7Zd9td22fRqSLScMjLdfarzhljMiquTMoBwm
-----END CERTIFICATE-----`;

const LOOPBACK = [{ address: '127.0.0.1', family: 4 }];
const limits = { connectTimeoutMs: 200, timeoutMs: 400, maxResponseBytes: 1024 };

const servers: (Server | HttpServer)[] = [];
afterEach(async () => {
	await Promise.all(
		servers.splice(0).map((server) => {
			(server as HttpServer).closeAllConnections?.();
			return new Promise((resolve) => server.close(resolve));
		})
	);
});

/** Starts `server` on 127.0.0.1 and gives its port. */
async function listen(server: Server | HttpServer): Promise<number> {
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

describe('postPinned', () => {
	it('connects to the checked address, with the URL’s name in the Host header', async () => {
		const seen: { host?: string; method?: string; body: string } = { body: '' };
		const port = await listen(
			createHttpServer((request, response) => {
				seen.host = request.headers.host;
				seen.method = request.method;
				request.on('data', (chunk) => (seen.body += chunk));
				request.on('end', () => response.writeHead(201).end('created'));
			})
		);
		// hooks.test resolves nowhere: only the pinned address can have been used.
		const url = new URL(`http://hooks.test:${port}/services/x`);
		expect(await postPinned(url, LOOPBACK, '{"text":"hi"}', limits)).toEqual({
			answered: true,
			status: 201,
			retryAfter: null,
			body: 'created'
		});
		expect(seen).toEqual({ host: `hooks.test:${port}`, method: 'POST', body: '{"text":"hi"}' });
	});

	it('sends the URL’s name for TLS and checks the certificate against it', async () => {
		const names: string[] = [];
		const port = await listen(
			createTlsServer({
				key: KEY,
				cert: CERT,
				SNICallback: (name, done) => {
					names.push(name);
					done(null);
				}
			})
		);
		const delivery = await postPinned(
			new URL(`https://hooks.test:${port}/`),
			LOOPBACK,
			'{}',
			limits
		);
		expect(names).toEqual(['hooks.test']);
		// Self-signed, so refused: verification is on, as it must be for a pinned address.
		expect(delivery).toEqual({ answered: false, reason: expect.stringMatching(/self.signed/i) });
	});

	it('gives up on a connection that does not come up (TLS never answered)', async () => {
		// Takes the connection and reads, but never says a word of TLS.
		const port = await listen(createNetServer((socket) => socket.resume()));
		expect(
			await postPinned(new URL(`https://hooks.test:${port}/`), LOOPBACK, '{}', limits)
		).toEqual({
			answered: false,
			reason: 'no connection within 200 ms'
		});
	});

	it('gives up on a host that never answers, and keeps an answer whose body never ends', async () => {
		const silent = await listen(createHttpServer(() => undefined));
		const url = (port: number) => new URL(`http://hooks.test:${port}/`);
		expect(await postPinned(url(silent), LOOPBACK, '{}', limits)).toEqual({
			answered: false,
			reason: 'no answer within 400 ms'
		});
		const dribbling = await listen(
			createHttpServer((request, response) => {
				request.resume();
				response.writeHead(200, { 'retry-after': '3' });
				response.write('ok so far');
			})
		);
		expect(await postPinned(url(dribbling), LOOPBACK, '{}', limits)).toEqual({
			answered: true,
			status: 200,
			retryAfter: '3',
			body: 'ok so far'
		});
	});

	it('reads no more of a body than the cap', async () => {
		const port = await listen(
			createHttpServer((request, response) => {
				request.resume();
				response.writeHead(500).end('x'.repeat(1_000_000));
			})
		);
		const delivery = await postPinned(
			new URL(`http://hooks.test:${port}/`),
			LOOPBACK,
			'{}',
			limits
		);
		expect(delivery).toMatchObject({ answered: true, status: 500 });
		expect((delivery as { body: string }).body.length).toBeLessThanOrEqual(1024);
	});

	it('reports a refused connection', async () => {
		const closed = await listen(createNetServer());
		await new Promise((resolve) => servers.pop()!.close(resolve));
		const url = new URL(`http://hooks.test:${closed}/`);
		expect(await postPinned(url, LOOPBACK, '{}', limits)).toEqual({
			answered: false,
			reason: expect.stringContaining('ECONNREFUSED')
		});
	});
});
