/**
 * A PostgreSQL server's processes read from `/proc` while a benchmark runs: their peak memory and
 * the CPU time they spend (Linux only, as the development machines are).
 */
import { readdir, readFile } from 'node:fs/promises';

/** A field of a `/proc/<pid>/status` text in bytes (0 when absent). */
export const field = (status: string, name: string) =>
	Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;

/** A process's status and CPU time in milliseconds (user and system), or null when it is gone. */
export async function processOf(pid: string): Promise<{ status: string; cpuMs: number } | null> {
	try {
		const [status, stat] = await Promise.all([
			readFile(`/proc/${pid}/status`, 'utf8'),
			readFile(`/proc/${pid}/stat`, 'utf8')
		]);
		// After the command's name in parentheses: utime and stime are fields 14 and 15, in ticks of 10 ms.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { status, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
	} catch {
		return null;
	}
}

/**
 * Watches a PostgreSQL server (the postmaster of `backend` and its processes, parallel workers
 * included) every 100 ms: memory as each process's private memory plus the shared buffers once,
 * and the CPU time its processes spend from now. `stop` gives the peak and the CPU time.
 */
export async function watchServer(backend: number) {
	const postmaster = /PPid:\s+(\d+)/.exec((await processOf(String(backend)))!.status)![1]!;
	let peakBytes = 0;
	const cpuAtStart = new Map<string, number>();
	const cpuLast = new Map<string, number>();
	const sample = async (first: boolean) => {
		const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
		let own = 0;
		let shared = 0;
		for (const pid of pids) {
			const found = await processOf(pid);
			if (!found) continue;
			if (pid !== postmaster && /PPid:\s+(\d+)/.exec(found.status)?.[1] !== postmaster) continue;
			own += field(found.status, 'RssAnon');
			shared = Math.max(shared, field(found.status, 'RssShmem'));
			if (first) cpuAtStart.set(pid, found.cpuMs);
			cpuLast.set(pid, found.cpuMs);
		}
		peakBytes = Math.max(peakBytes, own + shared);
	};
	await sample(true);
	let sampling = false;
	const timer = setInterval(() => {
		if (sampling) return;
		sampling = true;
		void sample(false).finally(() => (sampling = false));
	}, 100);
	return async () => {
		clearInterval(timer);
		await sample(false);
		let cpu = 0;
		for (const [pid, last] of cpuLast) cpu += last - (cpuAtStart.get(pid) ?? 0);
		return { peakBytes, cpuMs: cpu };
	};
}
