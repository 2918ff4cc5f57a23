// @vitest-environment node
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message } from '../../../../tests/support/messages';
import { MailSink } from './mailbox';

let dir: string;

beforeEach(() => {
	dir = join(mkdtempSync(join(tmpdir(), 'scorecraft-sink-')), 'mailbox');
});

afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('MailSink', () => {
	it('stores a message as its raw source and its fields, read back by id', () => {
		const sink = new MailSink(dir);
		const stored = sink.store('Subject: Hi\r\n\r\nHello', message('ana@example.com', 'Hi'));
		expect(stored.id).toMatch(/^[0-9a-z]{9}-[0-9a-f]{8}$/);
		expect(readdirSync(dir).sort()).toEqual([`${stored.id}.eml`, `${stored.id}.json`]);
		expect(sink.get(stored.id)).toEqual({ ...stored, raw: 'Subject: Hi\r\n\r\nHello' });
		expect(sink.count()).toBe(1);
	});

	it('lists newest first, also from a new sink over the same folder', () => {
		const sink = new MailSink(dir);
		const ids = ['a', 'b', 'c'].map((name) => sink.store('x', message(`${name}@x.com`, name)).id);
		expect(sink.list().map((summary) => summary.id)).toEqual([...ids].reverse());
		const again = new MailSink(dir);
		expect(again.list().map((summary) => summary.subject)).toEqual(['c', 'b', 'a']);
		expect(again.list()[0]).toEqual({
			id: ids[2],
			key: 'play:c@x.com',
			date: '2026-11-02T08:00:00.000Z',
			from: 'Scorecraft <scorecraft@localhost>',
			to: 'c@x.com',
			subject: 'c',
			test: false
		});
	});

	it('sees messages another process added, and skips stray and half-written files', () => {
		const sink = new MailSink(dir);
		expect(sink.list()).toEqual([]);
		new MailSink(dir).store('x', message('ana@example.com', 'from the command line'));
		writeFileSync(join(dir, '.zzz-1.json.tmp'), '{');
		writeFileSync(join(dir, 'zzz-2.json'), '{}');
		writeFileSync(join(dir, 'notes.txt'), 'hello');
		expect(sink.list().map((summary) => summary.subject)).toEqual(['from the command line']);
	});

	it('answers null for unknown ids and ids that would leave the folder', () => {
		const sink = new MailSink(dir);
		sink.store('x', message('ana@example.com', 'Hi'));
		writeFileSync(join(dir, '..', 'secret.json'), '{"id":"secret"}');
		writeFileSync(join(dir, '..', 'secret.eml'), 'secret');
		expect(sink.get('nope')).toBeNull();
		expect(sink.get('../secret')).toBeNull();
		expect(sink.get('')).toBeNull();
	});

	it('lists a few thousand messages newest first, reading the folder once', () => {
		// Written directly: storing one by one waits for the disk twice per message. How long a list
		// takes is `npm run bench:mail`'s to print.
		mkdirSync(dir, { recursive: true });
		const html = `<p>${'x'.repeat(2_000)}</p>`;
		const ids: string[] = [];
		for (let i = 0; i < 2000; i++) {
			const id = `${(1_700_000_000_000 + i).toString(36).padStart(9, '0')}-0000000${i % 10}`;
			const stored = { id, ...message(`c${i}@x.com`, `s${i}`), html };
			writeFileSync(join(dir, `${id}.eml`), html);
			writeFileSync(join(dir, `${id}.json`), JSON.stringify(stored));
			ids.push(id);
		}
		const sink = new MailSink(dir);
		const list = sink.list();
		expect(list).toHaveLength(2000);
		expect(list.map((summary) => summary.id)).toEqual([...ids].reverse());
		expect(list[0]?.subject).toBe('s1999');
		// A file rewritten in place leaves the folder as it was: the next lists come from what the
		// first one read; a new sink reads the files.
		const newest = ids[1999]!;
		writeFileSync(
			join(dir, `${newest}.json`),
			JSON.stringify({ id: newest, ...message('c1999@x.com', 'rewritten'), html })
		);
		expect(sink.list()[0]?.subject).toBe('s1999');
		expect(new MailSink(dir).list()[0]?.subject).toBe('rewritten');
	}, 60_000);
});
