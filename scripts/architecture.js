/**
 * Checks every import in `src/` against `architecture.config.js`, the one description of the parts
 * and what each may import. Each specifier is resolved to a file, whatever its form (`$lib/db`, the
 * barrel, as well as `$lib/db/book`, `../db/book`, `../../lib/server/…`), so a rule on a part holds
 * for every way of reaching it; a pattern on the text of specifiers misses the forms nobody listed.
 * Every import form counts: `import`, `import type`, `export … from`, `import()`, `typeof import()`,
 * `require()` and `new URL(…, import.meta.url)` (how Vite loads a worker), in `.ts`, `.js` and the
 * scripts and markup of `.svelte` files.
 *
 * `node scripts/architecture.js` prints what breaks the description and exits 1 if anything does.
 */
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * @typedef {object} Part
 * @property {string} name
 * @property {string[]} files Globs of the repository's paths that make the part (`**`, `*`).
 * @property {string[] | '*'} [imports] The other parts it may import in any form (`*`: all).
 * @property {string[]} [types] The other parts it may take only `import type` from.
 * @property {{ allow?: string[], deny?: string[] }} [packages] Which packages it may import.
 */

/**
 * @typedef {object} Exception
 * @property {string} file
 * @property {string} specifier
 * @property {string} reason
 */

/**
 * @typedef {object} Architecture
 * @property {string[]} ignore Globs of files under `src/` that are not checked (generated code).
 * @property {Part[]} parts In order: a file belongs to the first part that matches it.
 * @property {Exception[]} exceptions Imports that break a rule today, allowed until moved.
 */

/**
 * @typedef {object} Import
 * @property {string} specifier
 * @property {string} form How it is written: `import`, `import type`, `export from`, …
 * @property {boolean} typeOnly Erased before the code runs.
 * @property {number} line 1-based.
 */

/**
 * @typedef {object} Problem
 * @property {string} file
 * @property {number} line
 * @property {string} message
 */

const SOURCE = /\.(ts|js|svelte)$/;
/** What a specifier without an extension may name: a module, or a folder's index (a barrel). */
const EXTENSIONS = ['.ts', '.js', '.svelte', '.json', '/index.ts', '/index.js'];

/** `src/lib/db/**` as a regular expression: `**` any folders (or none), `*` within one name. */
export function globToRegExp(/** @type {string} */ glob) {
	let source = '';
	for (let i = 0; i < glob.length;) {
		if (glob.startsWith('/**', i) && i + 3 === glob.length) {
			source += '(?:/.*)?';
			i += 3;
		} else if (glob.startsWith('**/', i)) {
			source += '(?:.*/)?';
			i += 3;
		} else if (glob[i] === '*') {
			source += '[^/]*';
			i += 1;
		} else {
			source += /** @type {string} */ (glob[i]).replace(/[.+?^${}()|[\]\\]/g, '\\$&');
			i += 1;
		}
	}
	return new RegExp(`^${source}$`);
}

/** The imports of one file's text: `.svelte` files by their scripts and markup, others as TypeScript. */
export function importsOf(/** @type {string} */ text, /** @type {string} */ file) {
	if (!file.endsWith('.svelte')) return importsOfScript(text, file, 0);
	/** @type {Import[]} */
	const found = [];
	const blocks = /<(script|style)\b[^>]*>([\s\S]*?)<\/\1\s*>/g;
	let markup = text;
	for (const block of text.matchAll(blocks)) {
		const start = /** @type {number} */ (block.index) + block[0].indexOf('>') + 1;
		if (block[1] === 'script')
			found.push(
				...importsOfScript(/** @type {string} */ (block[2]), file, lineAt(text, start) - 1)
			);
		markup = markup.replace(block[0], (whole) => whole.replace(/[^\n]/g, ' '));
	}
	// An expression in the markup can load a module too: `{#await import('./Chart.svelte')}`.
	for (const call of markup.matchAll(/\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g))
		found.push({
			specifier: /** @type {string} */ (call[2]),
			form: 'import()',
			typeOnly: false,
			line: lineAt(markup, /** @type {number} */ (call.index))
		});
	return found;
}

function lineAt(/** @type {string} */ text, /** @type {number} */ offset) {
	let line = 1;
	for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** @returns {Import[]} */
function importsOfScript(
	/** @type {string} */ text,
	/** @type {string} */ file,
	/** @type {number} */ linesBefore
) {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
	/** @type {Import[]} */
	const found = [];
	const add = (
		/** @type {ts.Node} */ node,
		/** @type {ts.Node | undefined} */ specifier,
		/** @type {string} */ form,
		/** @type {boolean} */ typeOnly
	) => {
		const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 + linesBefore;
		if (specifier && ts.isStringLiteralLike(specifier))
			found.push({ specifier: specifier.text, form, typeOnly, line });
		// A computed path cannot be checked: the check refuses it rather than pass it unseen.
		else found.push({ specifier: '', form, typeOnly, line });
	};
	const visit = (/** @type {ts.Node} */ node) => {
		if (ts.isImportDeclaration(node)) {
			// Only `import type` is erased: with verbatimModuleSyntax (SvelteKit's), `import { type A }`
			// stays as `import {}` and loads the module.
			const typeOnly = node.importClause?.isTypeOnly ?? false;
			add(node, node.moduleSpecifier, typeOnly ? 'import type' : 'import', typeOnly);
		} else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
			add(
				node,
				node.moduleSpecifier,
				node.isTypeOnly ? 'export type from' : 'export from',
				node.isTypeOnly
			);
		} else if (
			ts.isImportEqualsDeclaration(node) &&
			ts.isExternalModuleReference(node.moduleReference)
		) {
			add(node, node.moduleReference.expression, 'import = require()', node.isTypeOnly);
		} else if (ts.isImportTypeNode(node)) {
			const argument = node.argument;
			add(
				node,
				ts.isLiteralTypeNode(argument) ? argument.literal : undefined,
				'typeof import()',
				true
			);
		} else if (ts.isCallExpression(node)) {
			const callee = node.expression;
			if (callee.kind === ts.SyntaxKind.ImportKeyword)
				add(node, node.arguments[0], 'import()', false);
			else if (ts.isIdentifier(callee) && callee.text === 'require' && node.arguments.length === 1)
				add(node, node.arguments[0], 'require()', false);
		} else if (isModuleUrl(node)) {
			add(node, node.arguments?.[0], 'new URL(…, import.meta.url)', false);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/**
 * `new URL('./x.worker.ts', import.meta.url)`: Vite bundles the file it names.
 * @returns {node is ts.NewExpression}
 */
function isModuleUrl(/** @type {ts.Node} */ node) {
	if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return false;
	const [specifier, base] = node.arguments ?? [];
	return (
		node.expression.text === 'URL' &&
		specifier !== undefined &&
		ts.isStringLiteralLike(specifier) &&
		// A file beside the module, not a folder (`new URL('../../', import.meta.url)` is a path).
		/^\.\.?\/.*[^/]$/.test(specifier.text) &&
		base !== undefined &&
		ts.isPropertyAccessExpression(base) &&
		ts.isMetaProperty(base.expression) &&
		base.name.text === 'url'
	);
}

/**
 * Checks imports against a description. One per repository: it caches what the file system says
 * about the paths it resolves.
 */
export class ArchitectureCheck {
	/** @type {string} */
	#root;
	/** @type {Architecture} */
	#architecture;
	/** @type {{ part: Part, patterns: RegExp[] }[]} */
	#parts;
	/** @type {RegExp[]} */
	#ignored;
	/** @type {Map<string, string>} */
	#resolved = new Map();
	/** @type {Set<Exception>} Exceptions met while checking: those never met are stale. */
	#used = new Set();

	constructor(/** @type {string} */ root, /** @type {Architecture} */ architecture) {
		this.#root = root;
		this.#architecture = architecture;
		const names = new Set(architecture.parts.map((part) => part.name));
		for (const part of architecture.parts)
			for (const other of [
				...(part.imports === '*' ? [] : (part.imports ?? [])),
				...(part.types ?? [])
			])
				if (!names.has(other))
					throw new Error(`Part ${part.name} names ${other}, which is no part`);
		this.#parts = architecture.parts.map((part) => ({
			part,
			patterns: part.files.map(globToRegExp)
		}));
		this.#ignored = architecture.ignore.map(globToRegExp);
	}

	/** The part a path of the repository (`/`-separated) belongs to. */
	partOf(/** @type {string} */ file) {
		return this.#parts.find(({ patterns }) => patterns.some((pattern) => pattern.test(file)))?.part;
	}

	/** What one file's text imports that its part may not. `file` is relative to the root. */
	checkSource(/** @type {string} */ text, /** @type {string} */ file) {
		const part = this.partOf(file);
		if (!part) return [{ file, line: 1, message: 'belongs to no part of architecture.config.js' }];
		/** @type {Problem[]} */
		const problems = [];
		for (const found of importsOf(text, file)) {
			const refusal = this.#refusal(part, file, found);
			if (refusal && !this.#excepted(file, found.specifier))
				problems.push({
					file,
					line: found.line,
					message: `${refusal} (${found.form} '${found.specifier}')`
				});
		}
		return problems;
	}

	/** Every source file under `src/`, and the exceptions no import needs any more. */
	checkRepository() {
		/** @type {Problem[]} */
		const problems = [];
		let files = 0;
		this.#used.clear();
		for (const file of this.#sources('src')) {
			files++;
			problems.push(
				...this.checkSource(fs.readFileSync(path.join(this.#root, file), 'utf8'), file)
			);
		}
		for (const exception of this.#architecture.exceptions)
			if (!this.#used.has(exception))
				problems.push({
					file: exception.file,
					line: 1,
					message: `no longer imports '${exception.specifier}': remove its exception from architecture.config.js`
				});
		return { files, problems };
	}

	/** @returns {Generator<string>} */
	*#sources(/** @type {string} */ folder) {
		for (const entry of fs.readdirSync(path.join(this.#root, folder), { withFileTypes: true })) {
			const file = `${folder}/${entry.name}`;
			if (this.#ignored.some((pattern) => pattern.test(file))) continue;
			if (entry.isDirectory()) yield* this.#sources(file);
			else if (SOURCE.test(entry.name)) yield file;
		}
	}

	/** Why `part` may not import `found`, or undefined when it may. */
	#refusal(/** @type {Part} */ part, /** @type {string} */ file, /** @type {Import} */ found) {
		const { specifier } = found;
		if (part.imports === '*') return undefined;
		if (specifier === '')
			return `${part.name} may not import a computed path: it cannot be checked`;
		const target = this.#target(file, specifier);
		if (target === undefined) return this.#packageRefusal(part, specifier);
		const other = this.partOf(target);
		if (!other) return `imports ${target}, which belongs to no part of architecture.config.js`;
		if (other === part || part.imports?.includes(other.name)) return undefined;
		if (found.typeOnly && part.types?.includes(other.name)) return undefined;
		const typesOnly = part.types?.includes(other.name) ? ' other than by `import type`' : '';
		return `${part.name} may not import ${other.name}${typesOnly}`;
	}

	/** @returns {string | undefined} */
	#packageRefusal(/** @type {Part} */ part, /** @type {string} */ specifier) {
		const { allow, deny } = part.packages ?? {};
		const matches = (/** @type {string} */ name) =>
			name === 'node:*'
				? isBuiltin(specifier)
				: specifier === name || specifier.startsWith(`${name}/`);
		if (allow && !allow.some(matches))
			return `${part.name} may not import the package ${specifier}`;
		if (deny?.some(matches))
			return `${part.name} may not import ${specifier}: it runs only on a server`;
		return undefined;
	}

	/** The repository path a specifier names, or undefined for a package. */
	#target(/** @type {string} */ file, /** @type {string} */ specifier) {
		const bare = specifier.replace(/[?#].*$/, '');
		let target;
		if (bare === '$lib' || bare.startsWith('$lib/')) target = `src/lib${bare.slice(4)}`;
		else if (bare === '.' || bare === '..' || bare.startsWith('./') || bare.startsWith('../'))
			target = path.posix.join(path.posix.dirname(file), bare);
		else if (bare.startsWith('/')) target = bare.slice(1);
		else return undefined;
		return this.#resolve(path.posix.normalize(target));
	}

	/** The file a path names (`../db` is `../db/index.ts`), or the path itself where none exists. */
	#resolve(/** @type {string} */ target) {
		let resolved = this.#resolved.get(target);
		if (resolved === undefined) {
			const candidates = [target, ...EXTENSIONS.map((extension) => target + extension)];
			// TypeScript's `./x.js` for `./x.ts`.
			if (target.endsWith('.js')) candidates.push(target.replace(/\.js$/, '.ts'));
			resolved = candidates.find((candidate) => this.#isFile(candidate)) ?? target;
			this.#resolved.set(target, resolved);
		}
		return resolved;
	}

	#isFile(/** @type {string} */ candidate) {
		try {
			return fs.statSync(path.join(this.#root, candidate)).isFile();
		} catch {
			return false;
		}
	}

	#excepted(/** @type {string} */ file, /** @type {string} */ specifier) {
		const exception = this.#architecture.exceptions.find(
			(known) => known.file === file && known.specifier === specifier
		);
		if (exception) this.#used.add(exception);
		return exception !== undefined;
	}
}

/** The repository's root: the folder above `scripts/`. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const started = performance.now();
	const { default: architecture } = await import('../architecture.config.js');
	const { files, problems } = new ArchitectureCheck(ROOT, architecture).checkRepository();
	for (const problem of problems)
		console.error(`${problem.file}:${problem.line}: ${problem.message}`);
	const took = `${Math.round(performance.now() - started)} ms`;
	if (problems.length > 0) {
		const count = problems.length === 1 ? '1 import breaks' : `${problems.length} imports break`;
		console.error(`${count} architecture.config.js (${files} files, ${took})`);
		process.exit(1);
	}
	console.log(`Architecture: ${files} files keep to architecture.config.js (${took})`);
}
