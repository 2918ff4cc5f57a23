/** JSON paths as people read them: `scorecards[0].groups[1].measures[0].value["/"][0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
			out += out ? `.${key}` : key;
		else out += `[${JSON.stringify(String(key))}]`;
	}
	return out || '(root)';
}
