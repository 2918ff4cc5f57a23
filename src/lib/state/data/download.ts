/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// The browser has started the download by now; the URL only holds the memory.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
