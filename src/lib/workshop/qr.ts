import { encode } from 'uqr';

export interface QrImage {
	/** Modules per side, quiet zone included. */
	size: number;
	/** One SVG path drawing every dark module, for a crisp code at any size. */
	path: string;
	version: number;
}

/** A QR code for a text, drawn by a well-kept encoder (uqr); medium error correction for screens and projectors. */
export function qrCode(text: string, ecc: 'L' | 'M' | 'Q' = 'M'): QrImage {
	const qr = encode(text, { ecc, border: 4 });
	let path = '';
	qr.data.forEach((row, y) => {
		let x = 0;
		while (x < row.length) {
			if (!row[x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < row.length && row[x]) x++;
			path += `M${start} ${y}h${x - start}v1h${start - x}z`;
		}
	});
	return { size: qr.size, path, version: qr.version };
}
