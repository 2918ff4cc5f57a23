/**
 * Compiles the message catalogue (`messages/{locale}/*.json`, the inlang message format) into
 * Paraglide's typed message functions under `src/lib/paraglide` (generated, not committed).
 *
 * Paraglide's own compiler fetches the format's plugin from a CDN; these machines reach only the
 * npm registry, so the plugin comes from `node_modules` and the project is compiled here. Runs after
 * `npm install` (`prepare`), and from Vite (`vite.config.ts`) at its start and whenever a catalogue
 * file changes; `--if-stale` skips the work when the output is newer than the catalogue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = path.join(root, 'project.inlang');
const OUTDIR = path.join(root, 'src/lib/paraglide');
const CATALOGUE = path.join(root, 'messages');

/** The newest change to the catalogue or its settings, in ms. */
function newestSource() {
	let newest = fs.statSync(path.join(PROJECT, 'settings.json')).mtimeMs;
	for (const locale of fs.readdirSync(CATALOGUE))
		for (const file of fs.readdirSync(path.join(CATALOGUE, locale)))
			newest = Math.max(newest, fs.statSync(path.join(CATALOGUE, locale, file)).mtimeMs);
	return newest;
}

function upToDate() {
	const stamp = path.join(OUTDIR, 'messages.js');
	return fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSource();
}

/** Compiles the catalogue unless the output is newer than every file of it (`force` compiles anyway). */
async function compileMessages({ force = false } = {}) {
	if (!force && upToDate()) return;
	const { compileProject, defaultCompilerOptions, writeOutput } =
		await import('@inlang/paraglide-js');
	const { default: messageFormat } = await import('@inlang/plugin-message-format');
	const { loadProjectFromDirectory } = await import('@inlang/sdk');
	const project = await loadProjectFromDirectory({
		path: PROJECT,
		fs,
		providePlugins: [messageFormat]
	});
	try {
		const errors = await project.errors.get();
		if (errors.length > 0)
			throw new Error(`The message catalogue has errors:\n${errors.map(String).join('\n')}`);
		const output = await compileProject({
			project,
			projectPath: PROJECT,
			compilerOptions: {
				...defaultCompilerOptions,
				project: PROJECT,
				outdir: OUTDIR,
				// The person's choice (the header's switch) is a cookie, so the server answers in it too;
				// without one, the browser's language.
				strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
				emitGitIgnore: false,
				emitReadme: false
			}
		});
		await writeOutput({ directory: OUTDIR, output, fs: fs.promises, cleanDirectory: true });
	} finally {
		await project.close();
	}
}

await compileMessages({ force: !process.argv.includes('--if-stale') });
// The inlang SDK leaves a request pending for half a minute after closing the project: nothing is
// left to wait for once the files are written.
process.exit(0);
