/** Saves text or bytes as a file, without any network request. */
export function download(filename: string, data: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Reads a chosen file as text, refusing one far larger than anything the app makes (checked on
 * its size before it is read, and on its length after: UTF-8 takes up to four bytes a character).
 */
export async function readTextFile(file: File, maxChars: number): Promise<string> {
	const tooLarge = (size: string) =>
		new Error(
			`This file is ${size}; files from this app are never larger than ${(maxChars / 1_000_000).toFixed(0)} million characters. Nothing was changed.`
		);
	if (file.size > maxChars * 4) throw tooLarge(`${(file.size / 1_000_000).toFixed(1)} MB`);
	const text = await file.text();
	if (text.length > maxChars)
		throw tooLarge(`${(text.length / 1_000_000).toFixed(1)} million characters`);
	return text;
}

/** Copies text, or says how to copy it by hand where the browser does not allow it. */
export async function copyText(text: string): Promise<string> {
	try {
		await navigator.clipboard.writeText(text);
		return 'Copied.';
	} catch {
		return 'Copying is blocked here: select the text and copy it by hand.';
	}
}
