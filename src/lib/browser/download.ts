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

export function readFileText(file: File, maxBytes: number): Promise<string> {
	if (file.size > maxBytes) {
		return Promise.reject(
			new Error(
				`This file is ${(file.size / 1_000_000).toFixed(1)} MB; a saved assessment is never more than ${maxBytes / 1_000_000} MB. Nothing was changed.`
			)
		);
	}
	return file.text();
}
