/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it accepts, read
 * back with `mailparser`. A test may script answers: a 4xx or 5xx for chosen messages, or no
 * answer at all (a held message, as when the connection dies before the server replies).
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
	raw: string;
	parsed: ParsedMail;
	to: string[];
}

export interface TestSmtp {
	url: string;
	received: Received[];
	/** Messages offered (accepted or not). */
	offered: number;
	/** Messages offered and never answered (see `SmtpOptions.hold`). */
	held: number;
	close(): Promise<void>;
}

/** An answer for the n-th message offered (1-based): null accepts it. */
export type Answer = (n: number) => { code: number; message: string } | null;

export interface SmtpOptions {
	/**
	 * True: the n-th message offered (1-based) is never answered, so it is not received: the
	 * client waits for a reply that does not come, as when the server dies after the data.
	 */
	hold?: (n: number) => boolean;
	/** Milliseconds to wait before answering each message (a slow server). */
	answerAfterMs?: number;
}

export async function startSmtp(
	answer: Answer = () => null,
	options: SmtpOptions = {}
): Promise<TestSmtp> {
	const state = { received: [] as Received[], offered: 0, held: 0 };
	const server = new SMTPServer({
		secure: false,
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		size: 10 * 1024 * 1024,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', async () => {
				const n = ++state.offered;
				if (options.hold?.(n)) {
					state.held++;
					return;
				}
				if (options.answerAfterMs)
					await new Promise((resolve) => setTimeout(resolve, options.answerAfterMs));
				const scripted = answer(n);
				if (scripted) {
					const error = Object.assign(new Error(scripted.message), { responseCode: scripted.code });
					return callback(error);
				}
				const raw = Buffer.concat(chunks).toString('utf8');
				const to = session.envelope.rcptTo.map((r) => r.address);
				state.received.push({ raw, parsed: await simpleParser(raw), to });
				callback();
			});
		}
	});
	// A client killed mid-conversation resets its connection: the server reports it as an error
	// event, which is what a test that kills its client expects, not a failure of the server.
	server.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		get received() {
			return state.received;
		},
		get offered() {
			return state.offered;
		},
		get held() {
			return state.held;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
