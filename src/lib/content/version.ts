import meta from './data/meta.json';

/** The question bank's version, without loading the bank (the first page needs only this). */
export const CONTENT_VERSION: string = meta.version;

/**
 * Orders two question-bank versions ("2026.12-1" before "2027.01-1"), number by number. A version
 * that has no numbers sorts first: it can only be older or damaged, never newer.
 */
export function compareContentVersions(a: string, b: string): number {
	const parts = (version: string) => (version.match(/\d+/g) ?? []).map(Number);
	const [x, y] = [parts(a), parts(b)];
	for (let i = 0; i < Math.max(x.length, y.length); i++) {
		const difference = (x[i] ?? -1) - (y[i] ?? -1);
		if (difference !== 0) return Math.sign(difference);
	}
	return 0;
}
